import { randomUUID } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listParts } from "@/app/api/v1/actor/parts/route";
import { GET as getRegistry } from "@/app/api/v1/registry/route";
import { POST as caseAction } from "@/app/api/v1/requests/[reference]/actions/route";
import { createActorKey } from "@/lib/actors/api-keys";
import { handleApi } from "@/lib/api/respond";
import { createApiToken } from "@/lib/auth/api-token";
import { authOptions } from "@/lib/auth/next-auth";
import { createDb, type Db } from "@/lib/db";
import { runAction } from "@/lib/errors/app-error";
import { upsertStaff } from "@/lib/staff/create-staff";
import { checkPassword, checkSecondFactor, sessionViewer } from "@/lib/staff/sign-in";
import { totpAt } from "@/lib/auth/totp";
import { migrateDeploy } from "@/scripts/db/migrate-deploy-core";
import { freePort } from "@/scripts/lib/services";
import { type PostgresService, startPostgres } from "@/scripts/pg/server";
import { apiRequest } from "./support";

/**
 * Credentials checked while the database is down: a PostgreSQL of its own, with a valid API token,
 * a valid actor key and a valid staff session, then stopped. Every check answers 503 with
 * Retry-After ("try again"), never 401 or 403 ("your credentials are wrong").
 */
const global = globalThis as unknown as { __db?: Db };
let server: PostgresService | null = null;
let dir = "";
let url = "";
const valid = { token: "", actorKey: "", session: "" };
const secret = () => process.env.AUTH_SECRET!;

/** Runs `work` with the app's process-wide client pointed at `db`. */
async function withAppDb<T>(db: Db, work: () => T | PromiseLike<T>): Promise<T> {
  const before = global.__db;
  global.__db = db;
  try {
    return await work();
  } finally {
    global.__db = before;
  }
}

const registry = () => getRegistry(apiRequest("/api/v1/registry", { token: valid.token }));
const parts = () => listParts(apiRequest("/api/v1/actor/parts", { token: valid.actorKey }));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "dsr-down-"));
  // PostgreSQL may run under its own account: it must reach the folder.
  chmodSync(dir, 0o755);
  server = await startPostgres({ dataDir: join(dir, "pg"), port: await freePort(), durable: false });
  url = server.url;
  await migrateDeploy(url, "prisma/migrations", { log: () => {} });
  const live = createDb(url, 2);
  const email = `agent-${randomUUID()}@exemple.fr`;
  const staff = await upsertStaff(
    live,
    { email, name: "Agent", role: "dpo_agent", password: "un mot de passe assez long" },
    secret(),
  );
  valid.token = (await createApiToken(live, staff.id, "outil")).token;
  const actor = await live.healthActor.create({
    data: {
      kind: "practitioner",
      name: "Dr Test",
      specialty: "Médecine générale",
      city: "Lyon",
      email: "dr.test@exemple.fr",
    },
  });
  const admin = await live.actorMember.create({
    data: { healthActorId: actor.id, email: "dr.test@exemple.fr", name: "Dr Test", role: "admin" },
  });
  valid.actorKey = (
    await createActorKey(
      live,
      [{ memberId: admin.id, healthActorId: actor.id, actorName: actor.name, role: "admin" }],
      actor.id,
      "logiciel",
    )
  ).key;
  const staffId = await checkPassword(live, email, "un mot de passe assez long", "127.0.0.1");
  valid.session = await checkSecondFactor(live, staffId, totpAt(staff.totpSecret, new Date()), "127.0.0.1", secret());

  // While it runs, each credential opens the door.
  await withAppDb(live, async () => {
    expect((await registry()).status).toBe(200);
    expect((await parts()).status).toBe(200);
  });
  expect(await sessionViewer(live, valid.session)).toMatchObject({ id: staffId });
  await live.$disconnect();
  await server.service.stop();
  server = null;
}, 60_000);

afterAll(async () => {
  await server?.service.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("the database is down while credentials are checked", () => {
  const expectUnavailable = async (response: Response) => {
    expect(response.status).toBe(503);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("unavailable");
    expect(body.error.message).toMatch(/indisponible/);
  };

  it("a staff API token: 503 with Retry-After, not 401", async () => {
    const down = createDb(url, 1);
    await withAppDb(down, async () => expectUnavailable(await registry()));
    await down.$disconnect();
  });

  it("an API token on a case action: 503 before the body is even read", async () => {
    const down = createDb(url, 1);
    const reference = "DR-2026-7K4M-Q9TZ";
    const response = await withAppDb(down, () =>
      caseAction(
        apiRequest(`/api/v1/requests/${reference}/actions`, {
          token: valid.token,
          body: { action: "note", text: "x" },
        }),
        { params: Promise.resolve({ reference }) },
      ),
    );
    await expectUnavailable(response);
    await down.$disconnect();
  });

  it("a health actor's key: 503 with Retry-After, not 401", async () => {
    const down = createDb(url, 1);
    await withAppDb(down, async () => expectUnavailable(await parts()));
    await down.$disconnect();
  });

  it("a staff session: 503 for a route, 'unavailable' for a server action, never signed out", async () => {
    const down = createDb(url, 1);
    await expectUnavailable(
      await handleApi(apiRequest("/fr/dpo/courriers/x"), () =>
        sessionViewer(down, valid.session).then(() => new Response("ok")),
      ),
    );
    const action = await runAction("fr", () => sessionViewer(down, valid.session).then(() => ({})));
    expect(action).toMatchObject({ ok: false, code: "unavailable" });
    await down.$disconnect();
  });

  it("a sign-in link: the adapter reports the failure, not an invalid link", async () => {
    const down = createDb(url, 1);
    const adapter = authOptions().adapter!;
    await expect(
      withAppDb(down, () =>
        adapter.useVerificationToken!({ identifier: "camille.martin@exemple.fr", token: "x".repeat(64) }),
      ),
    ).rejects.toMatchObject({ code: "P1001" });
    await down.$disconnect();
  });
});
