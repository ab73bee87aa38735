import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { currentRegistry, ensureRegistryVersion } from "@/lib/registry";
import { GET as getRegistry } from "@/app/api/v1/registry/route";
import { GET as getActors } from "@/app/api/v1/health-actors/route";
import { apiRequest, demoData, staffToken } from "./support";

describe("GET /api/v1/registry and /api/v1/health-actors", () => {
  it("publishes every activity of the registry with its controller and bases", async () => {
    const { token } = await staffToken();
    const response = await getRegistry(apiRequest("/api/v1/registry", { token }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      version: string;
      activities: { key: string; controller: string; legalBases: string[]; medicalRecord: boolean }[];
    };
    expect(body.version).toBe("2026-04.1");
    expect(body.activities.filter((a) => a.controller === "platform")).toHaveLength(15);
    expect(body.activities.filter((a) => a.controller === "health_actor")).toHaveLength(19);
    expect(body.activities.find((a) => a.key === "rights_requests")?.legalBases).toEqual(["legal_obligation"]);
    expect(body.activities.filter((a) => a.controller === "health_actor").every((a) => a.legalBases.length === 0)).toBe(
      true,
    );
  });

  it("lists health actors with kind, specialty and city", async () => {
    await demoData();
    const { token } = await staffToken();
    const response = await getActors(apiRequest("/api/v1/health-actors", { token }));
    expect(response.status).toBe(200);
    const actors = (await response.json()) as { id: string; kind: string; specialty: string; city: string }[];
    expect(actors.length).toBeGreaterThanOrEqual(5);
    expect(actors.some((a) => a.kind === "establishment")).toBe(true);
    expect(actors.every((a) => a.specialty && a.city)).toBe(true);
  });

  it("refuses a call without a token (401), in the caller's language", async () => {
    const response = await getActors(
      apiRequest("/api/v1/health-actors", { headers: { "accept-language": "en-GB,en;q=0.9" } }),
    );
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("unauthenticated");
    expect(body.error.message).toMatch(/token/i);
  });
});

describe("ensureRegistryVersion", () => {
  it("records a new version once when many requests record it at the same time", async () => {
    const registry = { ...currentRegistry(), version: `test-${randomUUID()}` };
    // Each call as a process of its own would make it: none has recorded the version yet.
    const results = await Promise.allSettled(Array.from({ length: 12 }, () => ensureRegistryVersion(db(), registry)));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(await db().registryVersion.count({ where: { version: registry.version } })).toBe(1);
  });
});
