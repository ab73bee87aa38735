import { z } from "zod";
import { type IsoDay, isIsoDay, parisDay } from "@/lib/deadlines";

/**
 * Dates and instants a person or a client gives: well-formed, and within bounds the product can
 * mean. Nothing handled here happened before 2000 (the earliest `from`), and what must already
 * have happened may be at most CLOCK_SKEW_MS ahead of the server's clock. Without bounds, a year
 * 0000 breaks the calendar and a year 2099 moves a due date by decades.
 * Messages are keys of FIELD_ERRORS (lib/i18n/errors.ts).
 */

export const EARLIEST_DAY: IsoDay = "2000-01-01";
/** The latest day a range (e.g. of the register's export) may name: far past anything the portal holds. */
export const LATEST_DAY: IsoDay = "2099-12-31";
/** The earliest birth date a person still alive may have. */
export const EARLIEST_BIRTH_DAY: IsoDay = "1900-01-01";
/** How far ahead of the server's clock a client's "now" may be. */
export const CLOCK_SKEW_MS = 60_000;

const RFC3339 = z.iso.datetime({ offset: true });

export type DateProblem = "datetime" | "date" | "date_range" | "date_too_late" | "future";

/** Why `value` is not an RFC 3339 instant (with its offset) from `earliest` to `now` + skew, or null. */
export function pastInstantProblem(value: unknown, now: Date, earliest: IsoDay = EARLIEST_DAY): DateProblem | null {
  if (!RFC3339.safeParse(value).success) return "datetime";
  const ms = Date.parse(value as string);
  if (Number.isNaN(ms)) return "datetime";
  if (ms < Date.parse(`${earliest}T00:00:00Z`)) return "date_range";
  if (ms > now.getTime() + CLOCK_SKEW_MS) return "future";
  return null;
}

/** Why `value` is not a day "YYYY-MM-DD" from `earliest` to today in Paris, or null. */
export function pastDayProblem(value: unknown, now: Date, earliest: IsoDay = EARLIEST_DAY): DateProblem | null {
  if (!isIsoDay(value)) return "date";
  if (value < earliest) return "date_range";
  if (value > parisDay(now)) return "future";
  return null;
}

/** Why `value` is not a day "YYYY-MM-DD" from EARLIEST_DAY to LATEST_DAY, or null. */
export function rangeDayProblem(value: unknown): DateProblem | null {
  if (!isIsoDay(value)) return "date";
  if (value < EARLIEST_DAY) return "date_range";
  if (value > LATEST_DAY) return "date_too_late";
  return null;
}

function checked(problem: (value: string) => DateProblem | null) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? "required" : "invalid") })
    .trim()
    .check((ctx) => {
      const found = problem(ctx.value);
      if (found) ctx.issues.push({ code: "custom", message: found, input: ctx.value });
    });
}

/** An instant that already happened (RFC 3339 with an offset), not before `earliest`. */
export function pastInstant(earliest: IsoDay = EARLIEST_DAY) {
  return checked((value) => pastInstantProblem(value, new Date(), earliest));
}

/** A day that already came (Paris), not before `earliest`. */
export function pastDay(earliest: IsoDay = EARLIEST_DAY) {
  return checked((value) => pastDayProblem(value, new Date(), earliest));
}

/** Why `value` is not a birth date: a past day (Paris), not before EARLIEST_BIRTH_DAY; or null. */
export function birthDayProblem(value: unknown, now: Date): DateProblem | null {
  return pastDayProblem(value, now, EARLIEST_BIRTH_DAY);
}

/** A birth date (birthDayProblem). */
export function birthDay() {
  return checked((value) => birthDayProblem(value, new Date()));
}

/** Under 18 on the day `at` (an ISO instant or day) falls on, UTC. */
export function isMinorOn(birthDate: string, at: string): boolean {
  const day = at.slice(0, 10);
  const [y, m, dd] = birthDate.split("-").map(Number) as [number, number, number];
  const eighteenth = `${String(y + 18).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(dd).padStart(2, "0")}`;
  return day < eighteenth;
}
