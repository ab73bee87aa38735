import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as caseAction } from "@/app/api/v1/requests/[reference]/actions/route";
import { totpAt } from "@/lib/auth/totp";
import { decideIdentity } from "@/lib/cases/decide-identity";
import { db } from "@/lib/db";
import { computeDeadline, fromDateColumn } from "@/lib/deadlines";
import { AppError } from "@/lib/errors/app-error";
import { submitWebRequest } from "@/lib/requests/submit-web-request";
import { upsertStaff } from "@/lib/staff/create-staff";
import { checkPassword, checkSecondFactor, endSession, SESSION_IDLE_MINUTES, sessionViewer } from "@/lib/staff/sign-in";
import { getStorage } from "@/lib/storage";
import { fileParentCase } from "@/prisma/seed/cases";
import { apiRequest, DEMO_PATIENTS, DEMO_RELATIVES, demoData, minimalPdf, staffToken, uniqueEmail, uniqueIp } from "./support";

const secret = () => process.env.AUTH_SECRET!;
const failure = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e as AppError);

async function newAgent(role: "dpo_agent" | "dpo_admin" = "dpo_agent") {
  const email = uniqueEmail("agent");
  const created = await upsertStaff(db(), { email, name: "Agent Test", role, password: "un mot de passe assez long" }, secret());
  return { email, ...created };
}

/** Camille files for her son Léo with a proof: a case waiting for the DPO's identity decision. */
async function caseWithProof() {
  const request = await fileParentCase(db(), getStorage(), minimalPdf("LIVRET"));
  const proof = await db().identityProof.findFirstOrThrow({ where: { requestId: request.id } });
  return { request, proof };
}

beforeAll(async () => {
  await demoData();
});

describe("staff sign-in: password, then TOTP or a recovery code", () => {
  it("opens a session only after both factors, records every attempt, and never takes a code twice", async () => {
    const agent = await newAgent();
    const ip = uniqueIp();
    expect((await failure(checkPassword(db(), agent.email, "mauvais", ip)))?.code).toBe("unauthenticated");
    expect((await failure(checkPassword(db(), uniqueEmail("nobody"), "x", ip)))?.code).toBe("unauthenticated");
    const staffId = await checkPassword(db(), agent.email, "un mot de passe assez long", ip);
    expect(staffId).toBe(agent.id);

    expect((await failure(checkSecondFactor(db(), staffId, "000000", ip, secret())))?.fields[0]?.key).toBe("code_invalid");
    const now = new Date();
    const code = totpAt(agent.totpSecret, now);
    const token = await checkSecondFactor(db(), staffId, code, ip, secret(), now);
    expect(await sessionViewer(db(), token)).toMatchObject({ id: agent.id, role: "dpo_agent" });
    // The same code again (a replay) is refused.
    expect(await failure(checkSecondFactor(db(), staffId, code, ip, secret(), now))).toBeInstanceOf(AppError);

    const outcomes = (await db().staffSignIn.findMany({ where: { email: agent.email }, orderBy: { id: "asc" } })).map((s) => s.outcome);
    expect(outcomes).toEqual(["bad_password", "bad_second_factor", "success", "bad_second_factor"]);
    // No row holds the password or the TOTP secret in clear.
    const row = await db().staffUser.findUniqueOrThrow({ where: { id: agent.id } });
    expect(JSON.stringify(row)).not.toContain("un mot de passe assez long");
    expect(JSON.stringify(row)).not.toContain(agent.totpSecret);
  });

  it("a recovery code works once", async () => {
    const agent = await newAgent();
    const code = agent.recoveryCodes[0]!;
    await expect(checkSecondFactor(db(), agent.id, code, uniqueIp(), secret())).resolves.toBeTypeOf("string");
    expect(await failure(checkSecondFactor(db(), agent.id, code, uniqueIp(), secret()))).toBeInstanceOf(AppError);
    expect((await db().staffUser.findUniqueOrThrow({ where: { id: agent.id } })).recoveryCodes).toHaveLength(9);
  });

  it("sessions end when signed out, when idle too long, and when the account is disabled", async () => {
    const agent = await newAgent();
    const start = new Date();
    const token = await checkSecondFactor(db(), agent.id, totpAt(agent.totpSecret, start), uniqueIp(), secret(), start);
    expect(await sessionViewer(db(), token, new Date(start.getTime() + 10 * 60_000))).not.toBeNull();
    expect(await sessionViewer(db(), token, new Date(start.getTime() + 10 * 60_000 + (SESSION_IDLE_MINUTES + 1) * 60_000))).toBeNull();
    await db().staffUser.update({ where: { id: agent.id }, data: { disabledAt: new Date() } });
    expect(await sessionViewer(db(), token)).toBeNull();
    await db().staffUser.update({ where: { id: agent.id }, data: { disabledAt: null } });
    expect(await sessionViewer(db(), token)).not.toBeNull();
    await endSession(db(), token);
    expect(await sessionViewer(db(), token)).toBeNull();
  });
});

describe("identity decision", () => {
  it("accepting deletes the file, keeps the decision, the kind, who and when, and tells the requester", async () => {
    const agent = await newAgent();
    const { request, proof } = await caseWithProof();
    expect(await getStorage().exists(proof.storageKey!)).toBe(true);
    await decideIdentity(db(), getStorage(), request.reference, { decision: "accepted" }, { type: "staff", staffId: agent.id, actorId: agent.id });

    expect(await getStorage().exists(proof.storageKey!)).toBe(false);
    const after = await db().rightsRequest.findUniqueOrThrow({ where: { id: request.id }, include: { proofs: true, events: true } });
    expect(after).toMatchObject({ status: "received", identityStatus: "accepted" });
    expect(after.proofs[0]).toMatchObject({ kind: "parental_authority", storageKey: null });
    expect(after.proofs[0]!.fileDeletedAt).not.toBeNull();
    expect(after.events.at(-1)).toMatchObject({ type: "identity_accepted", actorType: "staff", actorId: agent.id, payload: { documents: ["parental_authority"] } });
    expect(await db().outboxEmail.count({ where: { requestId: request.id, subject: { contains: "Votre identité est vérifiée" } } })).toBe(1);

    // Decided once: a second decision is a conflict.
    const again = await failure(decideIdentity(db(), getStorage(), request.reference, { decision: "rejected", reason: "x" }, { type: "staff", staffId: agent.id, actorId: agent.id }));
    expect(again?.code).toBe("conflict");
  });

  it("the days spent waiting for the proof move every due date (LEGAL.md R1.5)", async () => {
    const agent = await newAgent();
    const camille = DEMO_PATIENTS.camille;
    const leo = DEMO_RELATIVES.leo;
    const form = new FormData();
    form.set("submissionId", randomUUID());
    form.set("payload", JSON.stringify({
      right: "erasure",
      requester: { firstName: camille.firstName, lastName: camille.lastName, email: camille.email },
      subject: { relation: "minor", firstName: leo.firstName, lastName: leo.lastName, birthDate: leo.birthDate },
    }));
    const { request } = await submitWebRequest(db(), getStorage(), form, { sessionEmail: camille.email, codeEmail: null });
    expect(request.pausedSince).not.toBeNull();
    // Received and paused twelve days ago: the proof arrives, the DPO accepts today.
    const receivedAt = new Date(Date.now() - 12 * 24 * 3600_000);
    await db().rightsRequest.update({ where: { id: request.id }, data: { receivedAt, pausedSince: receivedAt } });
    await decideIdentity(db(), getStorage(), request.reference, { decision: "accepted" }, { type: "staff", staffId: agent.id, actorId: agent.id });
    const after = await db().rightsRequest.findUniqueOrThrow({ where: { id: request.id }, include: { parts: true } });
    expect(after.pausedSince).toBeNull();
    expect(after.pausedDays).toBe(12);
    const expected = computeDeadline({ receivedAt, rule: "gdpr_art12", pausedDays: 12 }).dueDate;
    expect(after.parts.map((p) => fromDateColumn(p.dueDate))).toEqual(after.parts.map(() => expected));
    expect(fromDateColumn(after.dueDate)).toBe(expected);
  });
});

describe("POST /api/v1/requests/{reference}/actions", () => {
  const call = (reference: string, token: string, body: unknown) =>
    caseAction(apiRequest(`/api/v1/requests/${reference}/actions`, { token, body }), { params: Promise.resolve({ reference }) });

  it("assigns, notes and decides identity, answering with the updated case; refuses what the state forbids", async () => {
    const { token, staffId } = await staffToken();
    const { request, proof } = await caseWithProof();

    const assigned = await call(request.reference, token, { action: "assign", agentId: staffId });
    expect(assigned.status).toBe(200);
    expect((await db().rightsRequest.findUniqueOrThrow({ where: { id: request.id } })).assigneeId).toBe(staffId);

    expect((await call(request.reference, token, { action: "note", text: "Livret de famille lisible." })).status).toBe(200);
    const refused = await call(request.reference, token, { action: "decide_identity", decision: "rejected" });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { error: { fields: { path: string }[] } }).error.fields.map((f) => f.path)).toContain("reason");

    const decided = await call(request.reference, token, { action: "decide_identity", decision: "accepted" });
    expect(decided.status).toBe(200);
    const body = (await decided.json()) as { status: string; identityStatus: string; events: { type: string }[] };
    expect(body).toMatchObject({ status: "received", identityStatus: "accepted" });
    expect(body.events.map((e) => e.type)).toEqual(["submit_unverified", "assign", "note", "identity_accepted"]);
    expect(await getStorage().exists(proof.storageKey!)).toBe(false);

    expect((await call(request.reference, token, { action: "decide_identity", decision: "accepted" })).status).toBe(409);
    expect((await call(request.reference, token, { action: "fly" })).status).toBe(422);
    expect((await call("DR-2026-0000-0000", token, { action: "note", text: "x" })).status).toBe(404);
  });

  it("a token without the permission gets 403", async () => {
    const { token } = await staffToken({ scopes: ["requests.read"] });
    const { request } = await caseWithProof();
    expect((await call(request.reference, token, { action: "note", text: "x" })).status).toBe(403);
  });
});
