/**
 * Legal response deadlines of a data-rights request.
 *
 * - "gdpr_art12": GDPR Art. 12(3). One month from receipt, counted per
 *   Regulation 1182/71 as the EDPB reads it (same day number next month, or
 *   the last day of that month when it does not exist); a result on a
 *   Saturday, Sunday or French public holiday moves to the next working day.
 *   The Art. 12(3) extension makes it three months from receipt instead.
 * - "csp_l1111_7": Code de la santé publique L1111-7, the health actor's part
 *   of an access request for medical-record content: at the latest 8 days
 *   after the request (2 months when the information is over five years old),
 *   and not before a 48-hour reflection period. The GDPR extension never
 *   extends these limits.
 *
 * For both rules, `pausedDays` are the whole calendar days the clock was
 * stopped while the controller waited for identification information it had
 * asked for. They are added to the unadjusted end date; the weekend/holiday
 * adjustment is applied once, at the very end.
 */

import { type IsoDay, addDays, addMonthsClamped, daysBetween, isIsoDay, parisDay } from "./calendar";
import { nextWorkingDay } from "./french-holidays";

export type DeadlineRule = "gdpr_art12" | "csp_l1111_7";

export interface DeadlineInput {
  /** The instant the request was received. */
  receivedAt: Date;
  rule: DeadlineRule;
  /** GDPR Art. 12(3) extension (three months instead of one); gdpr_art12 only. */
  extended?: boolean;
  /** Whole calendar days the clock was suspended (>= 0). */
  pausedDays?: number;
}

export interface Deadline {
  rule: DeadlineRule;
  /** Paris calendar day of the receipt instant. */
  receiptDay: IsoDay;
  /** Last day to answer (a working day). */
  dueDate: IsoDay;
  /** csp_l1111_7 only: last day when the information is over five years old. */
  olderInformationDueDate: IsoDay | null;
  /** csp_l1111_7 only: end of the 48-hour reflection period (receipt + 48 h). */
  earliestAnswerAt: Date | null;
}

const GDPR_MONTHS = 1;
const GDPR_EXTENDED_MONTHS = 3;
const CSP_DAYS = 8;
const CSP_OLDER_INFORMATION_MONTHS = 2;
const CSP_REFLECTION_MS = 48 * 3_600_000;

function requireValidInstant(instant: Date, name: string): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime()))
    throw new RangeError(`${name} is not a valid Date`);
}

function requirePausedDays(pausedDays: number): void {
  if (!Number.isSafeInteger(pausedDays) || pausedDays < 0) {
    throw new RangeError(`pausedDays must be a whole number of days >= 0, got ${String(pausedDays)}`);
  }
}

/** Unadjusted end date + paused days, then moved to a working day (adjusted once, at the end). */
function finalize(unadjusted: IsoDay, pausedDays: number): IsoDay {
  return nextWorkingDay(addDays(unadjusted, pausedDays));
}

/** The response deadline of a request under a rule. Throws RangeError on invalid input. */
export function computeDeadline(input: DeadlineInput): Deadline {
  const { receivedAt, rule, extended = false, pausedDays = 0 } = input;
  requireValidInstant(receivedAt, "receivedAt");
  requirePausedDays(pausedDays);
  const receiptDay = parisDay(receivedAt);

  switch (rule) {
    case "gdpr_art12": {
      const months = extended ? GDPR_EXTENDED_MONTHS : GDPR_MONTHS;
      return {
        rule,
        receiptDay,
        dueDate: finalize(addMonthsClamped(receiptDay, months), pausedDays),
        olderInformationDueDate: null,
        earliestAnswerAt: null,
      };
    }
    case "csp_l1111_7": {
      if (extended) throw new RangeError("the GDPR Art. 12(3) extension does not apply to CSP L1111-7 limits");
      return {
        rule,
        receiptDay,
        dueDate: finalize(addDays(receiptDay, CSP_DAYS), pausedDays),
        olderInformationDueDate: finalize(addMonthsClamped(receiptDay, CSP_OLDER_INFORMATION_MONTHS), pausedDays),
        earliestAnswerAt: new Date(receivedAt.getTime() + CSP_REFLECTION_MS),
      };
    }
    default: {
      const unknownRule: never = rule;
      throw new RangeError(`unknown deadline rule: ${String(unknownRule)}`);
    }
  }
}

/** The latest of several due dates: a case is due when its latest part is due. Throws on an empty list. */
export function latestDueDate(days: IsoDay[]): IsoDay {
  let latest: IsoDay | undefined;
  for (const day of days) {
    if (!isIsoDay(day)) throw new RangeError(`not a valid "YYYY-MM-DD" calendar day: ${String(day)}`);
    // Fixed-width "YYYY-MM-DD" strings sort chronologically.
    if (latest === undefined || day > latest) latest = day;
  }
  if (latest === undefined) throw new RangeError("latestDueDate needs at least one due date");
  return latest;
}

/** Calendar days from today's Paris day to the due date: 0 on the day, negative when overdue. */
export function daysLeft(dueDate: IsoDay, now: Date): number {
  requireValidInstant(now, "now");
  return daysBetween(parisDay(now), dueDate);
}

/**
 * Whether the GDPR Art. 12(3) extension can still be decided: only once, and
 * only while the original one-month deadline has not passed (now's Paris day
 * on or before the working-day-adjusted original due date, inclusive).
 */
export function canExtend(receivedAt: Date, now: Date, alreadyExtended: boolean): boolean {
  requireValidInstant(now, "now");
  const original = computeDeadline({ receivedAt, rule: "gdpr_art12" });
  return !alreadyExtended && parisDay(now) <= original.dueDate;
}
