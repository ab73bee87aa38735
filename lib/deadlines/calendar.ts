/**
 * Calendar-day arithmetic for legal deadlines.
 *
 * A calendar day is an ISO string "YYYY-MM-DD" (`IsoDay`), years 0001-9999.
 * All day arithmetic works on the date only, with UTC-based `Date` math: a day
 * is turned into the instant of its midnight in UTC, shifted, and turned back.
 * UTC has no daylight saving time, so every day is exactly 86 400 000 ms long
 * and nothing depends on the time zone of the machine running the code.
 *
 * The only time-zone-aware operations are `parisDay` (which day is an instant
 * in Europe/Paris) and `parisMidnight` (when does a Paris day start); both go
 * through `Intl.DateTimeFormat` with an explicit `timeZone: "Europe/Paris"`.
 */

/** A calendar day, "YYYY-MM-DD" (proleptic Gregorian calendar, years 0001-9999). */
export type IsoDay = string;

const MS_PER_DAY = 86_400_000;
const PARIS_TIME_ZONE = "Europe/Paris";
const ISO_DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

interface DayParts {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

/** Days in a month of the proleptic Gregorian calendar (month 1-12). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function partsOf(s: string): DayParts | null {
  const match = ISO_DAY_PATTERN.exec(s);
  if (match === null) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** True when `s` is a real calendar day written "YYYY-MM-DD" (e.g. "2026-02-29" is false). */
export function isIsoDay(s: unknown): s is IsoDay {
  return typeof s === "string" && partsOf(s) !== null;
}

function parseDay(day: IsoDay, name = "day"): DayParts {
  const parts = typeof day === "string" ? partsOf(day) : null;
  if (parts === null) throw new RangeError(`${name} is not a valid "YYYY-MM-DD" calendar day: ${String(day)}`);
  return parts;
}

function formatDay({ year, month, day }: DayParts): IsoDay {
  if (year < 1 || year > 9999) throw new RangeError(`year ${year} is outside 0001-9999`);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Milliseconds of midnight UTC of a day (setUTCFullYear avoids Date.UTC's 0-99 => 1900-1999 mapping). */
function utcMidnightMs({ year, month, day }: DayParts): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

function partsFromUtcMs(ms: number): DayParts {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function requireInteger(n: number, name: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${name} must be an integer, got ${String(n)}`);
}

function requireValidInstant(instant: Date, name: string): number {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`${name} is not a valid Date`);
  return ms;
}

/** `day` shifted by `n` calendar days (n may be negative). */
export function addDays(day: IsoDay, n: number): IsoDay {
  requireInteger(n, "n");
  return formatDay(partsFromUtcMs(utcMidnightMs(parseDay(day)) + n * MS_PER_DAY));
}

/**
 * The same day number `n` months later (n may be negative); when that day does
 * not exist in the target month, the last day of that month
 * (2026-01-31 + 1 month = 2026-02-28, 2026-08-31 + 1 month = 2026-09-30).
 */
export function addMonthsClamped(day: IsoDay, n: number): IsoDay {
  requireInteger(n, "n");
  const p = parseDay(day);
  const monthIndex = p.year * 12 + (p.month - 1) + n;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  return formatDay({ year, month, day: Math.min(p.day, daysInMonth(year, month)) });
}

/** Calendar days from `a` to `b` (b - a): 0 for the same day, negative when b is before a. */
export function daysBetween(a: IsoDay, b: IsoDay): number {
  return Math.round((utcMidnightMs(parseDay(b, "b")) - utcMidnightMs(parseDay(a, "a"))) / MS_PER_DAY);
}

/** Day of the week of a calendar day: 0 = Sunday ... 6 = Saturday. */
export function weekdayOf(day: IsoDay): number {
  return new Date(utcMidnightMs(parseDay(day))).getUTCDay();
}

let parisFormatter: Intl.DateTimeFormat | undefined;

function getParisFormatter(): Intl.DateTimeFormat {
  parisFormatter ??= new Intl.DateTimeFormat("en-US", {
    timeZone: PARIS_TIME_ZONE,
    calendar: "gregory",
    numberingSystem: "latn",
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
  return parisFormatter;
}

interface WallClock extends DayParts {
  hour: number;
  minute: number;
  second: number;
}

/**
 * Recent readings: a request's due dates all start from its receipt and a few midnights around it,
 * each read many times over, and Intl's formatting is the slow part. Bounded, emptied when full.
 */
const readings = new Map<number, WallClock>();
const MAX_READINGS = 256;

/** The Paris wall-clock reading of an instant. */
function parisWallClock(ms: number): WallClock {
  let wallClock = readings.get(ms);
  if (wallClock) return wallClock;
  wallClock = readParisWallClock(ms);
  if (readings.size >= MAX_READINGS) readings.clear();
  readings.set(ms, wallClock);
  return wallClock;
}

function readParisWallClock(ms: number): WallClock {
  const utcYear = new Date(ms).getUTCFullYear();
  if (utcYear < 1 || utcYear > 9999) throw new RangeError("instant is outside years 0001-9999");
  const values: Record<string, number> = {};
  for (const part of getParisFormatter().formatToParts(new Date(ms))) {
    if (part.type !== "literal") values[part.type] = Number(part.value);
  }
  const read = (key: string): number => {
    const v = values[key];
    if (v === undefined || Number.isNaN(v)) throw new Error(`Intl.DateTimeFormat gave no numeric ${key}`);
    return v;
  };
  return {
    year: read("year"),
    month: read("month"),
    day: read("day"),
    hour: read("hour"),
    minute: read("minute"),
    second: read("second"),
  };
}

/** The calendar day, in Europe/Paris, of an instant (2026-03-31T22:30:00Z is "2026-04-01"). */
export function parisDay(instant: Date): IsoDay {
  const w = parisWallClock(requireValidInstant(instant, "instant"));
  return formatDay({ year: w.year, month: w.month, day: w.day });
}

/** Paris offset from UTC at an instant, in ms (3 600 000 in winter, 7 200 000 in summer). */
function parisOffsetMs(ms: number): number {
  const wholeSecond = ms - (((ms % 1000) + 1000) % 1000);
  const w = parisWallClock(wholeSecond);
  const d = new Date(0);
  d.setUTCFullYear(w.year, w.month - 1, w.day);
  d.setUTCHours(w.hour, w.minute, w.second, 0);
  return d.getTime() - wholeSecond;
}

/**
 * The instant at which a Paris calendar day starts: the first instant whose
 * Paris calendar day is `day`. Today's DST changes happen at 02:00/03:00, so
 * midnight occurs exactly once; in the past Paris twice turned its clocks back
 * at 01:00 (1944-10-08, 1976-09-26), when 00:00 happened twice: the first one
 * is the start of the day.
 */
export function parisMidnight(day: IsoDay): Date {
  const parts = parseDay(day);
  const base = utcMidnightMs(parts);
  const HOUR = 3_600_000;
  // Paris has always been between UTC+0 and UTC+3, so its midnight lies in [base - 3 h, base]:
  // try the offsets in force at both ends, keep the candidates that read 00:00:00 on `day`.
  let start: number | undefined;
  for (const sample of [base - 3 * HOUR, base]) {
    const candidate = base - parisOffsetMs(sample);
    const w = parisWallClock(candidate);
    const isMidnight =
      w.year === parts.year &&
      w.month === parts.month &&
      w.day === parts.day &&
      w.hour === 0 &&
      w.minute === 0 &&
      w.second === 0;
    if (isMidnight && (start === undefined || candidate < start)) start = candidate;
  }
  if (start !== undefined) return new Date(start);
  // Midnight skipped by a clock change (never in current rules): the day starts at the change.
  let lo = base - 4 * HOUR; // Paris day before `day`
  let hi = base + 4 * HOUR; // Paris day `day` or later
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (parisDay(new Date(mid)) < day) lo = mid;
    else hi = mid;
  }
  return new Date(hi);
}

/** The calendar day held by a DATE column (read by the driver as UTC midnight). */
export function fromDateColumn(value: Date): IsoDay {
  return value.toISOString().slice(0, 10);
}

/** The value to write to a DATE column for a calendar day. */
export function toDateColumn(day: IsoDay): Date {
  return new Date(`${day}T00:00:00Z`);
}

/**
 * The instant of a Paris wall-clock time ("2026-11-20", "10:00"), as staff read it off a letter's
 * stamp or a call log. A time that does not exist (the skipped hour in spring) is moved forward by
 * the gap (02:30 -> 03:30); one that occurs twice (autumn) is its first occurrence.
 */
export function parisInstant(day: IsoDay, time: string): Date {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) throw new RangeError(`invalid time: ${time}`);
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  if (Number(match[1]) > 23 || Number(match[2]) > 59) throw new RangeError(`invalid time: ${time}`);
  const wall = utcMidnightMs(parseDay(day)) + minutes * 60_000;
  // The offset in force an hour either side: the earlier reading wins (first occurrence).
  const candidates = [wall - parisOffsetMs(wall - 3_600_000 * 3), wall - parisOffsetMs(wall + 3_600_000 * 3)].sort(
    (a, b) => a - b,
  );
  for (const candidate of candidates) {
    if (parisOffsetMs(candidate) === wall - candidate) return new Date(candidate);
  }
  return new Date(Math.max(...candidates));
}
