import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import type { Patient, Relative, RightsRequest } from "@/lib/generated/prisma/client";

/**
 * The platform's record of a case's subject, locked for the change about to be made: the patient's
 * account, or the relative's profile. A subject never found, or whose account or profile was erased
 * since, is a conflict the DPO reads (never a crash, and never data written back into an erased record).
 */
export async function subjectRecord(
  tx: Tx,
  request: Pick<RightsRequest, "subjectPatientId" | "subjectRelativeId">,
  /** A health actor acts on the identity its agenda still refers to, even once the account is erased. */
  options: { closed?: boolean } = {},
): Promise<{ patient: Patient; relative: null } | { patient: null; relative: Relative }> {
  if (request.subjectRelativeId) {
    await tx.$queryRaw`SELECT id FROM "Relative" WHERE id = ${request.subjectRelativeId}::uuid FOR UPDATE`;
    const relative = await tx.relative.findUnique({ where: { id: request.subjectRelativeId } });
    if (relative && (options.closed || !relative.closedAt)) return { patient: null, relative };
  } else if (request.subjectPatientId) {
    await tx.$queryRaw`SELECT id FROM "Patient" WHERE id = ${request.subjectPatientId}::uuid FOR UPDATE`;
    const patient = await tx.patient.findUnique({ where: { id: request.subjectPatientId } });
    if (patient && (options.closed || !patient.closedAt)) return { patient, relative: null };
  }
  throw new AppError("conflict", {
    fr: "La personne n'a pas été retrouvée dans les données de la plateforme, ou son compte est déjà effacé : répondez qu'aucune donnée n'est détenue.",
    en: "The person was not found in the platform's data, or their account is already erased: answer that no data is held.",
  });
}

/** The requester's own open account that holds this relative (a copy, or an erasure, about the relative goes through it). */
export function holderAccount(db: Pick<Tx, "patient">, requesterEmail: string, relativeId: string) {
  return db.patient.findFirst({
    where: { email: requesterEmail, closedAt: null, relatives: { some: { relativeId } } },
    select: { id: true },
  });
}
