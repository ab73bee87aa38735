import type { Db } from "@/lib/db";
import { daysLeft, fromDateColumn, type IsoDay } from "@/lib/deadlines";
import type { PartStatus } from "@/lib/generated/prisma/enums";
import type { Locale } from "@/lib/i18n/locale";
import type { PackageScope } from "./assistance-package";
import { storedDetails } from "@/lib/requests/submit-request.schema";
import { actorDetailLines } from "@/lib/rights";
import { identityCheckSummary } from "./identity-summary";

/** A signed-in person's memberships: the health actors whose inbox they may work. */
export interface Membership {
  memberId: string;
  healthActorId: string;
  actorName: string;
  role: "admin" | "member";
}

export async function membershipsOf(db: Db, email: string): Promise<Membership[]> {
  const rows = await db.actorMember.findMany({
    where: { email: email.toLowerCase(), removedAt: null },
    select: { id: true, healthActorId: true, role: true, healthActor: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((m) => ({
    memberId: m.id,
    healthActorId: m.healthActorId,
    actorName: m.healthActor.name,
    role: m.role,
  }));
}

/** The parts an actor's members see: forwarded to it (never one still waiting to be). */
export const INBOX_STATUSES: Record<"open" | "done", PartStatus[]> = {
  open: ["forwarded"],
  done: ["answered", "refused", "withdrawn"],
};

export const INBOX_PAGE_SIZE = 25;

export interface InboxRow {
  partId: string;
  actorName: string;
  reference: string;
  right: string;
  receivedAt: Date;
  subjectName: string;
  dueDate: IsoDay;
  daysLeft: number;
  status: PartStatus;
  acknowledged: boolean;
}

/**
 * One page of the inbox of the given actors, by due date (keyset: after the part `after`), or the
 * parts of one request when `reference` is given. Every read is scoped by `healthActorIds` in the query.
 */
export async function listActorParts(
  db: Db,
  healthActorIds: string[],
  view: "open" | "done",
  after: { dueDate: IsoDay; id: string } | null,
  now = new Date(),
  reference?: string,
): Promise<{ rows: InboxRow[]; next: { dueDate: IsoDay; id: string } | null }> {
  const parts = await db.requestPart.findMany({
    where: {
      healthActorId: { in: healthActorIds },
      // Only parts that reached the actor: one refused or withdrawn before forwarding never did.
      forwardedAt: { not: null },
      status: { in: INBOX_STATUSES[view] },
      ...(reference ? { request: { reference } } : {}),
      ...(after
        ? {
            OR: [
              { dueDate: { gt: new Date(`${after.dueDate}T00:00:00Z`) } },
              { dueDate: new Date(`${after.dueDate}T00:00:00Z`), id: { gt: after.id } },
            ],
          }
        : {}),
    },
    orderBy: [{ dueDate: "asc" }, { id: "asc" }],
    take: INBOX_PAGE_SIZE + 1,
    relationLoadStrategy: "join",
    select: {
      id: true,
      dueDate: true,
      status: true,
      acknowledgedAt: true,
      healthActor: { select: { name: true } },
      request: {
        select: { reference: true, right: true, receivedAt: true, subjectFirstName: true, subjectLastName: true },
      },
    },
  });
  const rows = parts.slice(0, INBOX_PAGE_SIZE).map((p) => ({
    partId: p.id,
    actorName: p.healthActor?.name ?? "",
    reference: p.request.reference,
    right: p.request.right,
    receivedAt: p.request.receivedAt,
    subjectName: `${p.request.subjectFirstName} ${p.request.subjectLastName}`,
    dueDate: fromDateColumn(p.dueDate),
    daysLeft: daysLeft(fromDateColumn(p.dueDate), now),
    status: p.status,
    acknowledged: p.acknowledgedAt !== null,
  }));
  const last = rows.at(-1);
  return { rows, next: parts.length > INBOX_PAGE_SIZE && last ? { dueDate: last.dueDate, id: last.partId } : null };
}

/** A part as its actor's members see it, or null when it is not one of theirs (or was never forwarded). */
export async function loadActorPart(db: Db, healthActorIds: string[], partId: string) {
  return db.requestPart.findFirst({
    where: { id: partId, healthActorId: { in: healthActorIds }, forwardedAt: { not: null } },
    include: {
      healthActor: { select: { id: true, name: true } },
      request: {
        select: {
          id: true,
          reference: true,
          right: true,
          channel: true,
          receivedAt: true,
          registryVersion: true,
          locale: true,
          status: true,
          identityStatus: true,
          subjectRelation: true,
          subjectFirstName: true,
          subjectLastName: true,
          subjectBirthDate: true,
          subjectPatientId: true,
          subjectRelativeId: true,
          requesterFirstName: true,
          requesterLastName: true,
          details: true,
          proofs: { select: { kind: true } },
          // Only this part's steps: another actor's part is none of this actor's business.
          events: {
            where: { payload: { path: ["partId"], equals: partId } },
            orderBy: { id: "asc" },
            select: { id: true, type: true, actorType: true, createdAt: true, payload: true },
          },
        },
      },
    },
  });
}
export type ActorPart = NonNullable<Awaited<ReturnType<typeof loadActorPart>>>;

/** What the assistance package of a part covers (lib/actors/assistance-package.ts). */
export function packageScopeOf(part: ActorPart): PackageScope {
  const r = part.request;
  return {
    reference: r.reference,
    right: r.right,
    healthActor: { id: part.healthActor!.id, name: part.healthActor!.name },
    subject: {
      firstName: r.subjectFirstName,
      lastName: r.subjectLastName,
      birthDate: r.subjectBirthDate,
      patientId: r.subjectPatientId,
      relativeId: r.subjectRelativeId,
    },
  };
}

/** A part in the API's shape (`GET /api/v1/actor/parts/{id}`): what the inbox page shows. */
export function presentActorPart(part: ActorPart, lang: Locale) {
  const r = part.request;
  const details = storedDetails(r.details);
  return {
    id: part.id,
    reference: r.reference,
    right: r.right,
    channel: r.channel,
    receivedAt: r.receivedAt.toISOString(),
    status: part.status,
    dueDate: fromDateColumn(part.dueDate),
    deadlineRule: part.deadlineRule,
    olderInformationDueDate: part.olderInformationDueDate ? fromDateColumn(part.olderInformationDueDate) : null,
    earliestAnswerAt: part.earliestAnswerAt?.toISOString() ?? null,
    forwardedAt: part.forwardedAt?.toISOString() ?? null,
    acknowledgedAt: part.acknowledgedAt?.toISOString() ?? null,
    answeredAt: part.answeredAt?.toISOString() ?? null,
    subject: {
      firstName: r.subjectFirstName,
      lastName: r.subjectLastName,
      birthDate: fromDateColumn(r.subjectBirthDate),
      relation: r.subjectRelation,
    },
    requester: { firstName: r.requesterFirstName, lastName: r.requesterLastName },
    identity: {
      status: r.identityStatus,
      summary: identityCheckSummary(
        r.subjectRelation,
        r.identityStatus,
        r.proofs.map((p) => p.kind),
        lang,
      ),
    },
    scope: { activities: part.activities },
    message: details.message ?? null,
    /** What the patient asked of this right (the corrections, the grounds, the directives...). */
    details: actorDetailLines(r.right, details, lang),
  };
}
