import { appendEvent, lockCase } from "@/lib/audit/append-event";
import { type CaseActor, recordEvent } from "@/lib/cases/with-case";
import type { Db, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import type { Prisma, RightsRequest } from "@/lib/generated/prisma/client";
import { currentRegistry } from "@/lib/registry";
import { sealText } from "@/lib/storage/sealed-text";
import { ARCHIVE_DAYS, type ErasurePlan, type ErasureSummary, erasureGrounds, erasurePlan, legalObligationActivities } from "./erasure-plan";
import { suppressionKey } from "./immediate-effects";

/** Who was erased, as the recipients told of it (Art. 19) need to find them: read before the erasure. */
export interface ErasedSubject {
  firstName: string;
  lastName: string;
  birthDate: Date;
  email: string | null;
}

type Summary = Omit<ErasureSummary, "erasedAt" | "grounds" | "archivedUntil">;

/**
 * Applies a granted erasure of the platform's part, in the answer's transaction: removes what the
 * plan covers, moves documents and account information to the sealed 7-day archive, keeps what
 * the health actors or the law need, and records the summary the certificate is written from.
 */
export async function eraseSubject(tx: Tx, request: RightsRequest, activities: string[], actor: CaseActor, now = new Date()): Promise<{ summary: ErasureSummary; subject: ErasedSubject }> {
  const plan = erasurePlan(activities);
  const erasure = request.subjectRelativeId ? await eraseRelative(tx, request, request.subjectRelativeId, plan, now) : await eraseAccount(tx, request, plan, now);
  const archivedUntil = erasure.archive ? new Date(now.getTime() + ARCHIVE_DAYS * 86_400_000) : null;
  if (erasure.archive) {
    await tx.erasureArchive.create({
      data: { reference: request.reference, sealed: new Uint8Array(await sealText(JSON.stringify(erasure.archive.content))), documents: erasure.archive.documents, purgeAfter: archivedUntil! },
    });
    erasure.summary.kept.push({ item: "archive", count: erasure.archive.documents });
  }
  const registry = currentRegistry();
  const obligations = legalObligationActivities(registry, activities);
  if (obligations.length > 0) erasure.summary.kept.push({ item: "legal_obligation", count: obligations.length, names: obligations });
  erasure.summary.kept.unshift({ item: "case_file", count: 1 });
  const summary: ErasureSummary = {
    erasedAt: now.toISOString(),
    grounds: erasureGrounds(registry, activities, request.subjectRelation === "minor"),
    archivedUntil: archivedUntil?.toISOString() ?? null,
    ...erasure.summary,
  };
  await tx.erasureRecord.create({ data: { requestId: request.id, summary: summary as unknown as Prisma.InputJsonValue, erasedAt: now } });
  await recordEvent(tx, request.id, "erasure_applied", actor, { erased: summary.erased, kept: summary.kept.map((k) => k.item), archivedUntil: summary.archivedUntil });
  return { summary, subject: erasure.subject };
}

interface Erasure {
  subject: ErasedSubject;
  summary: Summary;
  archive: { documents: number; content: Record<string, unknown> } | null;
}

const notFound = () =>
  new AppError("conflict", {
    fr: "La personne n'a pas été retrouvée dans les données de la plateforme, ou son compte est déjà effacé : répondez qu'aucune donnée n'est détenue.",
    en: "The person was not found in the platform's data, or their account is already erased: answer that no data is held.",
  });

async function eraseAccount(tx: Tx, request: RightsRequest, plan: ErasurePlan, now: Date): Promise<Erasure> {
  if (!request.subjectPatientId) throw notFound();
  const patientId = request.subjectPatientId;
  const patient = await tx.patient.findUnique({ where: { id: patientId }, include: { consents: true, marketing: true, relatives: true } });
  if (!patient || patient.closedAt) throw notFound();
  const subject = { firstName: patient.firstName, lastName: patient.lastName, birthDate: patient.birthDate, email: patient.email };
  const summary: Summary = { erased: [], kept: [] };

  const documents = await takeDocuments(tx, plan, { patientId });
  summary.erased.push({ item: "documents", count: documents.length });
  const consentWhere = plan.consents === "all" ? { patientId } : { patientId, activityKey: { in: plan.consents } };
  summary.erased.push({ item: "consents", count: (await tx.consent.deleteMany({ where: consentWhere })).count });
  if (plan.marketing) summary.erased.push({ item: "marketing_preferences", count: (await tx.marketingPreference.deleteMany({ where: { patientId } })).count });
  if (await tx.marketingSuppression.findUnique({ where: { emailHash: suppressionKey(patient.email) }, select: { emailHash: true } })) {
    summary.kept.push({ item: "marketing_suppression", count: 1 });
  }
  if (!plan.profile) return { subject, summary, archive: documents.length > 0 ? { documents: documents.length, content: { documents } } : null };

  const relatives = await detachRelatives(tx, { patientId }, now);
  summary.erased.push({ item: "relative_links", count: relatives.links }, { item: "relative_profiles", count: relatives.erased });
  if (relatives.shared > 0) summary.kept.push({ item: "shared_relative_profiles", count: relatives.shared });
  summary.erased.unshift({ item: "account", count: 1 });

  const agendas = await actorAppointments(tx, { patientId });
  if (agendas.count > 0) {
    // The health actors' agendas still refer to the person: only the identity they need stays.
    await tx.patient.update({
      where: { id: patientId },
      data: {
        email: `closed+${patientId}@invalid`, emailVerified: false, birthName: null, birthPlace: null, phone: null, street: null, postalCode: null, city: null,
        lastBookingAt: null, restrictedAt: null, restrictionReference: null, restrictionLiftNoticeAt: null, closedAt: now,
      },
    });
    summary.kept.push({ item: "actor_appointments", count: agendas.count, names: agendas.names });
  } else {
    await tx.patient.delete({ where: { id: patientId } });
  }
  const { consents, marketing, relatives: links, ...account } = patient;
  return { subject, summary, archive: { documents: documents.length, content: { account, relatives: links, consents, marketing, documents } } };
}

/** A relative erased from the requester's account: the profile goes unless another account holds it. */
async function eraseRelative(tx: Tx, request: RightsRequest, relativeId: string, plan: ErasurePlan, now: Date): Promise<Erasure> {
  const account = await tx.patient.findFirst({ where: { email: request.requesterEmail, closedAt: null, relatives: { some: { relativeId } } }, select: { id: true } });
  const relative = await tx.relative.findUnique({ where: { id: relativeId } });
  if (!account || !relative) throw notFound();
  const subject = { firstName: relative.firstName, lastName: relative.lastName, birthDate: relative.birthDate, email: null };
  const summary: Summary = { erased: [], kept: [] };
  const documents = await takeDocuments(tx, plan, { patientId: account.id, relativeId });
  summary.erased.push({ item: "documents", count: documents.length });
  if (plan.profile) {
    const relatives = await detachRelatives(tx, { patientId: account.id, relativeId }, now);
    summary.erased.push({ item: "relative_links", count: relatives.links }, { item: "relative_profiles", count: relatives.erased });
    if (relatives.shared > 0) summary.kept.push({ item: "shared_relative_profiles", count: relatives.shared });
    const agendas = await actorAppointments(tx, { relativeId });
    if (agendas.count > 0) summary.kept.push({ item: "actor_appointments", count: agendas.count, names: agendas.names });
  }
  const content = plan.profile ? { relative, documents } : { documents };
  return { subject, summary, archive: documents.length > 0 || plan.profile ? { documents: documents.length, content } : null };
}

/** Removes the documents the plan covers and returns them, for the archive. */
async function takeDocuments(tx: Tx, plan: ErasurePlan, where: { patientId: string; relativeId?: string }) {
  if (plan.documents === "none") return [];
  const documents = await tx.document.findMany({ where: { ...where, ...(plan.documents === "prescriptions" ? { kind: "prescription" } : {}) } });
  await tx.document.deleteMany({ where: { id: { in: documents.map((d) => d.id) } } });
  return documents;
}

/**
 * Detaches relatives from an account (one, or all): a profile held by no other account is deleted,
 * or, while a health actor's appointment still refers to it, closed (its identity kept for the agenda).
 */
async function detachRelatives(tx: Tx, where: { patientId: string; relativeId?: string }, now: Date) {
  const links = await tx.patientRelative.findMany({
    where,
    select: { relativeId: true, relative: { select: { _count: { select: { accounts: true, appointments: true } } } } },
  });
  await tx.patientRelative.deleteMany({ where });
  const alone = links.filter((l) => l.relative._count.accounts === 1);
  const toClose = alone.filter((l) => l.relative._count.appointments > 0).map((l) => l.relativeId);
  const toDelete = alone.filter((l) => l.relative._count.appointments === 0).map((l) => l.relativeId);
  await tx.relative.updateMany({ where: { id: { in: toClose } }, data: { closedAt: now } });
  await tx.relative.deleteMany({ where: { id: { in: toDelete } } });
  return { links: links.length, erased: alone.length, shared: links.length - alone.length };
}

/** The appointments health actors hold about the person, and those actors' names. */
async function actorAppointments(tx: Tx, where: { patientId: string } | { relativeId: string }) {
  const byActor = await tx.appointment.groupBy({ by: ["healthActorId"], where, _count: { _all: true } });
  const actors = await tx.healthActor.findMany({ where: { id: { in: byActor.map((a) => a.healthActorId) } }, select: { name: true }, orderBy: { name: "asc" } });
  return { count: byActor.reduce((n, a) => n + a._count._all, 0), names: actors.map((a) => a.name) };
}

/**
 * The worker's sweep: archives past their seven days are purged for good (the case records it), and
 * closed accounts or profiles no appointment refers to any more (the health actors erased theirs)
 * are deleted. Returns what it removed.
 */
export async function purgeErasureArchives(db: Db, now = new Date()): Promise<{ archives: number; identities: number }> {
  const due = await db.erasureArchive.findMany({ where: { purgeAfter: { lte: now } }, select: { id: true, reference: true, documents: true }, take: 500 });
  for (const archive of due) {
    await db.$transaction(async (tx) => {
      await tx.erasureArchive.delete({ where: { id: archive.id } });
      const request = await tx.rightsRequest.findUnique({ where: { reference: archive.reference }, select: { id: true } });
      if (!request) return;
      await lockCase(tx, request.id);
      await appendEvent(tx, request.id, { type: "erasure_archive_purged", actorType: "system", actorId: null, payload: { documents: archive.documents } });
    });
  }
  const patients = await db.patient.deleteMany({ where: { closedAt: { not: null }, appointments: { none: {} } } });
  const relatives = await db.relative.deleteMany({ where: { closedAt: { not: null }, appointments: { none: {} } } });
  return { archives: due.length, identities: patients.count + relatives.count };
}
