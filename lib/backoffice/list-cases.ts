import { z } from "zod";
import type { Db, Tx } from "@/lib/db";
import { addDays, daysLeft, fromDateColumn, type IsoDay, isIsoDay, parisDay } from "@/lib/deadlines";
import { AppError } from "@/lib/errors/app-error";
import { Prisma } from "@/lib/generated/prisma/client";
import { ZUuid } from "@/lib/validation/ids";
import type {
  Channel,
  IdentityStatus,
  PartHandler,
  PartStatus,
  RequestStatus,
  Right,
  SubjectRelation,
} from "@/lib/generated/prisma/enums";
import { type CaseListSort, OPEN_STATUSES, parseCaseSearch, type TCaseListQuery } from "./list-cases.schema";
import { nameKeyRange } from "@/lib/util/name-key";

/**
 * The DPO back office's queue: one page of cases, filtered and sorted as the URL asks, with keyset
 * pagination (never OFFSET: a page costs the same at the end of the queue as at its start).
 *
 * Every filter is one the indexes of RightsRequest serve: status/dueDate/id, dueDate/id,
 * assigneeId/status/dueDate, right/status/dueDate, needsClarification/status/dueDate/id, requesterEmail, the unique reference, the two
 * folded last names, and RequestPart healthActorId/status/dueDate for `healthActor`.
 */

export interface CaseListViewer {
  staffId: string;
}

export interface CaseRowPart {
  handler: PartHandler;
  /** The health actor's name; null for the platform's own part. */
  healthActorName: string | null;
  status: PartStatus;
  dueDate: IsoDay;
  /** A health actor's part past due, flagged to the DPO team (lib/actors/actor-reminders.ts). */
  escalated: boolean;
}

export interface CaseRow {
  reference: string;
  right: Right;
  status: RequestStatus;
  channel: Channel;
  /** ISO 8601 instant. */
  receivedAt: string;
  dueDate: IsoDay;
  /** Calendar days from today (Paris) to the due date: negative once overdue. */
  daysLeft: number;
  requesterName: string;
  requesterEmail: string;
  subjectName: string;
  subjectRelation: SubjectRelation;
  identityStatus: IdentityStatus;
  assignee: { id: string; name: string } | null;
  parts: CaseRowPart[];
  /** The clock is stopped while identification information is awaited. */
  paused: boolean;
  extended: boolean;
  /** The details lack what the right needs: to clarify with the requester. */
  needsClarification: boolean;
}

export interface CaseListPage {
  items: CaseRow[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

// ---------------------------------------------------------------------------------------------
// Filters
// ---------------------------------------------------------------------------------------------

/**
 * What a query keeps, resolved for a viewer and a day: each field absent means "any". Filters combine
 * with AND; `overdue` also keeps only open cases (an answered case is no longer late).
 */
export interface CaseListFilter {
  /** null: every status. An empty list keeps nothing. */
  statuses: readonly RequestStatus[] | null;
  right?: Right;
  channel?: Channel;
  /** A staff id, or null for unassigned cases. */
  assigneeId?: string | null;
  /** Due dates within [dueFrom, dueTo], both included; before `dueBefore`. */
  dueFrom?: IsoDay;
  dueTo?: IsoDay;
  dueBefore?: IsoDay;
  healthActorId?: string;
  /** Only cases with a health actor's part flagged past due. */
  escalated?: true;
  /** Only cases to clarify. */
  needsClarification?: true;
  reference?: string;
  email?: string;
  /** Either last name's key (lib/util/name-key.ts) in [from, to). */
  name?: { from: string; to: string | null };
}

function statusesOf(status: TCaseListQuery["status"]): readonly RequestStatus[] | null {
  if (status === "all") return null;
  if (status === "open") return OPEN_STATUSES;
  return [status];
}

export function caseListFilter(query: TCaseListQuery, viewer: CaseListViewer, today: IsoDay): CaseListFilter {
  let statuses = statusesOf(query.status);
  if (query.overdue)
    statuses = (statuses ?? OPEN_STATUSES).filter((s) => (OPEN_STATUSES as readonly string[]).includes(s));
  const filter: CaseListFilter = { statuses };

  if (query.right) filter.right = query.right;
  if (query.channel) filter.channel = query.channel;

  if (query.assignee === "me") filter.assigneeId = viewer.staffId;
  else if (query.assignee === "none") filter.assigneeId = null;
  else if (query.assignee) filter.assigneeId = query.assignee;

  if (query.dueWithin !== undefined) {
    filter.dueFrom = today;
    filter.dueTo = addDays(today, query.dueWithin);
  }
  if (query.overdue) filter.dueBefore = today;
  if (query.healthActor) filter.healthActorId = query.healthActor;
  if (query.escalated) filter.escalated = true;
  if (query.clarify) filter.needsClarification = true;

  if (query.q) {
    const search = parseCaseSearch(query.q);
    if (search.kind === "reference") filter.reference = search.value;
    else if (search.kind === "email") filter.email = search.value;
    // A search with no letter or digit in it names nobody.
    else if (search.value === "") filter.statuses = [];
    else filter.name = nameKeyRange(search.value);
  }
  return filter;
}

/** The filter's conditions on the case row `r` (never the status: see caseListSql). */
function conditions(filter: CaseListFilter): Prisma.Sql[] {
  const out: Prisma.Sql[] = [];
  if (filter.right) out.push(Prisma.sql`r."right" = ${filter.right}::"Right"`);
  if (filter.channel) out.push(Prisma.sql`r.channel = ${filter.channel}::"Channel"`);
  if (filter.assigneeId === null) out.push(Prisma.sql`r."assigneeId" IS NULL`);
  else if (filter.assigneeId) out.push(Prisma.sql`r."assigneeId" = ${filter.assigneeId}::uuid`);
  if (filter.dueFrom) out.push(Prisma.sql`r."dueDate" >= ${filter.dueFrom}::date`);
  if (filter.dueTo) out.push(Prisma.sql`r."dueDate" <= ${filter.dueTo}::date`);
  if (filter.dueBefore) out.push(Prisma.sql`r."dueDate" < ${filter.dueBefore}::date`);
  if (filter.healthActorId) {
    out.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "RequestPart" p WHERE p."requestId" = r.id AND p."healthActorId" = ${filter.healthActorId}::uuid)`,
    );
  }
  if (filter.escalated) {
    out.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "RequestPart" p WHERE p."requestId" = r.id AND p.status = 'forwarded' AND p."escalatedAt" IS NOT NULL)`,
    );
  }
  if (filter.needsClarification) out.push(Prisma.sql`r."needsClarification" = TRUE`);
  if (filter.reference) out.push(Prisma.sql`r.reference = ${filter.reference}`);
  if (filter.email) out.push(Prisma.sql`r."requesterEmail" = ${filter.email}`);
  if (filter.name) {
    const { from, to } = filter.name;
    const within = (column: Prisma.Sql) =>
      to === null ? Prisma.sql`${column} >= ${from}` : Prisma.sql`(${column} >= ${from} AND ${column} < ${to})`;
    out.push(Prisma.sql`(${within(Prisma.sql`r."requesterNameKey"`)} OR ${within(Prisma.sql`r."subjectNameKey"`)})`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Order and cursor
// ---------------------------------------------------------------------------------------------

/** Each sort is a total order: its key, then the id to break ties (as the indexes hold them). */
const ORDER_BY: Record<CaseListSort, Prisma.Sql> = {
  due: Prisma.sql`"dueDate" ASC, id ASC`,
  received: Prisma.sql`"receivedAt" DESC, id DESC`,
  reference: Prisma.sql`reference ASC, id ASC`,
};

/** Where a page ended: the last row's sort key (a day, an ISO instant or a reference) and id. */
export interface CaseCursor {
  sort: CaseListSort;
  key: string;
  id: string;
}

/** The sort key of a row, as the cursor holds it. */
export function sortKeyOf(sort: CaseListSort, row: { dueDate: Date; receivedAt: Date; reference: string }): string {
  switch (sort) {
    case "due":
      return fromDateColumn(row.dueDate);
    case "received":
      return row.receivedAt.toISOString();
    case "reference":
      return row.reference;
  }
}

const ZCursorPayload = z.object({
  v: z.literal(1),
  s: z.enum(["due", "received", "reference"]),
  k: z.string().min(1).max(100),
  id: ZUuid,
});

const MAX_CURSOR_LENGTH = 300;

export function encodeCursor(cursor: CaseCursor): string {
  return Buffer.from(JSON.stringify({ v: 1, s: cursor.sort, k: cursor.key, id: cursor.id }), "utf8").toString(
    "base64url",
  );
}

function malformedCursor(): AppError {
  return new AppError("malformed", {
    fr: "Le paramètre « cursor » de pagination est invalide ou ne correspond pas à ce tri : revenez à la première page.",
    en: "The pagination parameter “cursor” is invalid or does not belong to this sort: go back to the first page.",
  });
}

function validKey(sort: CaseListSort, key: string): boolean {
  switch (sort) {
    case "due":
      return isIsoDay(key);
    case "received":
      return z.iso.datetime({ offset: false, precision: 3 }).safeParse(key).success && !Number.isNaN(Date.parse(key));
    case "reference":
      return /^[\x21-\x7e]+$/.test(key);
  }
}

/**
 * The position a cursor holds, checked: base64url JSON of the shape encodeCursor writes, made for
 * the same sort, with a well-formed key. Anything else is an AppError "malformed" (400).
 */
export function decodeCursor(sort: CaseListSort, text: string): CaseCursor {
  if (text.length === 0 || text.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(text)) throw malformedCursor();
  let json: unknown;
  try {
    const bytes = Buffer.from(text, "base64url");
    // Node ignores trailing bits and stray characters: only the canonical spelling is accepted.
    if (bytes.toString("base64url") !== text) throw new Error("not canonical base64url");
    json = JSON.parse(bytes.toString("utf8"));
  } catch {
    throw malformedCursor();
  }
  const parsed = ZCursorPayload.safeParse(json);
  if (!parsed.success || parsed.data.s !== sort || !validKey(sort, parsed.data.k)) throw malformedCursor();
  return { sort, key: parsed.data.k, id: parsed.data.id };
}

/** The rows strictly after the cursor in the sort's order: one row comparison, an index range. */
function afterCursor(cursor: CaseCursor): Prisma.Sql {
  switch (cursor.sort) {
    case "due":
      return Prisma.sql`(r."dueDate", r.id) > (${cursor.key}::date, ${cursor.id}::uuid)`;
    case "received":
      return Prisma.sql`(r."receivedAt", r.id) < (${cursor.key}::timestamptz, ${cursor.id}::uuid)`;
    case "reference":
      return Prisma.sql`(r.reference, r.id) > (${cursor.key}, ${cursor.id}::uuid)`;
  }
}

// ---------------------------------------------------------------------------------------------
// The query
// ---------------------------------------------------------------------------------------------

/** A page's row as the query returns it: the case, its assignee and its parts (JSON). */
export interface CaseRowRecord {
  id: string;
  reference: string;
  right: Right;
  status: RequestStatus;
  channel: Channel;
  receivedAt: Date;
  dueDate: Date;
  requesterFirstName: string;
  requesterLastName: string;
  requesterEmail: string;
  subjectFirstName: string;
  subjectLastName: string;
  subjectRelation: SubjectRelation;
  identityStatus: IdentityStatus;
  pausedSince: Date | null;
  extended: boolean;
  needsClarification: boolean;
  assigneeId: string | null;
  assigneeName: string | null;
  parts: {
    handler: PartHandler;
    healthActorName: string | null;
    status: PartStatus;
    dueDate: IsoDay;
    escalated: boolean;
  }[];
}

export function toCaseRow(r: CaseRowRecord, now: Date): CaseRow {
  const dueDate = fromDateColumn(r.dueDate);
  return {
    reference: r.reference,
    right: r.right,
    status: r.status,
    channel: r.channel,
    receivedAt: r.receivedAt.toISOString(),
    dueDate,
    daysLeft: daysLeft(dueDate, now),
    requesterName: `${r.requesterFirstName} ${r.requesterLastName}`,
    requesterEmail: r.requesterEmail,
    subjectName: `${r.subjectFirstName} ${r.subjectLastName}`,
    subjectRelation: r.subjectRelation,
    identityStatus: r.identityStatus,
    assignee: r.assigneeId && r.assigneeName !== null ? { id: r.assigneeId, name: r.assigneeName } : null,
    parts: r.parts,
    paused: r.pausedSince !== null,
    extended: r.extended,
    needsClarification: r.needsClarification,
  };
}

const PAGE_COLUMNS = Prisma.sql`r.id, r.reference, r."right", r.status, r.channel, r."receivedAt", r."dueDate", r."requesterFirstName",
  r."requesterLastName", r."requesterEmail", r."subjectFirstName", r."subjectLastName", r."subjectRelation", r."identityStatus",
  r."pausedSince", r.extended, r."needsClarification", r."assigneeId"`;

/**
 * The page's rows, their assignees and their parts in ONE statement. With several statuses and the
 * due-date sort (the open queue), each status's slice of the [status, dueDate, id] index is read in
 * order and the slices merged: PostgreSQL cannot read an IN list of an index in order, and would
 * otherwise walk the due-date index past every closed case (1.8 s at a million cases).
 */
export function caseListSql(
  filter: CaseListFilter,
  sort: CaseListSort,
  cursor: CaseCursor | null,
  take: number,
): Prisma.Sql {
  const where = [...conditions(filter), ...(cursor ? [afterCursor(cursor)] : [])];
  const slice = (status: Prisma.Sql) =>
    Prisma.sql`SELECT ${PAGE_COLUMNS} FROM "RightsRequest" r WHERE ${Prisma.join([status, ...where], " AND ")} ORDER BY ${ORDER_BY[sort]} LIMIT ${take}`;
  const statuses = filter.statuses;
  let page: Prisma.Sql;
  if (statuses === null) page = slice(Prisma.sql`TRUE`);
  else if (statuses.length === 1 || (statuses.length > 1 && sort !== "due"))
    page = slice(Prisma.sql`r.status = ANY(${statuses}::"RequestStatus"[])`);
  else if (statuses.length === 0) page = slice(Prisma.sql`FALSE`);
  else {
    const slices = statuses.map((s) => Prisma.sql`(${slice(Prisma.sql`r.status = ${s}::"RequestStatus"`)})`);
    page = Prisma.sql`SELECT * FROM (${Prisma.join(slices, " UNION ALL ")}) merged ORDER BY ${ORDER_BY[sort]} LIMIT ${take}`;
  }
  return Prisma.sql`
    SELECT page.*, s.name AS "assigneeName",
      COALESCE((
        SELECT json_agg(json_build_object('handler', p.handler, 'healthActorName', h.name, 'status', p.status, 'dueDate', p."dueDate",
                                          'escalated', p.status = 'forwarded' AND p."escalatedAt" IS NOT NULL)
                        ORDER BY p.handler, p."createdAt", p.id)
        FROM "RequestPart" p LEFT JOIN "HealthActor" h ON h.id = p."healthActorId"
        WHERE p."requestId" = page.id
      ), '[]'::json) AS parts
    FROM (${page}) page LEFT JOIN "StaffUser" s ON s.id = page."assigneeId"
    ORDER BY ${ORDER_BY[sort]}`;
}

/** The statement listCases runs: one more row than the page, to know whether another follows. */
export function caseListStatement(query: TCaseListQuery, viewer: CaseListViewer, now: Date): Prisma.Sql {
  const cursor = query.cursor ? decodeCursor(query.sort, query.cursor) : null;
  return caseListSql(caseListFilter(query, viewer, parisDay(now)), query.sort, cursor, query.limit + 1);
}

/** One page of the queue. A cursor that is not one this function gave for this sort: AppError "malformed". */
export async function listCases(
  db: Db | Tx,
  query: TCaseListQuery,
  viewer: CaseListViewer,
  now: Date = new Date(),
): Promise<CaseListPage> {
  const rows = await db.$queryRaw<CaseRowRecord[]>(caseListStatement(query, viewer, now));

  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > query.limit && last
      ? encodeCursor({ sort: query.sort, key: sortKeyOf(query.sort, last), id: last.id })
      : null;
  return { items: page.map((r) => toCaseRow(r, now)), nextCursor };
}
