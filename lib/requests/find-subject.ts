import { type Db, hotQuery, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { fromDateColumn } from "@/lib/deadlines";
import type { RequesterVerification, SubjectRelation } from "@/lib/identity/assess-identity";
import type { HealthActorRef } from "@/lib/routing/route-request";

export interface SubjectQuery {
  relation: SubjectRelation;
  firstName: string;
  lastName: string;
  birthDate: string;
  email?: string;
  requesterEmail: string;
  verification: RequesterVerification;
}

export interface SubjectMatch {
  patientId: string | null;
  relativeId: string | null;
  /** The requester's verified address is the subject's own account and the identity fields agree. */
  matchesRecords: boolean;
  /** Health actors the subject has appointments or documents with. */
  healthActors: HealthActorRef[];
  /**
   * Those the requester already knows from their own account: all of them for their own data, and
   * for a relative, the ones the requester booked or shared documents with for that relative.
   */
  knownToRequester: Set<string>;
}

/** Accent-, case- and space-insensitive form of a name, for matching against the records. */
export function normalizeName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[\s'’-]+/g, " ")
    .trim();
}

const sameName = (a: { firstName: string; lastName: string }, b: { firstName: string; lastName: string }) =>
  normalizeName(a.firstName) === normalizeName(b.firstName) && normalizeName(a.lastName) === normalizeName(b.lastName);

/**
 * Finds the data subject in the platform's records. A request is registered even when nobody is
 * found: finding the subject is then part of the DPO's handling.
 */
export async function findSubject(tx: Db | Tx, q: SubjectQuery): Promise<SubjectMatch> {
  const birthDate = new Date(`${q.birthDate}T00:00:00Z`);
  const account =
    q.verification === "none"
      ? null
      : await tx.patient.findUnique({
          // Only an address the account holder confirmed makes its owner the account holder.
          where: { email: q.requesterEmail, emailVerified: true },
          select: {
            id: true,
            firstName: true,
            lastName: true,
            birthDate: true,
            relatives: { select: { relative: true } },
          },
        });

  let patientId: string | null = null;
  let relativeId: string | null = null;
  let matchesRecords = false;

  if (q.relation === "self" && account && sameDay(account.birthDate, birthDate) && sameName(account, q)) {
    patientId = account.id;
    matchesRecords = true;
  } else if (q.relation !== "self" && account) {
    const relative = account.relatives
      .map((r) => r.relative)
      .find((r) => sameDay(r.birthDate, birthDate) && sameName(r, q));
    relativeId = relative?.id ?? null;
  }

  let healthActors: HealthActorRef[];
  if (!patientId && !relativeId) {
    // The patients born that day, each with its health actors: one round trip, the names compared here.
    const candidates = await hotQuery<{ id: string; firstName: string; lastName: string; actors: HealthActorRef[] }>(
      tx,
      Prisma.sql`
      SELECT p.id, p."firstName", p."lastName", COALESCE((
        SELECT json_agg(json_build_object('id', h.id, 'name', h.name) ORDER BY h.name) FROM "HealthActor" h
        WHERE h.id IN (
          SELECT a."healthActorId" FROM "Appointment" a WHERE a."patientId" = p.id AND a."relativeId" IS NULL
          UNION SELECT d."healthActorId" FROM "Document" d WHERE d."patientId" = p.id AND d."relativeId" IS NULL)
      ), '[]'::json) AS actors
      FROM "Patient" p
      WHERE p."birthDate" = ${q.birthDate}::date ${q.email ? Prisma.sql`AND p.email = ${q.email}` : Prisma.empty}
      LIMIT 50`,
    );
    const matches = candidates.filter((c) => sameName(c, q));
    // Only an unambiguous match is recorded; homonyms are left to the DPO.
    if (matches.length === 1) patientId = matches[0]!.id;
    healthActors = matches.length === 1 ? matches[0]!.actors : [];
  } else {
    healthActors = await actorsOf(tx, relativeId ? { relativeId } : { patientId: patientId!, relativeId: null });
  }
  let knownToRequester = new Set<string>();
  if (matchesRecords) knownToRequester = new Set(healthActors.map((a) => a.id));
  else if (relativeId && account) {
    knownToRequester = new Set((await actorsOf(tx, { relativeId, patientId: account.id })).map((a) => a.id));
  }
  return { patientId, relativeId, matchesRecords, healthActors, knownToRequester };
}

/** Health actors with appointments or documents matching `who` (a person in an account). */
async function actorsOf(
  tx: Db | Tx,
  who: { patientId?: string; relativeId: string | null },
): Promise<HealthActorRef[]> {
  return tx.healthActor.findMany({
    where: { OR: [{ appointments: { some: who } }, { documents: { some: who } }] },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

function sameDay(a: Date, b: Date): boolean {
  return fromDateColumn(a) === fromDateColumn(b);
}
