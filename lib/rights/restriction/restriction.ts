import { notifyRequester } from "@/lib/cases/notify-requester";
import { type CaseActor, recordEvent, withCase } from "@/lib/case-file/with-case";
import type { Db, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import type { RightsRequest } from "@/lib/generated/prisma/client";
import { activitiesHolding, queueNoticesTo, queueRecipientNotices } from "@/lib/recipients/queue-recipient-notices";
import { subjectRecord } from "@/lib/identity/subject-record";

/**
 * Restriction of processing (GDPR Art. 18): granted, the subject's record is flagged and the data is
 * kept but used for nothing else. The marketing tools' audience leaves the person out
 * (lib/marketing/audience.ts); the service itself and legal obligations go on. It is lifted
 * only after the subject was told (Art. 18(3)), by the DPO, on the same case.
 */

function subjectOf(request: RightsRequest): string {
  if (!request.subjectPatientId) {
    throw new AppError("conflict", {
      fr: "La personne n'a pas été retrouvée dans les données de la plateforme.",
      en: "The person was not found in the platform's data.",
    });
  }
  return request.subjectPatientId;
}

/** Applied with the answer that grants a restriction request (lib/cases/answer-part.ts). */
export async function applyRestriction(
  tx: Tx,
  request: RightsRequest,
  actor: CaseActor,
  now = new Date(),
): Promise<void> {
  const { patient } = await subjectRecord(tx, request);
  if (!patient) {
    throw new AppError("conflict", {
      fr: "La limitation porte sur les données d'un compte : pour un proche, elle se fait sur le compte qui le détient.",
      en: "Restriction applies to an account's data: for a relative, it is applied on the account that holds it.",
    });
  }
  const subject = await tx.patient.update({
    where: { id: patient.id },
    data: { restrictedAt: now, restrictionReference: request.reference, restrictionLiftNoticeAt: null },
    select: { firstName: true, lastName: true, birthDate: true, email: true },
  });
  await recordEvent(tx, request.id, "restriction_applied", actor, { at: now.toISOString() });
  await queueRecipientNotices(
    tx,
    request,
    { right: "restriction", subject },
    await activitiesHolding(tx, request),
    actor,
  );
}

/** The DPO tells the subject the restriction will be lifted, and why: the step that must come first. */
export async function announceLift(
  db: Db,
  reference: string,
  reason: string,
  actor: CaseActor,
  now = new Date(),
): Promise<void> {
  await withCase(db, reference, async (tx, request) => {
    const patient = await tx.patient.findUnique({
      where: { id: subjectOf(request) },
      select: { id: true, restrictionReference: true },
    });
    if (patient?.restrictionReference !== request.reference) throw notRestricted();
    await tx.patient.update({ where: { id: patient.id }, data: { restrictionLiftNoticeAt: now } });
    await recordEvent(tx, request.id, "restriction_lift_announced", actor, { reason });
    await notifyRequester(tx, request, { kind: "restriction_lift", reason });
  });
}

/** Lifts the restriction, once the subject was told. */
export async function liftRestriction(db: Db, reference: string, actor: CaseActor): Promise<void> {
  await withCase(db, reference, async (tx, request) => {
    const patient = await tx.patient.findUnique({
      where: { id: subjectOf(request) },
      select: {
        id: true,
        restrictionReference: true,
        restrictionLiftNoticeAt: true,
        firstName: true,
        lastName: true,
        birthDate: true,
        email: true,
      },
    });
    if (patient?.restrictionReference !== request.reference) throw notRestricted();
    if (!patient.restrictionLiftNoticeAt) {
      throw new AppError("conflict", {
        fr: "La personne doit d'abord être informée de la levée de la limitation (RGPD art. 18(3)).",
        en: "The person must first be told the restriction will be lifted (GDPR Art. 18(3)).",
      });
    }
    await tx.patient.update({
      where: { id: patient.id },
      data: { restrictedAt: null, restrictionReference: null, restrictionLiftNoticeAt: null },
    });
    await recordEvent(tx, request.id, "restriction_lifted", actor, {});
    // The recipients told of the restriction, and only they, are told of its lifting.
    const told = await tx.recipientNotice.findMany({
      where: { requestId: request.id },
      distinct: ["recipient"],
      select: { recipient: true },
      orderBy: { recipient: "asc" },
    });
    const { firstName, lastName, birthDate, email } = patient;
    const lifted = {
      right: "restriction" as const,
      lifted: true as const,
      subject: { firstName, lastName, birthDate, email },
    };
    await queueNoticesTo(tx, request, [{ payload: lifted, recipients: told.map((n) => n.recipient) }], actor);
  });
}

const notRestricted = () =>
  new AppError("conflict", {
    fr: "Aucune limitation en cours pour cette demande.",
    en: "No restriction in force for this request.",
  });
