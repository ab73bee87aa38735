import type { Db, Tx } from "@/lib/db";
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
  return name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[\s'’-]+/g, " ").trim();
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
          select: { id: true, firstName: true, lastName: true, birthDate: true, relatives: { select: { relative: true } } },
        });

  let patientId: string | null = null;
  let relativeId: string | null = null;
  let matchesRecords = false;

  if (q.relation === "self" && account && sameDay(account.birthDate, birthDate) && sameName(account, q)) {
    patientId = account.id;
    matchesRecords = true;
  } else if (q.relation !== "self" && account) {
    const relative = account.relatives.map((r) => r.relative).find((r) => sameDay(r.birthDate, birthDate) && sameName(r, q));
    relativeId = relative?.id ?? null;
  }

  if (!patientId && !relativeId) {
    const candidates = await tx.patient.findMany({
      where: { birthDate, ...(q.email ? { email: q.email } : {}) },
      select: { id: true, firstName: true, lastName: true },
      take: 50,
    });
    const matches = candidates.filter((c) => sameName(c, q));
    // Only an unambiguous match is recorded; homonyms are left to the DPO.
    if (matches.length === 1) patientId = matches[0]!.id;
  }

  const healthActors = await actorsOf(tx, relativeId ? { relativeId } : patientId ? { patientId, relativeId: null } : null);
  let knownToRequester = new Set<string>();
  if (matchesRecords) knownToRequester = new Set(healthActors.map((a) => a.id));
  else if (relativeId && account) {
    knownToRequester = new Set((await actorsOf(tx, { relativeId, patientId: account.id })).map((a) => a.id));
  }
  return { patientId, relativeId, matchesRecords, healthActors, knownToRequester };
}

/** Health actors with appointments or documents matching `who` (a person in an account). */
async function actorsOf(tx: Db | Tx, who: { patientId?: string; relativeId: string | null } | null): Promise<HealthActorRef[]> {
  if (!who) return [];
  return tx.healthActor.findMany({
    where: { OR: [{ appointments: { some: who } }, { documents: { some: who } }] },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

function sameDay(a: Date, b: Date): boolean {
  return fromDateColumn(a) === fromDateColumn(b);
}
