import type { Db } from "@/lib/db";
import {
  type CaseLetter,
  type CaseMessage,
  type IdentityProof,
  Prisma,
  type RequestEvent,
  type RequestPart,
  type RightsRequest,
} from "@/lib/generated/prisma/client";

/** Everything the DPO's case page shows about one case. */
export type CaseFile = RightsRequest & {
  assignee: { id: string; name: string } | null;
  parts: (RequestPart & { healthActor: { id: string; name: string } | null })[];
  events: RequestEvent[];
  proofs: IdentityProof[];
  letters: CaseLetter[];
  messages: CaseMessage[];
};

/** The date and instant fields of the case's related rows, which JSON carries as text. */
const DATE_FIELDS = new Set([
  "createdAt",
  "updatedAt",
  "dueDate",
  "olderInformationDueDate",
  "earliestAnswerAt",
  "answeredAt",
  "uploadedAt",
  "fileDeletedAt",
  "forwardedAt",
  "acknowledgedAt",
  "escalatedAt",
]);

/** The list fields, which a NULL leaves empty (as Prisma reads them). */
const LIST_FIELDS = new Set(["activities", "grounds"]);

/** A related row read back from JSON as Prisma reads it: dates as Dates (a DATE "2026-05-04" is that day at 00:00 UTC), lists never null. */
export function reviveRow<T>(row: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (DATE_FIELDS.has(key) && typeof value === "string") out[key] = new Date(value);
    else if (LIST_FIELDS.has(key) && value === null) out[key] = [];
    // bytea in JSON: "\\x" and hex digits.
    else if (key === "body" && typeof value === "string" && value.startsWith("\\x"))
      out[key] = new Uint8Array(Buffer.from(value.slice(2), "hex"));
    else out[key] = value;
  }
  return out as T;
}

type CaseFileRow = RightsRequest & {
  assigneeName: string | null;
  parts: Record<string, unknown>[];
  events: Record<string, unknown>[];
  proofs: Record<string, unknown>[];
  letters: Record<string, unknown>[];
  messages: Record<string, unknown>[];
};

/**
 * The case file in ONE statement: the case, its assignee, parts (with their health actors), events,
 * proofs, letters and messages (still encrypted), each list in the order the page shows it. Null when no case has this reference.
 */
export async function loadCaseFile(db: Db, reference: string): Promise<CaseFile | null> {
  const row = (await db.$queryRaw<CaseFileRow[]>(caseFileSql(reference)))[0];
  if (!row) return null;
  const { assigneeName, parts, events, proofs, letters, messages, ...request } = row;
  return {
    ...request,
    assignee: request.assigneeId && assigneeName !== null ? { id: request.assigneeId, name: assigneeName } : null,
    parts: parts.map((p) => reviveRow(p)),
    events: events.map((e) => reviveRow<RequestEvent>({ ...e, id: BigInt(e.id as string) })),
    proofs: proofs.map((f) => reviveRow(f)),
    letters: letters.map((l) => reviveRow(l)),
    messages: messages.map((m) => reviveRow(m)),
  };
}

export function caseFileSql(reference: string): Prisma.Sql {
  return Prisma.sql`
    SELECT r.*,
      (SELECT s.name FROM "StaffUser" s WHERE s.id = r."assigneeId") AS "assigneeName",
      COALESCE((
        SELECT json_agg(to_jsonb(p) || jsonb_build_object('healthActor', CASE WHEN h.id IS NULL THEN NULL ELSE jsonb_build_object('id', h.id, 'name', h.name) END)
                        ORDER BY p.handler, p."createdAt", p.id)
        FROM "RequestPart" p LEFT JOIN "HealthActor" h ON h.id = p."healthActorId" WHERE p."requestId" = r.id), '[]') AS parts,
      COALESCE((SELECT json_agg(to_jsonb(e) || jsonb_build_object('id', e.id::text) ORDER BY e.id) FROM "RequestEvent" e WHERE e."requestId" = r.id), '[]') AS events,
      COALESCE((SELECT json_agg(f ORDER BY f."uploadedAt", f.id) FROM "IdentityProof" f WHERE f."requestId" = r.id), '[]') AS proofs,
      COALESCE((SELECT json_agg(l ORDER BY l."createdAt", l.id) FROM "CaseLetter" l WHERE l."requestId" = r.id), '[]') AS letters,
      COALESCE((SELECT json_agg(m ORDER BY m."createdAt", m.id) FROM "CaseMessage" m WHERE m."requestId" = r.id), '[]') AS messages
    FROM "RightsRequest" r
    WHERE r.reference = ${reference}`;
}
