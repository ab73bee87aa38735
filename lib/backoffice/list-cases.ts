import { z } from "zod";
import type { Db, Tx } from "@/lib/db";
import { addDays, daysLeft, fromDateColumn, type IsoDay, isIsoDay, parisDay, toDateColumn } from "@/lib/deadlines";
import { AppError } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
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

/**
 * The DPO back office's queue: one page of cases, filtered and sorted as the URL asks, with keyset
 * pagination (never OFFSET: a page costs the same at the end of the queue as at its start).
 *
 * Every filter is one the indexes of RightsRequest serve: status/dueDate/id, dueDate/id,
 * assigneeId/status/dueDate, right/status/dueDate, requesterEmail, the unique reference, and
 * RequestPart healthActorId/status/dueDate for `healthActor`. The name prefix search is the
 * exception (no index on last names): it narrows what the other conditions already select.
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
}

export interface CaseListPage {
  items: CaseRow[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

// ---------------------------------------------------------------------------------------------
// Filters
// ---------------------------------------------------------------------------------------------

/** `%`, `_` and `\` are LIKE wildcards that Prisma's startsWith does not escape. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function statusesOf(status: TCaseListQuery["status"]): readonly RequestStatus[] | null {
  if (status === "all") return null;
  if (status === "open") return OPEN_STATUSES;
  return [status];
}

/**
 * The WHERE of the queue for a query, a viewer (for `assignee=me`) and today's Paris day. Filters
 * combine with AND; `overdue` also keeps only open cases (an answered case is no longer late).
 * The cursor's condition is not included (see cursorWhere).
 */
export function caseListWhere(query: TCaseListQuery, viewer: CaseListViewer, today: IsoDay): Prisma.RightsRequestWhereInput {
  const where: Prisma.RightsRequestWhereInput = {};

  let statuses = statusesOf(query.status);
  if (query.overdue) statuses = (statuses ?? OPEN_STATUSES).filter((s) => (OPEN_STATUSES as readonly string[]).includes(s));
  if (statuses) where.status = statuses.length === 1 ? statuses[0] : { in: [...statuses] };

  if (query.right) where.right = query.right;
  if (query.channel) where.channel = query.channel;

  if (query.assignee === "me") where.assigneeId = viewer.staffId;
  else if (query.assignee === "none") where.assigneeId = null;
  else if (query.assignee) where.assigneeId = query.assignee;

  const dueDate: Prisma.DateTimeFilter<"RightsRequest"> = {};
  if (query.dueWithin !== undefined) {
    dueDate.gte = toDateColumn(today);
    dueDate.lte = toDateColumn(addDays(today, query.dueWithin));
  }
  if (query.overdue) dueDate.lt = toDateColumn(today);
  if (Object.keys(dueDate).length > 0) where.dueDate = dueDate;

  if (query.healthActor) where.parts = { some: { healthActorId: query.healthActor } };

  if (query.q) {
    const search = parseCaseSearch(query.q);
    if (search.kind === "reference") where.reference = search.value;
    else if (search.kind === "email") where.requesterEmail = search.value;
    else {
      const prefix = { startsWith: escapeLike(search.value), mode: "insensitive" } as const;
      where.OR = [{ requesterLastName: prefix }, { subjectLastName: prefix }];
    }
  }
  return where;
}

// ---------------------------------------------------------------------------------------------
// Order and cursor
// ---------------------------------------------------------------------------------------------

/** Each sort is a total order: its key, then the id to break ties. */
export function caseListOrderBy(sort: CaseListSort): Prisma.RightsRequestOrderByWithRelationInput[] {
  switch (sort) {
    case "due":
      return [{ dueDate: "asc" }, { id: "asc" }];
    case "received":
      return [{ receivedAt: "desc" }, { id: "desc" }];
    case "reference":
      return [{ reference: "asc" }, { id: "asc" }];
  }
}

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
  id: z.uuid(),
});

const MAX_CURSOR_LENGTH = 300;

export function encodeCursor(cursor: CaseCursor): string {
  return Buffer.from(JSON.stringify({ v: 1, s: cursor.sort, k: cursor.key, id: cursor.id }), "utf8").toString("base64url");
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

/**
 * The rows after the cursor in the sort's order: `(key, id) > (lastKey, lastId)`, or `<` for the
 * descending sort. Written `key >= last AND (key > last OR id > lastId)` so the leading condition
 * is an index range (Prisma has no row-value comparison).
 */
export function cursorWhere(cursor: CaseCursor): Prisma.RightsRequestWhereInput {
  switch (cursor.sort) {
    case "due": {
      const day = toDateColumn(cursor.key);
      return { dueDate: { gte: day }, OR: [{ dueDate: { gt: day } }, { id: { gt: cursor.id } }] };
    }
    case "received": {
      const at = new Date(cursor.key);
      return { receivedAt: { lte: at }, OR: [{ receivedAt: { lt: at } }, { id: { lt: cursor.id } }] };
    }
    case "reference":
      return { reference: { gte: cursor.key }, OR: [{ reference: { gt: cursor.key } }, { id: { gt: cursor.id } }] };
  }
}

// ---------------------------------------------------------------------------------------------
// The query
// ---------------------------------------------------------------------------------------------

/** The cases with their parts (and the actors' names) and assignees, in one query (relation joins). */
export const CASE_ROW_SELECT = {
  id: true,
  reference: true,
  right: true,
  status: true,
  channel: true,
  receivedAt: true,
  dueDate: true,
  requesterFirstName: true,
  requesterLastName: true,
  requesterEmail: true,
  subjectFirstName: true,
  subjectLastName: true,
  subjectRelation: true,
  identityStatus: true,
  pausedSince: true,
  extended: true,
  assignee: { select: { id: true, name: true } },
  parts: {
    select: { handler: true, status: true, dueDate: true, healthActor: { select: { name: true } } },
    orderBy: [{ handler: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  },
} as const satisfies Prisma.RightsRequestSelect;

export type CaseRowRecord = Prisma.RightsRequestGetPayload<{ select: typeof CASE_ROW_SELECT }>;

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
    assignee: r.assignee ? { id: r.assignee.id, name: r.assignee.name } : null,
    parts: r.parts.map((p) => ({
      handler: p.handler,
      healthActorName: p.healthActor?.name ?? null,
      status: p.status,
      dueDate: fromDateColumn(p.dueDate),
    })),
    paused: r.pausedSince !== null,
    extended: r.extended,
  };
}

/**
 * The rows of a page. With several statuses (the open cases, say) one ordered scan per status of
 * the [status, dueDate, id] index, merged here: PostgreSQL cannot read an IN list of an index in
 * order, and would otherwise walk the due-date index past every closed case (1.8 s at a million).
 */
async function findPage(db: Db | Tx, where: Prisma.RightsRequestWhereInput, query: TCaseListQuery): Promise<CaseRowRecord[]> {
  const take = query.limit + 1;
  const orderBy = caseListOrderBy(query.sort);
  const status = where.status;
  const statuses = status && typeof status === "object" && "in" in status && Array.isArray(status.in) ? status.in : null;
  if (!statuses || statuses.length < 2 || query.sort !== "due") {
    return db.rightsRequest.findMany({ where, orderBy, take, select: CASE_ROW_SELECT, relationLoadStrategy: "join" });
  }
  const perStatus = await Promise.all(
    statuses.map((s) => db.rightsRequest.findMany({ where: { ...where, status: s }, orderBy, take, select: CASE_ROW_SELECT, relationLoadStrategy: "join" })),
  );
  const key = (r: CaseRowRecord) => `${fromDateColumn(r.dueDate)} ${r.id}`;
  return perStatus
    .flat()
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
    .slice(0, take);
}

/** One page of the queue. A cursor that is not one this function gave for this sort: AppError "malformed". */
export async function listCases(
  db: Db | Tx,
  query: TCaseListQuery,
  viewer: CaseListViewer,
  now: Date = new Date(),
): Promise<CaseListPage> {
  const today = parisDay(now);
  const filters = caseListWhere(query, viewer, today);
  const cursor = query.cursor ? decodeCursor(query.sort, query.cursor) : null;
  const where = cursor ? { AND: [filters, cursorWhere(cursor)] } : filters;

  const rows = await findPage(db, where, query);

  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > query.limit && last ? encodeCursor({ sort: query.sort, key: sortKeyOf(query.sort, last), id: last.id }) : null;
  return { items: page.map((r) => toCaseRow(r, now)), nextCursor };
}
