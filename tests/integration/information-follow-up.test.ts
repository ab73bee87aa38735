import { beforeAll, describe, expect, it } from "vitest";
import { closeCase } from "@/lib/cases/close-case";
import { decideIdentity } from "@/lib/cases/decide-identity";
import {
  remindUnansweredRequests,
  replyToInformationRequest,
  requestInformation,
} from "@/lib/cases/request-information";
import { db } from "@/lib/db";
import { computeDeadline, fromDateColumn } from "@/lib/deadlines";
import type { AppError } from "@/lib/errors/app-error";
import { sweepAbandonedProofs } from "@/lib/identity/delete-proof-files";
import { upsertStaff } from "@/lib/staff/create-staff";
import { getStorage } from "@/lib/storage";
import { fileParentCase } from "@/prisma/seed/cases";
import { demoData, minimalPdf, uniqueEmail } from "./support";

const DAY = 86_400_000;
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e as AppError,
  );
const emailsOf = (requestId: string, to: string) =>
  db().outboxEmail.findMany({
    where: { requestId, to },
    orderBy: { createdAt: "asc" },
    select: { subject: true, text: true, attachments: true },
  });

let agent: { id: string; email: string };
const actor = () => ({ type: "staff" as const, staffId: agent.id, actorId: agent.id });

/** A case past its identity check, then asked a question `daysAgo` days ago. */
async function caseAskedDaysAgo(daysAgo: number, question: string) {
  const request = await fileParentCase(db(), getStorage(), minimalPdf("LIVRET"));
  await decideIdentity(db(), getStorage(), request.reference, { decision: "accepted" }, actor());
  await db().rightsRequest.update({ where: { id: request.id }, data: { assigneeId: agent.id } });
  await requestInformation(
    db(),
    request.reference,
    { message: question },
    actor(),
    new Date(Date.now() - daysAgo * DAY),
  );
  return request;
}

beforeAll(async () => {
  await demoData();
  const email = uniqueEmail("agent-suivi");
  const created = await upsertStaff(
    db(),
    { email, name: "Agent Suivi", role: "dpo_agent", password: "un mot de passe assez long" },
    process.env.AUTH_SECRET!,
  );
  agent = { id: created.id, email };
});

describe("a request for information left unanswered", () => {
  it("reminds the requester once after 15 days, then may be closed 15 days later with a letter giving the remedies", async () => {
    const { extractText, getDocumentProxy } = await import("unpdf");
    const question = "Quel est le numéro de téléphone associé au compte de Léo ?";
    const fresh = await caseAskedDaysAgo(3, "Une question récente ?");
    const request = await caseAskedDaysAgo(16, question);

    // Too early to close: not reminded yet.
    const early = await failure(closeCase(db(), getStorage(), request.reference, actor()));
    expect(early?.code).toBe("conflict");
    expect(early?.userMessage.fr).toMatch(/pas encore été relancé/);

    const now = new Date();
    expect(await remindUnansweredRequests(db(), now)).toBeGreaterThanOrEqual(1);
    // Once only, and not the case asked three days ago.
    await remindUnansweredRequests(db(), now);
    const reminders = (await emailsOf(request.id, request.requesterEmail)).filter((m) =>
      m.subject.startsWith("Rappel"),
    );
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.text).toContain(question);
    expect((await emailsOf(fresh.id, fresh.requesterEmail)).filter((m) => m.subject.startsWith("Rappel"))).toHaveLength(
      0,
    );
    const row = await db().rightsRequest.findUniqueOrThrow({ where: { id: request.id }, include: { events: true } });
    expect(row.informationReminderAt).toEqual(now);
    expect(row.events.filter((e) => e.type === "information_reminder")).toMatchObject([{ actorType: "system" }]);

    // Within the period after the reminder: refused, with the day it becomes possible.
    const waiting = await failure(
      closeCase(db(), getStorage(), request.reference, actor(), new Date(now.getTime() + 10 * DAY)),
    );
    expect(waiting?.code).toBe("conflict");
    expect(waiting?.userMessage.en).toMatch(/can only be closed from/);

    // Fifteen days after the reminder: closed, with a letter.
    await closeCase(db(), getStorage(), request.reference, actor(), new Date(now.getTime() + 15 * DAY + 3600_000));
    const closed = await db().rightsRequest.findUniqueOrThrow({
      where: { id: request.id },
      include: { letters: true },
    });
    expect(closed).toMatchObject({ status: "closed", pausedSince: null });
    expect(closed.letters).toMatchObject([{ kind: "closure", locale: "fr" }]);
    const pdf = await getStorage().get(closed.letters[0]!.storageKey);
    const text = (await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true })).text;
    expect(text).toContain(question);
    expect(text).toContain("faute de réponse");
    expect(text).toContain("CNIL");
    expect(text).toContain("recours juridictionnel");
    const last = (await emailsOf(request.id, request.requesterEmail)).at(-1)!;
    expect(last.subject).toContain("close faute de réponse");
    expect(last.attachments).toEqual([{ kind: "letter", letterId: closed.letters[0]!.id }]);
  });

  it("the requester's answer from 'Mes demandes' restarts the clock, is kept encrypted, and the agent is told", async () => {
    const request = await caseAskedDaysAgo(6, "Quelle adresse e-mail utilisiez-vous en 2020 ?");
    await remindUnansweredRequests(db());
    const answer = "J'utilisais camille.ancienne@exemple.fr, pour mon suivi en dermatologie.";

    // Only the requester's address reaches the case.
    expect(
      (
        await failure(
          replyToInformationRequest(db(), getStorage(), request.reference, "quelquun.dautre@exemple.fr", {
            message: answer,
            uploads: [],
          }),
        )
      )?.code,
    ).toBe("not_found");
    await replyToInformationRequest(db(), getStorage(), request.reference, request.requesterEmail, {
      message: answer,
      uploads: [],
    });

    const row = await db().rightsRequest.findUniqueOrThrow({
      where: { id: request.id },
      include: { messages: true, events: { orderBy: { id: "asc" } } },
    });
    expect(row).toMatchObject({ status: "in_progress", pausedSince: null, pausedDays: 6, informationReminderAt: null });
    expect(fromDateColumn(row.dueDate)).toBe(
      computeDeadline({ receivedAt: row.receivedAt, rule: "gdpr_art12", pausedDays: 6 }).dueDate,
    );
    expect(row.messages).toHaveLength(1);
    expect(Buffer.from(row.messages[0]!.body).includes(Buffer.from("dermatologie"))).toBe(false);
    expect(row.events.at(-1)).toMatchObject({
      type: "information_received",
      actorType: "requester",
      actorId: request.requesterEmail,
    });
    expect(
      await db().outboxEmail.count({
        where: { requestId: request.id, to: agent.email, subject: { contains: "le demandeur a répondu" } },
      }),
    ).toBe(1);

    // Nothing is awaited any more.
    expect(
      (
        await failure(
          replyToInformationRequest(db(), getStorage(), request.reference, request.requesterEmail, {
            message: "encore",
            uploads: [],
          }),
        )
      )?.code,
    ).toBe("conflict");
  });
});

describe("abandoned uploads", () => {
  it("deletes after 30 days the proofs of an identity check never completed, and only those", async () => {
    const files = async () => {
      const abandoned = await fileParentCase(db(), getStorage(), minimalPdf("ABANDON"));
      const recent = await fileParentCase(db(), getStorage(), minimalPdf("RECENT"));
      const awaitingDecision = await fileParentCase(db(), getStorage(), minimalPdf("A DECIDER"));
      const askedLately = await fileParentCase(db(), getStorage(), minimalPdf("DEMANDE RECENTE"));
      const old = new Date(Date.now() - 31 * DAY);
      // Waiting 31 days for a missing document, as the case's stopped clock shows.
      await db().rightsRequest.updateMany({
        where: { id: { in: [abandoned.id, recent.id] } },
        data: { identityStatus: "documents_required", pausedSince: old },
      });
      await db().identityProof.updateMany({
        where: { requestId: { in: [abandoned.id, awaitingDecision.id, askedLately.id] } },
        data: { uploadedAt: old },
      });
      // An old proof, and a further document the DPO asked for two days ago.
      await requestInformation(
        db(),
        askedLately.reference,
        { message: "Merci d'ajouter votre pièce d'identité.", documents: ["id_document"] },
        actor(),
        new Date(Date.now() - 2 * DAY),
      );
      return { abandoned, recent, awaitingDecision, askedLately };
    };
    const { abandoned, recent, awaitingDecision, askedLately } = await files();
    const proofOf = (requestId: string) => db().identityProof.findFirstOrThrow({ where: { requestId } });
    const key = (await proofOf(abandoned.id)).storageKey!;

    expect(await sweepAbandonedProofs(db(), getStorage())).toBeGreaterThanOrEqual(1);

    expect(await proofOf(abandoned.id)).toMatchObject({ storageKey: null, kind: "parental_authority" });
    expect((await proofOf(abandoned.id)).fileDeletedAt).not.toBeNull();
    await expect(getStorage().get(key)).rejects.toThrow();
    const events = await db().requestEvent.findMany({ where: { requestId: abandoned.id, type: "proofs_abandoned" } });
    expect(events).toMatchObject([{ actorType: "system", payload: { kinds: ["parental_authority"], afterDays: 30 } }]);
    // A recent upload, one waiting for the DPO's decision, and one of a case asked more only lately, stay.
    expect((await proofOf(recent.id)).storageKey).not.toBeNull();
    expect((await proofOf(awaitingDecision.id)).storageKey).not.toBeNull();
    expect((await proofOf(askedLately.id)).storageKey).not.toBeNull();
  });
});

describe("a proof sent later from 'Mes demandes'", () => {
  it("completes the identity check: stored encrypted, the clock runs again from then, the agent is told; refused when not awaited", async () => {
    const { completeProofs, awaitedProofs } = await import("@/lib/identity/complete-proofs");
    const filed = await fileParentCase(db(), getStorage(), null);
    const request = await db().rightsRequest.findUniqueOrThrow({ where: { id: filed.id } });
    expect(request).toMatchObject({ status: "awaiting_identity", identityStatus: "documents_required" });
    expect(request.pausedSince).not.toBeNull();
    expect(await awaitedProofs(db(), request.id)).toEqual(["parental_authority"]);
    await db().rightsRequest.update({
      where: { id: request.id },
      data: { assigneeId: agent.id, pausedSince: new Date(Date.now() - 5 * DAY) },
    });
    const pdf = minimalPdf("LIVRET RECU");

    // Another person's address finds no case; a proof not asked for, or a file that is not a PDF/JPEG/PNG, is refused.
    expect(
      (
        await failure(
          completeProofs(db(), getStorage(), filed.reference, "autre.personne@exemple.fr", [
            { kind: "parental_authority", bytes: pdf },
          ]),
        )
      )?.code,
    ).toBe("not_found");
    const unasked = await failure(
      completeProofs(db(), getStorage(), filed.reference, filed.requesterEmail, [
        { kind: "death_certificate", bytes: pdf },
      ]),
    );
    expect(unasked?.fields).toEqual([{ path: "proofs.death_certificate", key: "invalid" }]);
    const notPdf = await failure(
      completeProofs(db(), getStorage(), filed.reference, filed.requesterEmail, [
        { kind: "parental_authority", bytes: new TextEncoder().encode("<html>") },
      ]),
    );
    expect(notPdf?.fields).toEqual([{ path: "proofs.parental_authority", key: "file_type" }]);
    const nothing = await failure(completeProofs(db(), getStorage(), filed.reference, filed.requesterEmail, []));
    expect(nothing?.fields).toEqual([{ path: "proofs.parental_authority", key: "proof_missing" }]);

    expect(
      await completeProofs(db(), getStorage(), filed.reference, filed.requesterEmail, [
        { kind: "parental_authority", bytes: pdf },
      ]),
    ).toEqual({ missing: [] });
    const after = await db().rightsRequest.findUniqueOrThrow({
      where: { id: request.id },
      include: { proofs: true, events: { orderBy: { id: "asc" } } },
    });
    expect(after).toMatchObject({ identityStatus: "documents_submitted", pausedSince: null, pausedDays: 5 });
    expect(after.proofs).toHaveLength(1);
    expect(Buffer.from(await getStorage().get(after.proofs[0]!.storageKey!)).toString("latin1")).toContain(
      "LIVRET RECU",
    );
    expect(after.events.at(-1)).toMatchObject({
      type: "proofs_submitted",
      actorType: "requester",
      payload: { kinds: ["parental_authority"], missing: [] },
    });
    expect(
      await db().outboxEmail.count({
        where: { requestId: request.id, to: agent.email, subject: { contains: "justificatifs reçus" } },
      }),
    ).toBe(1);
    expect(await awaitedProofs(db(), request.id)).toBeNull();
    expect(
      (
        await failure(
          completeProofs(db(), getStorage(), filed.reference, filed.requesterEmail, [
            { kind: "parental_authority", bytes: pdf },
          ]),
        )
      )?.code,
    ).toBe("conflict");
  });
});
