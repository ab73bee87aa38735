import { readPayload } from "@/lib/case-file/event-types";
import { appendEvent, lockCase } from "@/lib/case-file/events";
import type { Db, Tx } from "@/lib/db";
import type { RightsRequest } from "@/lib/generated/prisma/client";
import { addDays, parisDay } from "@/lib/deadlines";
import { queueEmail } from "@/lib/email/outbox";
import { identificationRequestEmail } from "@/lib/email/templates/identification-request";
import { requesterAnsweredEmail } from "@/lib/email/templates/staff-reminder";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { fill } from "@/lib/i18n/fill";
import { formatDay } from "@/lib/i18n/format";
import { messages } from "@/lib/i18n/messages";
import type { ProofKind } from "@/lib/identity/assess-identity";
import { awaitedProofs } from "@/lib/identity/complete-proofs";
import { storeProofs, type UploadedProof } from "@/lib/identity/store-proofs";
import { nextStatus } from "@/lib/case-file/state-machine";
import type { FileStorage } from "@/lib/storage";
import { sealText } from "@/lib/storage/sealed-text";
import { answerLinkUrl } from "@/lib/requests/answer-link";
import { awaitsRequester, identityUndecided } from "@/lib/case-file/awaiting-requester";
import { informationReceivedProblem } from "./case-dates";
import { informationFollowUp } from "./information-follow-up";
import { notifyRequester } from "./notify-requester";
import { resumeClock } from "@/lib/case-file/resume-clock";
import { type CaseActor, recordEvent, withCase } from "@/lib/case-file/with-case";
import { type TRequestInformation, ZRequestInformation } from "@/lib/cases/case-action.schema";

/**
 * Asks the requester for information or clarification: e-mailed with the link to answer, and the clock stops
 * (décret 2019-536 art. 77; GDPR Recital 63). While the identity is checked the question may ask for
 * documents (an ID document, a proof of authority): the e-mail names them, and the identity decision follows
 * the answer.
 */
export async function requestInformation(
  db: Db,
  reference: string,
  question: TRequestInformation,
  actor: CaseActor,
  now = new Date(),
): Promise<void> {
  const input = ZRequestInformation.parse(question);
  await withCase(db, reference, async (tx, request) => {
    const status = nextStatus(request.status, "request_information");
    if (input.documents.length > 0 && !identityUndecided(request.identityStatus)) {
      throw AppError.validation([{ path: "documents", key: "identity_decided" }]);
    }
    const pausedSince = request.pausedSince ?? now;
    await tx.rightsRequest.update({
      where: { id: request.id },
      data: {
        status,
        pausedSince,
        informationReminderAt: null,
        ...(input.documents.length > 0 ? { identityStatus: "documents_required" as const } : {}),
      },
    });
    await recordEvent(tx, request.id, "request_information", actor, {
      message: input.message,
      documents: input.documents,
    });
    const answerUrl = answerLinkUrl({ ...request, pausedSince }, now.getTime());
    if (input.documents.length === 0) {
      await notifyRequester(tx, request, { kind: "information_request", message: input.message }, { url: answerUrl });
      return;
    }
    const labels = messages(request.locale).form.proofs;
    const mail = identificationRequestEmail(request.locale, {
      reference: request.reference,
      message: input.message,
      documents: input.documents.map((k) => labels[k]),
      answerUrl,
    });
    await queueEmail(tx, request.requesterEmail, mail, { requestId: request.id });
  });
}

/**
 * The answer came: back to the identity check when it is still to decide (the decision follows),
 * otherwise back to handling. The clock runs again from `at`, unless identification documents asked
 * are still missing: then the case waits for them as for documents awaited at filing.
 */
async function answerCame(
  tx: Tx,
  request: RightsRequest,
  at: Date,
  stillMissing: readonly ProofKind[],
): Promise<"identification_received" | "information_received"> {
  const undecided = identityUndecided(request.identityStatus);
  const transition = undecided ? "identification_received" : "information_received";
  const waitsForDocuments = undecided && request.identityStatus === "documents_required" && stillMissing.length > 0;
  await tx.rightsRequest.update({
    where: { id: request.id },
    data: {
      status: nextStatus(request.status, transition),
      // Still waiting for documents: the same wait goes on, with its reminder.
      ...(waitsForDocuments ? {} : { informationReminderAt: null }),
      ...(request.identityStatus === "documents_required" && !waitsForDocuments
        ? { identityStatus: "documents_submitted" as const }
        : {}),
    },
  });
  if (!waitsForDocuments) await resumeClock(tx, request, at);
  return transition;
}

/**
 * The DPO records that the requester's answer came another way (at `receivedAt`, by default now).
 * Not before the question, nor in the future (informationReceivedProblem): the due dates would move.
 */
export async function informationReceived(
  db: Db,
  reference: string,
  receivedAt: Date,
  actor: CaseActor,
  now = new Date(),
): Promise<void> {
  await withCase(db, reference, async (tx, request) => {
    const problem = request.pausedSince ? informationReceivedProblem(receivedAt, request.pausedSince, now) : null;
    if (problem) throw AppError.validation([{ path: "receivedAt", key: problem }]);
    const transition = await answerCame(tx, request, receivedAt, []);
    await recordEvent(tx, request.id, transition, actor, { receivedAt: receivedAt.toISOString() });
  });
}

const notAwaited = () =>
  new AppError("conflict", {
    fr: "Aucune précision n'est attendue pour cette demande.",
    en: "No information is awaited for this request.",
  });

/**
 * The requester answers a request for information from "Mes demandes" or the e-mail's answer link:
 * scoped by reference and the requester's proven address. Text, files (the documents asked while the
 * identity is checked), or both. The text is kept encrypted in the case, the files as identity proofs
 * (type checked from the content, encrypted); the clock starts again from now (answerCame) and the
 * assigned agent is told.
 */
export async function replyToInformationRequest(
  db: Db,
  storage: FileStorage,
  reference: string,
  requesterEmail: string,
  reply: { message?: string; uploads: UploadedProof[] },
  now = new Date(),
): Promise<void> {
  const found = await db.rightsRequest.findFirst({
    where: { reference, requesterEmail },
    select: { id: true, status: true },
  });
  if (!found) throw new AppError("not_found", { fr: "Demande introuvable.", en: "Request not found." });
  if (found.status !== "awaiting_information") throw notAwaited();
  if (!reply.message && reply.uploads.length === 0) throw AppError.validation([{ path: "message", key: "required" }]);
  const awaited = (await awaitedProofs(db, found.id)) ?? [];
  const unasked = reply.uploads.filter((u) => !awaited.includes(u.kind));
  if (unasked.length > 0) throw AppError.validation(unasked.map((u) => ({ path: `proofs.${u.kind}`, key: "invalid" })));
  const body = reply.message ? await sealText(reply.message) : null;
  const { proofs, discard } = await storeProofs(storage, reply.uploads);
  try {
    await db.$transaction(async (tx) => {
      await lockCase(tx, found.id);
      // Checked again under the lock: the DPO may have recorded an answer, or the case been withdrawn.
      const request = await tx.rightsRequest.findUniqueOrThrow({
        where: { id: found.id },
        include: { assignee: { select: { email: true, disabledAt: true } } },
      });
      if (request.status !== "awaiting_information") throw notAwaited();
      if (proofs.length > 0)
        await tx.identityProof.createMany({
          data: proofs.map((p) => ({ requestId: request.id, ...p, uploadedAt: now })),
        });
      const saved = body
        ? await tx.caseMessage.create({
            data: { requestId: request.id, author: "requester", authorId: requesterEmail, body: new Uint8Array(body) },
            select: { id: true },
          })
        : null;
      const missing = awaited.filter((kind) => !proofs.some((p) => p.kind === kind));
      const transition = await answerCame(tx, request, now, missing);
      await appendEvent(tx, request.id, {
        type: transition,
        actorType: "requester",
        actorId: requesterEmail,
        payload: {
          messageId: saved?.id ?? null,
          kinds: proofs.map((p) => p.kind),
          missing,
          receivedAt: now.toISOString(),
        },
      });
      if (request.assignee && !request.assignee.disabledAt) {
        await queueEmail(
          tx,
          request.assignee.email,
          requesterAnsweredEmail(request.reference, `${env().APP_URL}/fr/dpo/demandes/${request.reference}`),
          { requestId: request.id },
        );
      }
    });
  } catch (error) {
    await discard();
    throw error;
  }
}

/** The question of the latest request for information (what the reminder and the closing letter quote). */
export async function lastQuestion(tx: Tx, requestId: string): Promise<string> {
  const event = await tx.requestEvent.findFirst({
    where: { requestId, type: "request_information" },
    orderBy: { id: "desc" },
    select: { type: true, payload: true },
  });
  return readPayload("request_information", event)?.message ?? "";
}

/**
 * What a waiting case still asks of its requester, in their language: the open question, and the
 * identification documents still missing (asked at filing or since). Quoted by the reminder and by
 * the letter closing the case for want of an answer.
 */
export async function outstandingAsk(
  tx: Tx,
  request: Pick<RightsRequest, "id" | "status" | "locale">,
): Promise<string> {
  const question = request.status === "awaiting_information" ? await lastQuestion(tx, request.id) : "";
  const missing = (await awaitedProofs(tx, request.id)) ?? [];
  const t = messages(request.locale);
  const documents =
    missing.length > 0
      ? fill(t.cases.awaitedDocuments, { documents: missing.map((k) => t.form.proofs[k]).join(", ") })
      : "";
  return [question, documents].filter((s) => s !== "").join("\n");
}

export function followUpOf(request: Pick<RightsRequest, "pausedSince" | "informationReminderAt">, now: Date) {
  const { INFORMATION_REMINDER_DAYS, INFORMATION_CLOSE_DAYS } = env();
  return informationFollowUp(
    { reminderDays: INFORMATION_REMINDER_DAYS, closeDays: INFORMATION_CLOSE_DAYS },
    request.pausedSince ?? now,
    request.informationReminderAt,
    now,
  );
}

/**
 * The daily follow-up of cases waiting for their requester (the worker runs it with the reminders):
 * an unanswered question, or identification documents still missing, asked at filing or since. Each
 * requester whose answer is due for a reminder gets one, once, quoting what is awaited, the day from
 * which the case may be closed, and the link to answer. Returns how many were reminded.
 */
export async function remindUnansweredRequests(db: Db, now = new Date()): Promise<number> {
  const { INFORMATION_REMINDER_DAYS } = env();
  // A superset of the due ones (a day's margin for the Paris calendar); each is checked under its lock.
  const candidates = await db.rightsRequest.findMany({
    where: {
      OR: [{ status: "awaiting_information" }, { status: "awaiting_identity", identityStatus: "documents_required" }],
      informationReminderAt: null,
      pausedSince: { lte: new Date(now.getTime() - (INFORMATION_REMINDER_DAYS - 1) * 86_400_000) },
    },
    select: { reference: true },
    orderBy: { pausedSince: "asc" },
    take: 1000,
  });
  let reminded = 0;
  for (const { reference } of candidates) {
    await withCase(db, reference, async (tx, request) => {
      if (!awaitsRequester(request) || request.informationReminderAt) return;
      const followUp = followUpOf(request, now);
      if (!followUp.reminderDue) return;
      const closeOn = addDays(parisDay(now), env().INFORMATION_CLOSE_DAYS);
      await tx.rightsRequest.update({ where: { id: request.id }, data: { informationReminderAt: now } });
      await appendEvent(tx, request.id, {
        type: "information_reminder",
        actorType: "system",
        actorId: null,
        payload: { closableOn: closeOn },
      });
      await notifyRequester(
        tx,
        request,
        {
          kind: "information_reminder",
          message: await outstandingAsk(tx, request),
          closeOn: formatDay(closeOn, request.locale),
        },
        { url: answerLinkUrl(request, now.getTime()) },
      );
      reminded += 1;
    });
  }
  return reminded;
}
