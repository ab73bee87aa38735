import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { CaseEventType, EventPayload } from "@/lib/case-file/event-types";
import { appendEvent, lockCase } from "@/lib/case-file/events";
import { answerSentOnProblem } from "@/lib/cases/case-dates";
import { notifyRequester, sendLetter } from "@/lib/cases/notify-requester";
import type { Db, Tx } from "@/lib/db";
import { parisInstant } from "@/lib/deadlines";
import { subjectRecord } from "@/lib/identity/subject-record";
import { AppError } from "@/lib/errors/app-error";
import type { RequestPart, RightsRequest } from "@/lib/generated/prisma/client";
import { formatDay } from "@/lib/i18n/format";
import { canTransition, nextStatus, OPEN_PART_STATUSES } from "@/lib/case-file/state-machine";
import { checkUpload, type FileStorage } from "@/lib/storage";
import { birthDay, pastDay } from "@/lib/validation/dates";
import { isUuid } from "@/lib/validation/ids";
import { requiredLine, requiredText } from "@/lib/validation/text";

/** Who acts in an actor's inbox: one membership per health actor whose parts they may work. */
export interface MemberActor {
  memberships: { memberId: string; healthActorId: string }[];
}

export const ZActorAnswer = z.discriminatedUnion(
  "mode",
  [
    /** The answer document is uploaded here and passed on to the requester. */
    z.object({ mode: z.literal("portal") }),
    /** The actor answered by other means (post, hand delivery, its own portal): the day and how. */
    z.object({
      mode: z.literal("other"),
      sentOn: pastDay(),
      channel: requiredLine(200),
    }),
  ],
  { error: "choice" },
);
export type TActorAnswer = z.infer<typeof ZActorAnswer>;

export const ZActorDecline = z.object({ reason: requiredText(5000) });

const notFound = () => new AppError("not_found", { fr: "Demande introuvable.", en: "Request not found." });
const alreadyAnswered = () =>
  new AppError("conflict", { fr: "Cette demande a déjà sa réponse.", en: "This request already has its answer." });

type PartInCase = RequestPart & { healthActor: { name: string } | null };

/**
 * Runs an action of an actor's member on one of the actor's parts: the part is found only among
 * the member's actors (and only once forwarded), then the case is locked for the rest of the
 * transaction, as every action on a case is (lib/case-file/with-case.ts).
 */
async function withActorPart<T>(
  db: Db,
  member: MemberActor,
  partId: string,
  action: (tx: Tx, part: PartInCase, request: RightsRequest, memberId: string) => Promise<T>,
): Promise<T> {
  if (!isUuid(partId)) throw notFound();
  return db.$transaction(async (tx) => {
    const scoped = await tx.requestPart.findFirst({
      where: {
        id: partId,
        healthActorId: { in: member.memberships.map((m) => m.healthActorId) },
        forwardedAt: { not: null },
      },
      select: { requestId: true, healthActorId: true },
    });
    if (!scoped) throw notFound();
    await lockCase(tx, scoped.requestId);
    const part = await tx.requestPart.findUniqueOrThrow({
      where: { id: partId },
      include: { healthActor: { select: { name: true } } },
    });
    const request = await tx.rightsRequest.findUniqueOrThrow({ where: { id: scoped.requestId } });
    const memberId = member.memberships.find((m) => m.healthActorId === scoped.healthActorId)!.memberId;
    return action(tx, part, request, memberId);
  });
}

function record<T extends CaseEventType>(
  tx: Tx,
  request: RightsRequest,
  memberId: string,
  type: T,
  payload: EventPayload<T>,
) {
  return appendEvent(tx, request.id, { type, actorType: "health_actor", actorId: memberId, payload });
}

/** Once no part is left open, the case is answered (the DPO then closes it). */
async function settleCase(tx: Tx, request: RightsRequest, memberId: string): Promise<void> {
  const open = await tx.requestPart.count({
    where: { requestId: request.id, status: { in: [...OPEN_PART_STATUSES] } },
  });
  if (open > 0 || !canTransition(request.status, "all_parts_answered")) return;
  await tx.rightsRequest.update({
    where: { id: request.id },
    data: { status: nextStatus(request.status, "all_parts_answered"), pausedSince: null },
  });
  await record(tx, request, memberId, "all_parts_answered", {});
}

/** The member tells the requester (and the DPO) the request is being handled. Repeating it changes nothing. */
export async function acknowledgePart(db: Db, member: MemberActor, partId: string, now = new Date()): Promise<void> {
  await withActorPart(db, member, partId, async (tx, part, request, memberId) => {
    if (part.status !== "forwarded") throw alreadyAnswered();
    if (part.acknowledgedAt) return;
    await tx.requestPart.update({ where: { id: part.id }, data: { acknowledgedAt: now } });
    await record(tx, request, memberId, "actor_acknowledged", { partId: part.id });
  });
}

/**
 * The actor's answer: its document, uploaded and passed on to the requester (type checked from the
 * content, stored encrypted, e-mailed as an attachment and kept in the case), or the record that it
 * answered by other means, with the day and how.
 */
export async function answerActorPart(
  db: Db,
  storage: FileStorage,
  member: MemberActor,
  partId: string,
  input: TActorAnswer,
  file: Uint8Array | null,
  now = new Date(),
): Promise<void> {
  let stored: string | null = null;
  if (input.mode === "portal") {
    const check = file && file.length > 0 ? checkUpload(file) : null;
    if (!check) throw AppError.validation([{ path: "file", key: "required" }]);
    if (!check.ok)
      throw AppError.validation([{ path: "file", key: check.reason === "too_large" ? "file_size" : "file_type" }]);
    stored = `letters/${randomUUID()}`;
    await storage.put(stored, Buffer.from(file!), { contentType: check.contentType });
  }
  try {
    await withActorPart(db, member, partId, async (tx, part, request, memberId) => {
      if (part.status !== "forwarded") throw alreadyAnswered();
      const sentOnProblem = input.mode === "other" ? answerSentOnProblem(input.sentOn, request.receivedAt, now) : null;
      if (sentOnProblem) throw AppError.validation([{ path: "sentOn", key: sentOnProblem }]);
      const answeredAt = input.mode === "other" ? parisInstant(input.sentOn, "12:00") : now;
      await tx.requestPart.update({
        where: { id: part.id },
        data: { status: "answered", answeredAt, acknowledgedAt: part.acknowledgedAt ?? now },
      });
      const actorName = part.healthActor?.name ?? "";
      if (stored) {
        const letter = await tx.caseLetter.create({
          data: {
            requestId: request.id,
            partId: part.id,
            kind: "actor_answer",
            locale: request.locale,
            storageKey: stored,
          },
          select: { id: true },
        });
        // Not attached: it may be a medical record. The requester reads it in "Mes demandes", signed in.
        await notifyRequester(tx, request, { kind: "actor_answer", actorName });
        await record(tx, request, memberId, "actor_answer", { partId: part.id, mode: "portal", letterId: letter.id });
      } else if (input.mode === "other") {
        await notifyRequester(tx, request, {
          kind: "actor_answered_elsewhere",
          actorName,
          date: formatDay(input.sentOn, request.locale),
          channel: input.channel,
        });
        await record(tx, request, memberId, "actor_answer", {
          partId: part.id,
          mode: "other",
          sentOn: input.sentOn,
          channel: input.channel,
        });
      }
      await settleCase(tx, request, memberId);
    });
  } catch (error) {
    if (stored) await storage.delete(stored);
    throw error;
  }
}

/** The actor declines: the requester gets a letter with its reasons and the remedies (Art. 12(4)). */
export async function declineActorPart(
  db: Db,
  storage: FileStorage,
  member: MemberActor,
  partId: string,
  reason: string,
  now = new Date(),
): Promise<void> {
  let discardLetter: (() => Promise<void>) | undefined;
  try {
    await withActorPart(db, member, partId, async (tx, part, request, memberId) => {
      if (part.status !== "forwarded") throw alreadyAnswered();
      await tx.requestPart.update({
        where: { id: part.id },
        data: {
          status: "refused",
          outcome: "refused",
          grounds: ["other"],
          answeredAt: now,
          acknowledgedAt: part.acknowledgedAt ?? now,
        },
      });
      await record(tx, request, memberId, "actor_decline", { partId: part.id });
      discardLetter = await sendLetter(tx, storage, request, {
        kind: "answer",
        partId: part.id,
        content: {
          kind: "answer",
          handlerName: part.healthActor?.name ?? null,
          outcome: "refused",
          grounds: ["other"],
          message: reason,
        },
        update: { kind: "answer" },
      });
      await settleCase(tx, request, memberId);
    });
  } catch (error) {
    await discardLetter?.();
    throw error;
  }
}

/** A member downloaded the part's assistance package: recorded in the case's trail. */
export async function recordPackageDownload(
  db: Db,
  member: MemberActor,
  partId: string,
  format: "zip" | "pdf",
): Promise<void> {
  await withActorPart(db, member, partId, (tx, part, request, memberId) =>
    record(tx, request, memberId, "actor_package_downloaded", { partId: part.id, format }),
  );
}

/**
 * What a health actor may instruct its processor to do with the subject's data in its agenda:
 * erase the appointments, restrict them (kept, no longer used), or rectify the identity the agenda
 * shows. The platform executes it at once and reports what it did.
 */
export const ZInstruction = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("erase_appointments") }),
    z.object({ kind: z.literal("restrict") }),
    z
      .object({
        kind: z.literal("rectify_identity"),
        firstName: requiredLine(100).optional(),
        lastName: requiredLine(100).optional(),
        birthDate: birthDay().optional(),
      })
      .refine((r) => r.firstName || r.lastName || r.birthDate, { path: ["firstName"], message: "required" }),
  ],
  { error: "choice" },
);
export type TInstruction = z.infer<typeof ZInstruction>;

export type InstructionReport =
  | { kind: "erase_appointments" | "restrict"; appointments: number }
  | { kind: "rectify_identity"; changes: Record<string, { before: string; after: string }> };

export async function instructPlatform(
  db: Db,
  member: MemberActor,
  partId: string,
  instruction: TInstruction,
  now = new Date(),
): Promise<InstructionReport> {
  return withActorPart(db, member, partId, async (tx, part, request, memberId) => {
    if (part.status !== "forwarded") throw alreadyAnswered();
    const subject = request.subjectRelativeId
      ? { relativeId: request.subjectRelativeId }
      : request.subjectPatientId
        ? { patientId: request.subjectPatientId, relativeId: null }
        : null;
    if (!subject) {
      throw new AppError("conflict", {
        fr: "Cette personne n'a pas été retrouvée dans les données de la plateforme : il n'y a rien à modifier.",
        en: "This person was not found in the platform's data: there is nothing to change.",
      });
    }
    const agenda = { healthActorId: part.healthActorId!, ...subject };
    let report: InstructionReport;
    if (instruction.kind === "erase_appointments") {
      report = { kind: instruction.kind, appointments: (await tx.appointment.deleteMany({ where: agenda })).count };
    } else if (instruction.kind === "restrict") {
      report = {
        kind: instruction.kind,
        appointments: (
          await tx.appointment.updateMany({ where: { ...agenda, restrictedAt: null }, data: { restrictedAt: now } })
        ).count,
      };
    } else {
      // The identity is the platform's shared record: an actor rectifies it only on a rectification request.
      if (request.right !== "rectification") {
        throw new AppError("conflict", {
          fr: "La rectification d'identité n'est possible que sur une demande de rectification.",
          en: "Rectifying the identity is only possible on a rectification request.",
        });
      }
      const { kind: _kind, ...fields } = instruction;
      const { patient, relative } = await subjectRecord(tx, request, { closed: true });
      const record = patient ?? relative;
      const changes: Record<string, { before: string; after: string }> = {};
      if (fields.firstName && fields.firstName !== record.firstName)
        changes.firstName = { before: record.firstName, after: fields.firstName };
      if (fields.lastName && fields.lastName !== record.lastName)
        changes.lastName = { before: record.lastName, after: fields.lastName };
      const birth = record.birthDate.toISOString().slice(0, 10);
      if (fields.birthDate && fields.birthDate !== birth)
        changes.birthDate = { before: birth, after: fields.birthDate };
      const data = Object.fromEntries(
        Object.entries(changes).map(([k, v]) => [k, k === "birthDate" ? new Date(`${v.after}T00:00:00Z`) : v.after]),
      );
      if (relative) await tx.relative.update({ where: { id: relative.id }, data });
      else await tx.patient.update({ where: { id: patient.id }, data });
      report = { kind: instruction.kind, changes };
    }
    await record(tx, request, memberId, "actor_instruction", { partId: part.id, ...report });
    return report;
  });
}
