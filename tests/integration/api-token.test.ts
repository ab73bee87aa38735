import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as getActors } from "@/app/api/v1/health-actors/route";
import { GET as getRegistry } from "@/app/api/v1/registry/route";
import { API_RATE_LIMIT_PER_MINUTE, authorizeApiCall } from "@/lib/auth/api-token";
import { db } from "@/lib/db";
import type { AppError } from "@/lib/errors/app-error";
import { apiRequest, staffToken } from "./support";

const call = (token?: string) => getRegistry(apiRequest("/api/v1/registry", { token }));

describe("API tokens", () => {
  it("are stored only as their SHA-256: no column of any token row holds the token", async () => {
    const { tokenId, token } = await staffToken();
    expect(token).toMatch(/^dsr_[A-Za-z0-9_-]{32}$/);
    const row = await db().apiToken.findUniqueOrThrow({ where: { id: tokenId } });
    expect(row.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    const secretPart = token.slice(4);
    const everyRow = JSON.stringify(await db().$queryRaw`SELECT * FROM "ApiToken"`);
    expect(everyRow).not.toContain(secretPart);
    expect(everyRow).toContain(row.tokenHash);
  });

  it("record when they were last used, and count the call in the minute's window", async () => {
    const { tokenId, token } = await staffToken();
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: tokenId } })).lastUsedAt).toBeNull();
    const before = Date.now();
    expect((await call(token)).status).toBe(200);
    const used = await db().apiToken.findUniqueOrThrow({ where: { id: tokenId } });
    expect(used.lastUsedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(used.rateWindowCount).toBe(1);
    expect((await call(token)).status).toBe(200);
    const again = await db().apiToken.findUniqueOrThrow({ where: { id: tokenId } });
    expect(again.rateWindowCount).toBe(2);
    expect(again.lastUsedAt!.getTime()).toBeGreaterThanOrEqual(used.lastUsedAt!.getTime());
  });

  it("are refused once revoked, and a refused call leaves no trace of use", async () => {
    const { tokenId, token } = await staffToken();
    expect((await call(token)).status).toBe(200);
    const revokedAt = new Date();
    await db().apiToken.update({ where: { id: tokenId }, data: { revokedAt } });
    const before = await db().apiToken.findUniqueOrThrow({ where: { id: tokenId } });

    const response = await call(token);
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("unauthenticated");
    const after = await db().apiToken.findUniqueOrThrow({ where: { id: tokenId } });
    expect(after.lastUsedAt).toEqual(before.lastUsedAt);
    expect(after.rateWindowCount).toBe(before.rateWindowCount);
  });

  it("refuse a malformed Authorization header and a token of another scheme", async () => {
    const { token } = await staffToken();
    for (const authorization of [token, `Basic ${token}`, "Bearer", `Bearer ${token} extra`]) {
      const response = await getActors(apiRequest("/api/v1/health-actors", { headers: { authorization } }));
      expect(response.status, authorization).toBe(401);
    }
  });

  it("open a fresh window once the minute is over", async () => {
    const { tokenId, token } = await staffToken();
    await db().apiToken.update({
      where: { id: tokenId },
      data: { rateWindowCount: API_RATE_LIMIT_PER_MINUTE, rateWindowStart: new Date(Date.now() - 61_000) },
    });
    expect((await call(token)).status).toBe(200);
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: tokenId } })).rateWindowCount).toBe(1);
  });

  it("are limited by their scopes even when the role allows more", async () => {
    const { token } = await staffToken({ role: "dpo_admin", scopes: ["registry.read"] });
    expect((await call(token)).status).toBe(200);
    const error = await authorizeApiCall(db(), `Bearer ${token}`, "requests.read").then(
      () => null,
      (e: unknown) => e as AppError,
    );
    expect(error?.code).toBe("forbidden");
    expect((await getActors(apiRequest("/api/v1/health-actors", { token }))).status).toBe(403);
  });
});
