import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as caseAction } from "@/app/api/v1/requests/[reference]/actions/route";
import { totpAt } from "@/lib/auth/totp";
import { decideIdentity } from "@/lib/cases/decide-identity";
import { db } from "@/lib/db";
import { computeDeadline, fromDateColumn } from "@/lib/deadlines";
import { AppError } from "@/lib/errors/app-error";
import { fieldMessage } from "@/lib/i18n/errors";
import { submitWebRequest } from "@/lib/requests/submit-web-request";
import { upsertStaff } from "@/lib/staff/create-staff";
import { checkPassword, checkSecondFactor, endSession, SESSION_IDLE_MINUTES, sessionViewer } from "@/lib/staff/sign-in";
import { getStorage } from "@/lib/storage";
import { fileParentCase } from "@/prisma/seed/cases";
import {
  apiRequest,
  DEMO_PATIENTS,
  DEMO_RELATIVES,
  demoData,
  minimalPdf,
  staffToken,
  uniqueEmail,
  uniqueIp,
} from "./support";

const secret = () => process.env.AUTH_SECRET!;
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e as AppError,
  );

async function newAgent(role: "dpo_agent" | "dpo_admin" = "dpo_agent") {
  const email = uniqueEmail("agent");
  const created = await upsertStaff(
    db(),
    { email, name: "Agent Test", role, password: "un mot de passe assez long" },
    secret(),
  );
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

    expect((await failure(checkSecondFactor(db(), staffId, "000000", ip, secret())))?.fields[0]?.key).toBe(
      "code_invalid",
    );
    const now = new Date();
    const code = totpAt(agent.totpSecret, now);
    const token = await checkSecondFactor(db(), staffId, code, ip, secret(), now);
    expect(await sessionViewer(db(), token)).toMatchObject({ id: agent.id, role: "dpo_agent" });
    // The same code again (a replay) is refused.
    expect(await failure(checkSecondFactor(db(), staffId, code, ip, secret(), now))).toBeInstanceOf(AppError);

    const outcomes = (await db().staffSignIn.findMany({ where: { email: agent.email }, orderBy: { id: "asc" } })).map(
      (s) => s.outcome,
    );
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
    expect(
      await sessionViewer(db(), token, new Date(start.getTime() + 10 * 60_000 + (SESSION_IDLE_MINUTES + 1) * 60_000)),
    ).toBeNull();
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
    await decideIdentity(
      db(),
      getStorage(),
      request.reference,
      { decision: "accepted" },
      { type: "staff", staffId: agent.id, actorId: agent.id },
    );

    expect(await getStorage().exists(proof.storageKey!)).toBe(false);
    const after = await db().rightsRequest.findUniqueOrThrow({
      where: { id: request.id },
      include: { proofs: true, events: true },
    });
    expect(after).toMatchObject({ status: "received", identityStatus: "accepted" });
    expect(after.proofs[0]).toMatchObject({ kind: "parental_authority", storageKey: null });
    expect(after.proofs[0]!.fileDeletedAt).not.toBeNull();
    expect(after.events.at(-1)).toMatchObject({
      type: "identity_accepted",
      actorType: "staff",
      actorId: agent.id,
      payload: { documents: ["parental_authority"] },
    });
    expect(
      await db().outboxEmail.count({
        where: { requestId: request.id, subject: { contains: "Votre identité est vérifiée" } },
      }),
    ).toBe(1);

    // Decided once: a second decision is a conflict.
    const again = await failure(
      decideIdentity(
        db(),
        getStorage(),
        request.reference,
        { decision: "rejected", reason: "x" },
        { type: "staff", staffId: agent.id, actorId: agent.id },
      ),
    );
    expect(again?.code).toBe("conflict");
  });

  it("the days spent waiting for the proof move every due date (décret 2019-536 art. 77)", async () => {
    const agent = await newAgent();
    const camille = DEMO_PATIENTS.camille;
    const leo = DEMO_RELATIVES.leo;
    const form = new FormData();
    form.set("submissionId", randomUUID());
    form.set(
      "payload",
      JSON.stringify({
        right: "erasure",
        requester: { firstName: camille.firstName, lastName: camille.lastName, email: camille.email },
        subject: { relation: "minor", firstName: leo.firstName, lastName: leo.lastName, birthDate: leo.birthDate },
      }),
    );
    const { request } = await submitWebRequest(db(), getStorage(), form, {
      sessionEmail: camille.email,
      codeEmail: null,
    });
    expect(request.pausedSince).not.toBeNull();
    // Received and paused twelve days ago: the proof arrives, the DPO accepts today.
    const receivedAt = new Date(Date.now() - 12 * 24 * 3600_000);
    await db().rightsRequest.update({ where: { id: request.id }, data: { receivedAt, pausedSince: receivedAt } });
    await decideIdentity(
      db(),
      getStorage(),
      request.reference,
      { decision: "accepted" },
      { type: "staff", staffId: agent.id, actorId: agent.id },
    );
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
    caseAction(apiRequest(`/api/v1/requests/${reference}/actions`, { token, body }), {
      params: Promise.resolve({ reference }),
    });

  it("assigns, notes and decides identity, answering with the updated case; refuses what the state forbids", async () => {
    const { token, staffId } = await staffToken();
    const { request, proof } = await caseWithProof();

    const assigned = await call(request.reference, token, { action: "assign", agentId: staffId });
    expect(assigned.status).toBe(200);
    expect((await db().rightsRequest.findUniqueOrThrow({ where: { id: request.id } })).assigneeId).toBe(staffId);

    expect((await call(request.reference, token, { action: "note", text: "Livret de famille lisible." })).status).toBe(
      200,
    );
    const refused = await call(request.reference, token, { action: "decide_identity", decision: "rejected" });
    expect(refused.status).toBe(422);
    expect(
      ((await refused.json()) as { error: { fields: { path: string }[] } }).error.fields.map((f) => f.path),
    ).toContain("reason");

    const decided = await call(request.reference, token, { action: "decide_identity", decision: "accepted" });
    expect(decided.status).toBe(200);
    const body = (await decided.json()) as { status: string; identityStatus: string; events: { type: string }[] };
    expect(body).toMatchObject({ status: "received", identityStatus: "accepted" });
    expect(body.events.map((e) => e.type)).toEqual(["submit_unverified", "assign", "note", "identity_accepted"]);
    expect(await getStorage().exists(proof.storageKey!)).toBe(false);

    expect((await call(request.reference, token, { action: "decide_identity", decision: "accepted" })).status).toBe(
      409,
    );
    expect((await call(request.reference, token, { action: "fly" })).status).toBe(422);
    expect((await call("DR-2026-0000-0000", token, { action: "note", text: "x" })).status).toBe(404);
    expect((await call("DR-2026'; SELECT 1 --", token, { action: "note", text: "x" })).status).toBe(404);
  });

  it("a token without the permission gets 403", async () => {
    const { token } = await staffToken({ scopes: ["requests.read"] });
    const { request } = await caseWithProof();
    expect((await call(request.reference, token, { action: "note", text: "x" })).status).toBe(403);
  });
});

describe("handling a case to its answer", () => {
  const actorOf = (staffId: string) => ({ type: "staff" as const, staffId, actorId: staffId });

  it("asking for information stops the clock; the answer restarts it and moves the due dates", async () => {
    const agent = await newAgent();
    const { request } = await caseWithProof();
    await decideIdentity(db(), getStorage(), request.reference, { decision: "accepted" }, actorOf(agent.id));
    const { requestInformation, informationReceived } = await import("@/lib/cases/request-information");
    const askedAt = new Date();
    await requestInformation(
      db(),
      request.reference,
      { message: "Quels documents souhaitez-vous ?" },
      actorOf(agent.id),
      askedAt,
    );
    let row = await db().rightsRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(row.status).toBe("awaiting_information");
    expect(row.pausedSince).toEqual(askedAt);
    // The requester answers eight days later (then is now).
    const answeredAt = new Date(askedAt.getTime() + 8 * 24 * 3600_000);
    await informationReceived(db(), request.reference, answeredAt, actorOf(agent.id), answeredAt);
    row = await db().rightsRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(row).toMatchObject({ status: "in_progress", pausedSince: null, pausedDays: 8 });
    expect(fromDateColumn(row.dueDate)).toBe(
      computeDeadline({ receivedAt: row.receivedAt, rule: "gdpr_art12", pausedDays: 8 }).dueDate,
    );
    expect(
      await db().outboxEmail.count({
        where: { requestId: request.id, subject: { contains: "Une précision est nécessaire" } },
      }),
    ).toBe(1);
  });

  it("an answer to a request for information dated in the future or before the question is refused: the due dates do not move", async () => {
    const { token, staffId } = await staffToken();
    const { request } = await caseWithProof();
    await decideIdentity(db(), getStorage(), request.reference, { decision: "accepted" }, actorOf(staffId));
    const call = (body: unknown) =>
      caseAction(apiRequest(`/api/v1/requests/${request.reference}/actions`, { token, body }), {
        params: Promise.resolve({ reference: request.reference }),
      });
    expect((await call({ action: "request_information", message: "Quel compte est concerné ?" })).status).toBe(200);
    const asked = await db().rightsRequest.findUniqueOrThrow({
      where: { id: request.id },
      include: { parts: { orderBy: { id: "asc" } } },
    });
    const attempts: [string, string][] = [
      ["2099-01-01T10:00:00+01:00", "future"],
      [new Date(Date.now() + 3 * 86_400_000).toISOString(), "future"],
      [new Date(asked.pausedSince!.getTime() - 60_000).toISOString(), "before_question"],
      [new Date(asked.receivedAt.getTime() - 86_400_000).toISOString(), "before_question"],
      ["0000-01-01T00:00:00Z", "date_range"],
    ];
    for (const [receivedAt, key] of attempts) {
      const refused = await call({ action: "information_received", receivedAt });
      expect(refused.status).toBe(422);
      const body = (await refused.json()) as { error: { fields: { path: string; message: string }[] } };
      expect(body.error.fields.map((f) => f.path)).toEqual(["receivedAt"]);
      expect(body.error.fields[0]!.message).toBe(fieldMessage(key, "fr"));
    }
    const after = await db().rightsRequest.findUniqueOrThrow({
      where: { id: request.id },
      include: { parts: { orderBy: { id: "asc" } } },
    });
    expect(after).toMatchObject({
      status: "awaiting_information",
      pausedSince: asked.pausedSince,
      pausedDays: asked.pausedDays,
      dueDate: asked.dueDate,
    });
    expect(after.parts.map((p) => p.dueDate)).toEqual(asked.parts.map((p) => p.dueDate));
    expect(await db().requestEvent.count({ where: { requestId: request.id, type: "information_received" } })).toBe(0);
    // Now is a valid answer: the clock starts again.
    expect((await call({ action: "information_received" })).status).toBe(200);
    expect((await db().rightsRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("in_progress");
  });

  it("extends once, within the first month only, with a letter; the 8-day health-law limit never moves", async () => {
    const agent = await newAgent();
    const { extendCase } = await import("@/lib/cases/extend-case");
    const { request } = await caseWithProof();
    await decideIdentity(db(), getStorage(), request.reference, { decision: "accepted" }, actorOf(agent.id));
    const before = await db().requestPart.findMany({ where: { requestId: request.id }, orderBy: { id: "asc" } });
    await extendCase(
      db(),
      getStorage(),
      request.reference,
      "Volume exceptionnel de données à rassembler.",
      actorOf(agent.id),
    );
    const after = await db().requestPart.findMany({ where: { requestId: request.id }, orderBy: { id: "asc" } });
    const row = await db().rightsRequest.findUniqueOrThrow({ where: { id: request.id }, include: { letters: true } });
    expect(row.extended).toBe(true);
    after.forEach((part, i) => {
      if (part.deadlineRule === "csp_l1111_7") expect(part.dueDate).toEqual(before[i]!.dueDate);
      else
        expect(fromDateColumn(part.dueDate)).toBe(
          computeDeadline({
            receivedAt: row.receivedAt,
            rule: "gdpr_art12",
            extended: true,
            pausedDays: row.pausedDays,
          }).dueDate,
        );
    });
    expect(row.letters.map((l) => l.kind)).toEqual(["extension"]);
    expect((await failure(extendCase(db(), getStorage(), request.reference, "encore", actorOf(agent.id))))?.code).toBe(
      "conflict",
    );

    // A case received more than a month ago can no longer be extended.
    const late = await caseWithProof();
    await db().rightsRequest.update({
      where: { id: late.request.id },
      data: { receivedAt: new Date(Date.now() - 40 * 24 * 3600_000) },
    });
    expect(
      (await failure(extendCase(db(), getStorage(), late.request.reference, "trop tard", actorOf(agent.id))))?.code,
    ).toBe("conflict");
  });

  it("answers every part (a partial refusal with its grounds and the remedies in the letter), then closes", async () => {
    const { extractText, getDocumentProxy } = await import("unpdf");
    const { answerPart } = await import("@/lib/cases/answer-part");
    const { closeCase } = await import("@/lib/cases/close-case");
    const agent = await newAgent();
    const { request } = await caseWithProof();
    const actor = actorOf(agent.id);
    // Not while identity is awaited.
    const part0 = request.parts[0]!;
    expect(
      (
        await failure(
          answerPart(
            db(),
            getStorage(),
            request.reference,
            { partId: part0.id, outcome: "granted", grounds: [], message: "x" },
            actor,
          ),
        )
      )?.code,
    ).toBe("conflict");
    await decideIdentity(db(), getStorage(), request.reference, { decision: "accepted" }, actor);

    const parts = await db().requestPart.findMany({ where: { requestId: request.id }, orderBy: { handler: "asc" } });
    const [platform, ...actors] = parts;
    await answerPart(
      db(),
      getStorage(),
      request.reference,
      {
        partId: platform!.id,
        outcome: "partly_granted",
        grounds: ["art_17_3_b"],
        message: "Votre compte est supprimé ; les demandes de droits sont conservées cinq ans.",
      },
      actor,
    );
    let row = await db().rightsRequest.findUniqueOrThrow({ where: { id: request.id }, include: { letters: true } });
    expect(row.status).toBe("in_progress");
    const letter = row.letters[0]!;
    const text = (
      await extractText(await getDocumentProxy(new Uint8Array(await getStorage().get(letter.storageKey))), {
        mergePages: true,
      })
    ).text;
    expect(text).toContain(request.reference);
    expect(text).toContain("17(3)(b)");
    expect(text).toContain("CNIL");
    expect(text).toContain("recours juridictionnel");

    for (const part of actors)
      await answerPart(
        db(),
        getStorage(),
        request.reference,
        { partId: part.id, outcome: "granted", grounds: [], message: "Réponse de l'acteur de santé transmise." },
        actor,
      );
    row = await db().rightsRequest.findUniqueOrThrow({ where: { id: request.id }, include: { letters: true } });
    expect(row.status).toBe("answered");
    expect(row.letters).toHaveLength(parts.length);
    expect(
      (
        await failure(
          answerPart(
            db(),
            getStorage(),
            request.reference,
            { partId: platform!.id, outcome: "granted", grounds: [], message: "x" },
            actor,
          ),
        )
      )?.code,
    ).toBe("conflict");

    await closeCase(db(), getStorage(), request.reference, actor);
    expect((await db().rightsRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("closed");
    expect((await failure(closeCase(db(), getStorage(), request.reference, actor)))?.code).toBe("conflict");
  });

  it("the case page reads the whole file in one statement, field for field what Prisma reads", async () => {
    const { loadCaseFile } = await import("@/lib/backoffice/case-file");
    const { assignCase } = await import("@/lib/cases/assign-case");
    const { requestInformation, replyToInformationRequest } = await import("@/lib/cases/request-information");
    const { openText } = await import("@/lib/storage/sealed-text");
    const { answerPart } = await import("@/lib/cases/answer-part");
    const agent = await newAgent();
    const { request } = await caseWithProof();
    const actor = actorOf(agent.id);
    await assignCase(db(), request.reference, agent.id, actor);
    await decideIdentity(db(), getStorage(), request.reference, { decision: "accepted" }, actor);
    const platform = request.parts.find((p) => p.handler === "platform")!;
    await requestInformation(db(), request.reference, { message: "Quel compte ?" }, actor);
    await replyToInformationRequest(db(), getStorage(), request.reference, request.requesterEmail, {
      message: "Celui ouvert en 2019.",
      uploads: [],
    });
    await answerPart(
      db(),
      getStorage(),
      request.reference,
      {
        partId: platform.id,
        outcome: "refused",
        grounds: ["excessive"],
        message: "Cinq demandes identiques ce mois-ci.",
      },
      actor,
    );

    const expected = await db().rightsRequest.findUniqueOrThrow({
      where: { reference: request.reference },
      include: {
        parts: {
          include: { healthActor: { select: { id: true, name: true } } },
          orderBy: [{ handler: "asc" }, { createdAt: "asc" }, { id: "asc" }],
        },
        events: { orderBy: { id: "asc" } },
        proofs: { orderBy: [{ uploadedAt: "asc" }, { id: "asc" }] },
        letters: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
        messages: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
        assignee: { select: { id: true, name: true } },
      },
    });
    const file = await loadCaseFile(db(), request.reference);
    expect(file).toEqual(expected);
    expect(file!.events.length).toBeGreaterThan(3);
    expect(file!.letters).toHaveLength(1);
    expect(file!.assignee).toEqual({ id: agent.id, name: "Agent Test" });
    expect(file!.messages).toHaveLength(1);
    expect(await openText(file!.messages[0]!.body)).toBe("Celui ouvert en 2019.");
    expect(await loadCaseFile(db(), "DR-2026-0000-0000")).toBeNull();
  });

  it("a refusal needs its grounds (422)", async () => {
    const { ZAnswerPart } = await import("@/lib/cases/case-action.schema");
    const parsed = ZAnswerPart.safeParse({ partId: randomUUID(), outcome: "refused", message: "Non." });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toContain("grounds");
  });
});

describe("the audit trail is tamper-evident", () => {
  it("the chain of a handled case verifies, and an altered row is pointed at", async () => {
    const { verifyTrails } = await import("@/lib/case-file/verify-trails");
    const { verifyChain } = await import("@/lib/case-file/chain");
    const agent = await newAgent();
    const { request } = await caseWithProof();
    const actor = { type: "staff" as const, staffId: agent.id, actorId: agent.id };
    const { addNote } = await import("@/lib/cases/add-note");
    await addNote(db(), request.reference, "Première note", actor);
    await decideIdentity(db(), getStorage(), request.reference, { decision: "accepted" }, actor);
    await addNote(db(), request.reference, "Seconde note", actor);

    const events = () => db().requestEvent.findMany({ where: { requestId: request.id }, orderBy: { id: "asc" } });
    expect(verifyChain(await events())).toEqual({ ok: true, events: 4 });
    expect((await verifyTrails(db())).broken.some((b) => b.reference === request.reference)).toBe(false);

    // Someone rewrites a note directly in the database.
    const note = (await events())[1]!;
    await db().requestEvent.update({ where: { id: note.id }, data: { payload: { text: "Note réécrite" } } });
    expect(verifyChain(await events())).toEqual({ ok: false, eventId: String(note.id), reason: "hash_mismatch" });
    expect((await verifyTrails(db())).broken).toContainEqual({
      reference: request.reference,
      eventId: String(note.id),
      reason: "hash_mismatch",
    });
    // Put it back so the shared database stays clean for other tests.
    await db().requestEvent.update({ where: { id: note.id }, data: { payload: note.payload as object } });
    expect(verifyChain(await events())).toEqual({ ok: true, events: 4 });
  });
});

describe("reminders", () => {
  it("the assigned agent is reminded before and on the due date; the team gets the week's digest", async () => {
    const { sendReminders } = await import("@/lib/jobs/send-reminders");
    const { assignCase } = await import("@/lib/cases/assign-case");
    const agent = await newAgent();
    const { request } = await caseWithProof();
    await assignCase(db(), request.reference, agent.id, { type: "staff", staffId: agent.id, actorId: agent.id });
    const now = new Date();
    // Due in two days (Paris), so within the reminder window.
    const dueIn2 = new Date(Date.now() + 2 * 24 * 3600_000).toISOString().slice(0, 10);
    await db().rightsRequest.update({ where: { id: request.id }, data: { dueDate: new Date(`${dueIn2}T00:00:00Z`) } });
    const result = await sendReminders(db(), now);
    expect(result.reminders).toBeGreaterThanOrEqual(1);
    const mails = await db().outboxEmail.findMany({ where: { to: agent.email } });
    const reminder = mails.find((m) => m.subject.startsWith("Rappel"));
    expect(reminder?.text).toContain(request.reference);
    expect(
      mails.some((m) => m.subject.startsWith("Échéances des 7 prochains jours") && m.text.includes(request.reference)),
    ).toBe(true);
  });
});

describe("the dashboard's figures", () => {
  it("counts answers on time, refusals by ground, extensions and overdue cases", async () => {
    const { dashboard } = await import("@/lib/backoffice/dashboard");
    const { answerPart } = await import("@/lib/cases/answer-part");
    const before = await dashboard(db());
    const agent = await newAgent();
    const actor = { type: "staff" as const, staffId: agent.id, actorId: agent.id };
    const { request } = await caseWithProof();
    await decideIdentity(db(), getStorage(), request.reference, { decision: "accepted" }, actor);
    const parts = await db().requestPart.findMany({ where: { requestId: request.id } });
    for (const part of parts) {
      await answerPart(
        db(),
        getStorage(),
        request.reference,
        {
          partId: part.id,
          outcome: part.handler === "platform" ? "refused" : "granted",
          grounds: part.handler === "platform" ? ["excessive"] : [],
          message: "Réponse.",
        },
        actor,
      );
    }
    const after = await dashboard(db());
    expect(after.answered).toBe(before.answered + 1);
    expect(after.answeredOnTime).toBe(before.answeredOnTime + 1);
    const excessive = (d: typeof after) => d.refusalsByGround.find((r) => r.ground === "excessive")?.count ?? 0;
    expect(excessive(after)).toBe(excessive(before) + 1);
    expect(after.perMonth.reduce((s, r) => s + r.count, 0)).toBeGreaterThan(
      before.perMonth.reduce((s, r) => s + r.count, 0),
    );
    expect(after.medianDaysToAnswer).not.toBeNull();
  });
});
