import { z } from "zod";
import { firstParam } from "@/lib/http/search-params";
import { Channel, RequestStatus, Right } from "@/lib/generated/prisma/enums";
import { isUuid, ZUuid } from "@/lib/validation/ids";
import { lineText } from "@/lib/validation/text";
import { nameKey } from "@/lib/util/name-key";

/**
 * The URL query parameters of the DPO back office's queue (`/backoffice/cases?status=open&sort=due`).
 * Every value arrives as a string: numbers and booleans are coerced, an empty value ("?right=", a
 * select left on "any") counts as absent. Messages are translation keys (lib/i18n/errors.ts).
 */

export { OPEN_STATUSES } from "@/lib/case-file/state-machine";

/** The values of `status`: one status, "open" or "all". */
export const CASE_LIST_STATUSES = [
  "open",
  "all",
  RequestStatus.received,
  RequestStatus.awaiting_identity,
  RequestStatus.in_progress,
  RequestStatus.awaiting_information,
  RequestStatus.answered,
  RequestStatus.closed,
  RequestStatus.withdrawn,
] as const;
// Fails to compile when a status is added to the schema and not here.
const everyStatusListed: Exclude<RequestStatus, (typeof CASE_LIST_STATUSES)[number]> extends never ? true : never =
  true;
void everyStatusListed;

export const CASE_LIST_SORTS = ["due", "received", "reference"] as const;
export type CaseListSort = (typeof CASE_LIST_SORTS)[number];

export const CASE_LIST_DEFAULT_LIMIT = 25;
export const CASE_LIST_MAX_LIMIT = 100;
export const CASE_LIST_MAX_DUE_WITHIN = 365;

/** "" and whitespace-only values are what an empty form field or "?key=" sends: treated as absent. */
function blankToUndefined(value: unknown): unknown {
  return typeof value === "string" && value.trim() === "" ? undefined : value;
}

/** A parameter that may be absent (or blank). */
function optionalParam<T extends z.ZodType>(schema: T) {
  return z.preprocess(blankToUndefined, schema.optional());
}

/** A whole number written in decimal digits ("7", " 7 "); "7.5", "1e2", "-1" or "0x10" are refused. */
function intParam(min: number, max: number) {
  return z.preprocess(
    (value) => (typeof value === "string" && /^\s*\d{1,9}\s*$/.test(value) ? Number(value) : value),
    z.number("invalid").int("invalid").min(min, "invalid").max(max, "invalid"),
  );
}

const BOOLEAN_WORDS: Record<string, boolean> = { "1": true, true: true, "0": false, false: false };

/** "1"/"true" (and "0"/"false"), any case. */
const booleanParam = z.preprocess(
  (value) => (typeof value === "string" ? (BOOLEAN_WORDS[value.trim().toLowerCase()] ?? value) : value),
  z.boolean("choice"),
);

const lowerTrim = (value: unknown) => (typeof value === "string" ? value.trim().toLowerCase() : value);

export const ZCaseListQuery = z.object({
  /** One status, "open" (the four statuses someone still works on), or "all". */
  status: z.preprocess(
    (value) => lowerTrim(blankToUndefined(value)),
    z.enum(CASE_LIST_STATUSES, "choice").default("open"),
  ),
  right: optionalParam(z.preprocess(lowerTrim, z.enum(Right, "choice"))),
  channel: optionalParam(z.preprocess(lowerTrim, z.enum(Channel, "choice"))),
  /** A staff member's id, "me" (the viewer) or "none" (unassigned). */
  assignee: optionalParam(
    z.preprocess(
      lowerTrim,
      z
        .string("choice")
        .refine((v) => v === "me" || v === "none" || isUuid(v), "choice")
        .transform((v) => v as "me" | "none" | (string & {})),
    ),
  ),
  /** Due today or within the next N calendar days (Paris), both ends included. */
  dueWithin: optionalParam(intParam(0, CASE_LIST_MAX_DUE_WITHIN)),
  /** Only open cases whose due date is before today (Paris). "0"/"false" means no filter. */
  overdue: optionalParam(booleanParam),
  /** Only cases with a health actor's part past due and flagged to the DPO team. */
  escalated: optionalParam(booleanParam),
  /** Only cases whose details lack what their right needs (to clarify with the requester). */
  clarify: optionalParam(booleanParam),
  /** Cases with a part for this health actor. */
  healthActor: optionalParam(z.preprocess(lowerTrim, ZUuid)),
  /** A reference, an e-mail address, or the start of a last name (see parseCaseSearch). */
  q: optionalParam(lineText(100)),
  sort: z.preprocess((value) => lowerTrim(blankToUndefined(value)), z.enum(CASE_LIST_SORTS, "choice").default("due")),
  /** Opaque position returned as `nextCursor` by the previous page (checked by listCases). */
  cursor: optionalParam(z.string("invalid").trim()),
  limit: z.preprocess(blankToUndefined, intParam(1, CASE_LIST_MAX_LIMIT).default(CASE_LIST_DEFAULT_LIMIT)),
});

export type TCaseListQuery = z.output<typeof ZCaseListQuery>;
export type CaseListStatusFilter = TCaseListQuery["status"];

/**
 * The plain object ZCaseListQuery parses, from what a route or a page receives: URLSearchParams, or
 * Next's `searchParams` record. A repeated parameter keeps its first value.
 */
export function caseListParams(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const key of Object.keys(ZCaseListQuery.shape)) {
    out[key] = params instanceof URLSearchParams ? (params.get(key) ?? undefined) : firstParam(params[key]);
  }
  return out;
}

/** What the search box holds, recognised by its form. */
export type CaseSearch =
  | { kind: "reference"; value: string }
  | { kind: "email"; value: string }
  | { kind: "name"; value: string };

/** Shaped like a case reference (any letters, so a mistyped one finds nothing rather than names). */
const REFERENCE_LIKE = /^DR-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/i;
/** One "@" between non-blank parts: a requester's address (stored lower-cased). */
const EMAIL_LIKE = /^[^\s@]+@[^\s@]+$/;

/**
 * The search text as a reference (exact match, upper-cased), an e-mail address (exact match on the
 * requester's, lower-cased), or otherwise the start of a last name (requester's or subject's),
 * folded as the stored keys are (lib/util/name-key.ts).
 */
export function parseCaseSearch(q: string): CaseSearch {
  const text = q.trim();
  if (REFERENCE_LIKE.test(text)) return { kind: "reference", value: text.toUpperCase() };
  if (EMAIL_LIKE.test(text)) return { kind: "email", value: text.toLowerCase() };
  return { kind: "name", value: nameKey(text) };
}
