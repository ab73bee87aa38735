import { appendEvent, lockCase } from "@/lib/case-file/events";
import { type CaseActor, recordEvent } from "@/lib/case-file/with-case";
import type { Db, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { fromDateColumn } from "@/lib/deadlines";
import type { Patient, Prisma, Relative, RightsRequest } from "@/lib/generated/prisma/client";
import { registryOf } from "@/lib/registry/registry-of";
import { isMinorOn } from "@/lib/validation/dates";
import { sealText } from "@/lib/storage/sealed-text";
import {
  ARCHIVE_DAYS,
  type ErasurePlan,
  type ErasureSummary,
  erasureGrounds,
  erasurePlan,
  legalObligationActivities,
} from "./erasure-plan";
import { suppressionKey } from "@/lib/marketing/suppression";
import { holderAccount, subjectRecord } from "@/lib/identity/subject-record";

/** Who was erased, as the recipients told of it (Art. 19) need to find them: read before the erasure. */
export interface ErasedSubject {
  firstName: string;
  lastName: string;
  birthDate: Date;
  email: string | null;
}

type Summary = Pick<ErasureSummary, "erased" | "kept">;

interface Erasure {
  subject: ErasedSubject;
  summary: Summary;
  /** The processing something was actually removed from: the grounds, and the recipients to tell. */
  erasedActivities: Set<string>;
  archive: { documents: number; content: Record<string, unknown> } | null;
}

/**
 * Applies a granted erasure of the platform's part over `activities`, in the answer's transaction:
 * removes what the plan covers, moves documents and account information to the sealed 7-day
 * archive, keeps what the health actors or the law need, and records the summary the certificate is
 * written from. The subject's record is locked first: two erasures never interleave.
 */
export async function eraseSubject(
  tx: Tx,
  request: RightsRequest,
  activities: string[],
  actor: CaseActor,
  now = new Date(),
): Promise<{ summary: ErasureSummary; subject: ErasedSubject; erasedActivities: string[] }> {
  const registry = await registryOf(tx, request.registryVersion);
  const plan = erasurePlan(activities);
  const record = await subjectRecord(tx, request);
  const erasure = record.relative
    ? await eraseRelative(tx, request, record.relative, plan, now)
    : await eraseAccount(tx, request, record.patient, plan, now);
  const archivedUntil = erasure.archive ? new Date(now.getTime() + ARCHIVE_DAYS * 86_400_000) : null;
  if (erasure.archive) {
    await tx.erasureArchive.create({
      data: {
        reference: request.reference,
        sealed: new Uint8Array(await sealText(JSON.stringify(erasure.archive.content))),
        documents: erasure.archive.documents,
        purgeAfter: archivedUntil!,
      },
    });
    erasure.summary.kept.push({ item: "archive", count: erasure.archive.documents });
  }
  const obligations = legalObligationActivities(registry, activities);
  if (obligations.length > 0)
    erasure.summary.kept.push({ item: "legal_obligation", count: obligations.length, names: obligations });
  erasure.summary.kept.unshift({ item: "case_file", count: 1 });
  // What was really removed (an account erased takes every processing's data with it), in the registry's order.
  const erasedActivities = registry.activities
    .filter((a) => a.controller === "platform" && erasure.erasedActivities.has(a.key))
    .map((a) => a.key);
  // Processing in scope that kept the data it uses: the account's, which stays while the account does.
  const untouched = activities.filter(
    (a) => !erasure.erasedActivities.has(a) && !obligations.includes(a) && a !== "rights_requests",
  );
  if (!plan.profile && untouched.length > 0)
    erasure.summary.kept.push({ item: "account_data", count: untouched.length, names: untouched });
  // Art. 17(1)(f): a minor's own account (the minor, or a parent, asking); not a profile a parent created.
  const child =
    record.patient !== null && isMinorOn(fromDateColumn(request.subjectBirthDate), request.receivedAt.toISOString());
  const summary: ErasureSummary = {
    erasedAt: now.toISOString(),
    grounds: erasureGrounds(registry, erasedActivities, child),
    archivedUntil: archivedUntil?.toISOString() ?? null,
    erased: erasure.summary.erased,
    kept: erasure.summary.kept,
  };
  await tx.erasureRecord.create({
    data: { requestId: request.id, summary: summary as unknown as Prisma.InputJsonValue, erasedAt: now },
  });
  await recordEvent(tx, request.id, "erasure_applied", actor, {
    erased: summary.erased,
    kept: summary.kept.map((k) => k.item),
    archivedUntil: summary.archivedUntil,
  });
  return { summary, subject: erasure.subject, erasedActivities };
}

async function eraseAccount(
  tx: Tx,
  request: RightsRequest,
  patient: Patient,
  plan: ErasurePlan,
  now: Date,
): Promise<Erasure> {
  const patientId = patient.id;
  const subject = {
    firstName: patient.firstName,
    lastName: patient.lastName,
    birthDate: patient.birthDate,
    email: patient.email,
  };
  const summary: Summary = { erased: [], kept: [] };
  const erasedActivities = new Set<string>();

  const documents = await takeDocuments(tx, plan, { patientId }, erasedActivities);
  summaryOfDocuments(summary, documents);
  const consents = await tx.consent.findMany({
    where: plan.consents === "all" ? { patientId } : { patientId, activityKey: { in: plan.consents } },
  });
  await tx.consent.deleteMany({ where: { id: { in: consents.map((c) => c.id) } } });
  for (const consent of consents) erasedActivities.add(consent.activityKey);
  summary.erased.push({ item: "consents", count: consents.length });
  const marketing = plan.marketing ? await tx.marketingPreference.findMany({ where: { patientId } }) : [];
  if (marketing.length > 0) {
    await tx.marketingPreference.deleteMany({ where: { patientId } });
    summary.erased.push({ item: "marketing_preferences", count: marketing.length });
    if (marketing.some((m) => m.optedIn)) erasedActivities.add("direct_marketing");
  }
  if (
    await tx.marketingSuppression.findUnique({
      where: { emailHash: suppressionKey(patient.email) },
      select: { emailHash: true },
    })
  ) {
    summary.kept.push({ item: "marketing_suppression", count: 1 });
  }
  if (!plan.profile)
    return {
      subject,
      summary,
      erasedActivities,
      archive: documents.length > 0 ? { documents: documents.length, content: { documents } } : null,
    };

  const links = await tx.patientRelative.findMany({ where: { patientId } });
  const relatives = await detachRelatives(tx, { patientId }, now);
  summaryOfRelatives(summary, relatives);
  summary.erased.unshift({ item: "account", count: 1 });
  erasedActivities.add("account_management").add("account_information");

  const agendas = await actorAppointments(tx, { patientId }, await nameableActors(tx, request));
  if (agendas.count > 0) {
    // The health actors' agendas still refer to the person: only the identity they need stays.
    await tx.patient.update({
      where: { id: patientId },
      data: {
        email: `closed+${patientId}@invalid`,
        emailVerified: false,
        birthName: null,
        birthPlace: null,
        phone: null,
        street: null,
        postalCode: null,
        city: null,
        lastBookingAt: null,
        restrictedAt: null,
        restrictionReference: null,
        restrictionLiftNoticeAt: null,
        closedAt: now,
      },
    });
    summary.kept.push({ item: "actor_appointments", ...agendas });
  } else {
    await tx.patient.delete({ where: { id: patientId } });
  }
  return {
    subject,
    summary,
    erasedActivities,
    archive: {
      documents: documents.length,
      content: { account: patient, relatives: links, consents, marketing, documents },
    },
  };
}

/** A relative erased from the requester's account: the profile goes unless another account holds it. */
async function eraseRelative(
  tx: Tx,
  request: RightsRequest,
  relative: Relative,
  plan: ErasurePlan,
  now: Date,
): Promise<Erasure> {
  const account = await holderAccount(tx, request.requesterEmail, relative.id);
  if (!account) {
    throw new AppError("conflict", {
      fr: "Le compte du demandeur ne détient pas ce proche : l'effacement se fait depuis le compte qui le détient.",
      en: "The requester's account does not hold this relative: the erasure is done from the account that holds it.",
    });
  }
  const subject = {
    firstName: relative.firstName,
    lastName: relative.lastName,
    birthDate: relative.birthDate,
    email: null,
  };
  const summary: Summary = { erased: [], kept: [] };
  const erasedActivities = new Set<string>();
  const documents = await takeDocuments(tx, plan, { patientId: account.id, relativeId: relative.id }, erasedActivities);
  summaryOfDocuments(summary, documents);
  if (plan.profile) {
    const relatives = await detachRelatives(tx, { patientId: account.id, relativeId: relative.id }, now);
    summaryOfRelatives(summary, relatives);
    if (relatives.deleted + relatives.closed > 0) erasedActivities.add("account_management");
    // Only the appointments booked from the requester's account: the others are not theirs to know.
    const agendas = await actorAppointments(tx, { relativeId: relative.id, patientId: account.id }, null);
    if (agendas.count > 0) summary.kept.push({ item: "actor_appointments", ...agendas });
  }
  const content = plan.profile ? { relative, documents } : { documents };
  return {
    subject,
    summary,
    erasedActivities,
    archive: documents.length > 0 || plan.profile ? { documents: documents.length, content } : null,
  };
}

/** Documents removed; those a health actor shared stay in its own records, which the certificate says. */
function summaryOfDocuments(summary: Summary, documents: { sharedBy: string }[]) {
  summary.erased.push({ item: "documents", count: documents.length });
  const shared = documents.filter((d) => d.sharedBy === "health_actor").length;
  if (shared > 0) summary.kept.push({ item: "actor_documents", count: shared });
}

function summaryOfRelatives(
  summary: Summary,
  relatives: { links: number; deleted: number; closed: number; shared: number },
) {
  summary.erased.push(
    { item: "relative_links", count: relatives.links },
    { item: "relative_profiles", count: relatives.deleted },
  );
  if (relatives.closed > 0) summary.kept.push({ item: "closed_relative_profiles", count: relatives.closed });
  if (relatives.shared > 0) summary.kept.push({ item: "shared_relative_profiles", count: relatives.shared });
}

/** Removes the documents the plan covers and returns them, for the archive. */
async function takeDocuments(
  tx: Tx,
  plan: ErasurePlan,
  where: { patientId: string; relativeId?: string },
  erasedActivities: Set<string>,
) {
  if (plan.documents === "none") return [];
  const documents = await tx.document.findMany({
    where: { ...where, ...(plan.documents === "prescriptions" ? { kind: "prescription" } : {}) },
  });
  await tx.document.deleteMany({ where: { id: { in: documents.map((d) => d.id) } } });
  if (documents.some((d) => d.kind === "prescription")) erasedActivities.add("prescription_sharing");
  if (plan.documents === "all" && documents.length > 0) erasedActivities.add("personalised_services");
  return documents;
}

/**
 * Detaches relatives from an account (one, or all): a profile held by no other account is deleted,
 * or, while a health actor's appointment still refers to it, closed (its identity kept for the agenda).
 * The profiles are locked before their links are counted: two accounts sharing a relative and erased
 * at the same time see each other's result.
 */
async function detachRelatives(tx: Tx, where: { patientId: string; relativeId?: string }, now: Date) {
  const ids = (await tx.patientRelative.findMany({ where, select: { relativeId: true } })).map((l) => l.relativeId);
  if (ids.length === 0) return { links: 0, deleted: 0, closed: 0, shared: 0 };
  await tx.$queryRaw`SELECT id FROM "Relative" WHERE id = ANY(${ids}::uuid[]) ORDER BY id FOR UPDATE`;
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
  return { links: links.length, deleted: toDelete.length, closed: toClose.length, shared: links.length - alone.length };
}

/**
 * The health actors a certificate may name: all of them for the subject's own request; for someone
 * acting for them (an heir, a representative), only those whose part the requester may see.
 */
async function nameableActors(tx: Tx, request: RightsRequest): Promise<Set<string> | null> {
  if (request.subjectRelation === "self") return null;
  const parts = await tx.requestPart.findMany({
    where: { requestId: request.id, handler: "health_actor", visibleToRequester: true },
    select: { healthActorId: true },
  });
  return new Set(parts.map((p) => p.healthActorId!));
}

/** The appointments health actors hold about the person, and the names of those actors the requester may know (null: all). */
async function actorAppointments(
  tx: Tx,
  where: { patientId: string; relativeId?: string } | { relativeId: string },
  nameable: Set<string> | null,
) {
  const byActor = await tx.appointment.groupBy({ by: ["healthActorId"], where, _count: { _all: true } });
  const named = byActor.map((a) => a.healthActorId).filter((id) => !nameable || nameable.has(id));
  const actors = await tx.healthActor.findMany({
    where: { id: { in: named } },
    select: { name: true },
    orderBy: { name: "asc" },
  });
  return {
    count: byActor.reduce((n, a) => n + a._count._all, 0),
    names: actors.map((a) => a.name),
    others: named.length < byActor.length,
  };
}

/**
 * The worker's sweep: archives past their seven days are purged for good (the case records it), and
 * closed accounts or profiles no appointment refers to any more (the health actors erased theirs)
 * are deleted. Returns what it removed.
 */
export async function purgeErasureArchives(
  db: Db,
  now = new Date(),
): Promise<{ archives: number; identities: number }> {
  const due = await db.erasureArchive.findMany({
    where: { purgeAfter: { lte: now } },
    select: { id: true, reference: true, documents: true },
    take: 500,
  });
  let archives = 0;
  for (const archive of due) {
    await db.$transaction(async (tx) => {
      // Another run may have purged it meanwhile: then there is nothing to record.
      if ((await tx.erasureArchive.deleteMany({ where: { id: archive.id } })).count === 0) return;
      archives++;
      const request = await tx.rightsRequest.findUnique({
        where: { reference: archive.reference },
        select: { id: true },
      });
      if (!request) return;
      await lockCase(tx, request.id);
      await appendEvent(tx, request.id, {
        type: "erasure_archive_purged",
        actorType: "system",
        actorId: null,
        payload: { documents: archive.documents },
      });
    });
  }
  // A closed identity goes once nothing refers to it any more: no appointment, document or link.
  // (A case about it still open finds it erased, and says so: lib/identity/subject-record.ts.)
  const patients = await db.patient.deleteMany({
    where: { closedAt: { not: null }, appointments: { none: {} }, documents: { none: {} }, relatives: { none: {} } },
  });
  const relatives = await db.relative.deleteMany({
    where: { closedAt: { not: null }, appointments: { none: {} }, documents: { none: {} }, accounts: { none: {} } },
  });
  return { archives, identities: patients.count + relatives.count };
}
