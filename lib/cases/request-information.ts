import { z } from "zod";
import { appendEvent, lockCase } from "@/lib/audit/append-event";
import type { Db, Tx } from "@/lib/db";
import type { RightsRequest } from "@/lib/generated/prisma/client";
import { addDays, parisDay } from "@/lib/deadlines";
import { queueEmail } from "@/lib/email/outbox";
import { requesterAnsweredEmail } from "@/lib/email/templates/staff-reminder";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { formatDay } from "@/lib/i18n/format";
import { canTransition, nextStatus } from "@/lib/requests/state-machine";
import { sealText } from "@/lib/storage/sealed-text";
import { pastInstant } from "@/lib/validation/dates";
import { requiredText } from "@/lib/validation/text";
import { informationReceivedProblem } from "./case-dates";
import { informationFollowUp } from "./information-follow-up";
import { notifyRequester } from "./notify-requester";
import { resumeClock } from "./resume-clock";
import { type CaseActor, recordEvent, withCase } from "./with-case";

export const ZRequestInformation = z.object({ message: requiredText(5000) });
/** The requester's answer, typed in "Mes demandes" (the same limit as the DPO's question). */
export const ZRequesterReply = z.object({ message: requiredText(5000) });
export const ZInformationReceived = z.object({ receivedAt: pastInstant().optional() });

/** Asks the requester for information or clarification: e-mailed, and the clock stops (LEGAL.md R1.5). */
export async function requestInformation(db: Db, reference: string, message: string, actor: CaseActor, now = new Date()): Promise<void> {
  await withCase(db, reference, async (tx, request) => {
    const status = nextStatus(request.status, "request_information");
    await tx.rightsRequest.update({ where: { id: request.id }, data: { status, pausedSince: request.pausedSince ?? now, informationReminderAt: null } });
    await recordEvent(tx, request.id, "request_information", actor, { message });
    await notifyRequester(tx, request, { kind: "information_request", message });
  });
}

/**
 * The requester's answer came (at `receivedAt`, by default now): the clock starts again from then.
 * Not before the question, nor in the future (informationReceivedProblem): the due dates would move.
 */
export async function informationReceived(db: Db, reference: string, receivedAt: Date, actor: CaseActor, now = new Date()): Promise<void> {
  await withCase(db, reference, async (tx, request) => {
    const status = nextStatus(request.status, "information_received");
    const problem = request.pausedSince ? informationReceivedProblem(receivedAt, request.pausedSince, now) : null;
    if (problem) throw AppError.validation([{ path: "receivedAt", key: problem }]);
    await tx.rightsRequest.update({ where: { id: request.id }, data: { status, informationReminderAt: null } });
    await resumeClock(tx, request, receivedAt);
    await recordEvent(tx, request.id, "information_received", actor, { receivedAt: receivedAt.toISOString() });
  });
}

/**
 * The requester answers a request for information from "Mes demandes": scoped by reference and the
 * requester's proven address. The answer is kept encrypted in the case, the clock starts again from
 * now, and the assigned agent is told.
 */
export async function replyToInformationRequest(db: Db, reference: string, requesterEmail: string, message: string, now = new Date()): Promise<void> {
  const body = await sealText(message);
  await db.$transaction(async (tx) => {
    const found = await tx.rightsRequest.findFirst({ where: { reference, requesterEmail }, select: { id: true } });
    if (!found) throw new AppError("not_found", { fr: "Demande introuvable.", en: "Request not found." });
    await lockCase(tx, found.id);
    const request = await tx.rightsRequest.findUniqueOrThrow({ where: { id: found.id }, include: { assignee: { select: { email: true, disabledAt: true } } } });
    if (!canTransition(request.status, "information_received")) {
      throw new AppError("conflict", { fr: "Aucune précision n'est attendue pour cette demande.", en: "No information is awaited for this request." });
    }
    await tx.rightsRequest.update({ where: { id: request.id }, data: { status: nextStatus(request.status, "information_received"), informationReminderAt: null } });
    await resumeClock(tx, request, now);
    const saved = await tx.caseMessage.create({ data: { requestId: request.id, author: "requester", authorId: requesterEmail, body: new Uint8Array(body) }, select: { id: true } });
    await appendEvent(tx, request.id, { type: "information_received", actorType: "requester", actorId: requesterEmail, payload: { messageId: saved.id, receivedAt: now.toISOString() } });
    if (request.assignee && !request.assignee.disabledAt) {
      await queueEmail(tx, request.assignee.email, requesterAnsweredEmail(request.reference, `${env().APP_URL}/fr/dpo/demandes/${request.reference}`), { requestId: request.id });
    }
  });
}

/** The question of the latest request for information (what the reminder and the closing letter quote). */
export async function lastQuestion(tx: Tx, requestId: string): Promise<string> {
  const event = await tx.requestEvent.findFirst({ where: { requestId, type: "request_information" }, orderBy: { id: "desc" }, select: { payload: true } });
  const payload = event?.payload as { message?: unknown } | undefined;
  return typeof payload?.message === "string" ? payload.message : "";
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
 * The daily follow-up of unanswered requests for information (the worker runs it with the
 * reminders): each requester whose answer is due for a reminder gets one, once, quoting the question
 * and the day from which the case may be closed. Returns how many were reminded.
 */
export async function remindUnansweredRequests(db: Db, now = new Date()): Promise<number> {
  const { INFORMATION_REMINDER_DAYS } = env();
  // A superset of the due ones (a day's margin for the Paris calendar); each is checked under its lock.
  const candidates = await db.rightsRequest.findMany({
    where: { status: "awaiting_information", informationReminderAt: null, pausedSince: { lte: new Date(now.getTime() - (INFORMATION_REMINDER_DAYS - 1) * 86_400_000) } },
    select: { reference: true },
    orderBy: { pausedSince: "asc" },
    take: 1000,
  });
  let reminded = 0;
  for (const { reference } of candidates) {
    await withCase(db, reference, async (tx, request) => {
      if (request.status !== "awaiting_information" || request.informationReminderAt) return;
      const followUp = followUpOf(request, now);
      if (!followUp.reminderDue) return;
      const closeOn = addDays(parisDay(now), env().INFORMATION_CLOSE_DAYS);
      await tx.rightsRequest.update({ where: { id: request.id }, data: { informationReminderAt: now } });
      await appendEvent(tx, request.id, { type: "information_reminder", actorType: "system", actorId: null, payload: { closableOn: closeOn } });
      await notifyRequester(tx, request, { kind: "information_reminder", message: await lastQuestion(tx, request.id), closeOn: formatDay(closeOn, request.locale) });
      reminded += 1;
    });
  }
  return reminded;
}
