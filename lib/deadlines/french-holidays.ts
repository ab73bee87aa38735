/**
 * French public holidays (jours fériés, Code du travail L3133-1), metropolitan
 * France outside Alsace-Moselle: the 11 legal holidays. The current list is
 * applied to every year (it is not a history of when each holiday existed).
 */

import { type IsoDay, addDays, isIsoDay, weekdayOf } from "./calendar";

const MIN_YEAR = 1583; // first full year of the Gregorian calendar
const MAX_YEAR = 9999;

function requireYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`year must be an integer from ${MIN_YEAR} to ${MAX_YEAR}, got ${String(year)}`);
  }
}

function requireDay(day: IsoDay): void {
  if (!isIsoDay(day)) throw new RangeError(`day is not a valid "YYYY-MM-DD" calendar day: ${String(day)}`);
}

function isoDay(year: number, month: number, day: number): IsoDay {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, a.k.a. Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDay {
  requireYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDay(year, month, day);
}

interface YearHolidays {
  list: readonly IsoDay[];
  set: ReadonlySet<IsoDay>;
}

const cache = new Map<number, YearHolidays>();

function holidaysOf(year: number): YearHolidays {
  const cached = cache.get(year);
  if (cached !== undefined) return cached;
  requireYear(year);
  const easter = easterSunday(year);
  const list = [
    isoDay(year, 1, 1), // Jour de l'an
    addDays(easter, 1), // Lundi de Pâques
    isoDay(year, 5, 1), // Fête du travail
    isoDay(year, 5, 8), // Victoire 1945
    addDays(easter, 39), // Ascension
    addDays(easter, 50), // Lundi de Pentecôte
    isoDay(year, 7, 14), // Fête nationale
    isoDay(year, 8, 15), // Assomption
    isoDay(year, 11, 1), // Toussaint
    isoDay(year, 11, 11), // Armistice 1918
    isoDay(year, 12, 25), // Noël
  ].sort();
  const entry: YearHolidays = { list: Object.freeze(list), set: new Set(list) };
  cache.set(year, entry);
  return entry;
}

/** The 11 French public holidays of a year (1583-9999), in chronological order. */
export function frenchPublicHolidays(year: number): IsoDay[] {
  return [...holidaysOf(year).list];
}

/** True when the day is one of the 11 French public holidays. */
export function isFrenchPublicHoliday(day: IsoDay): boolean {
  requireDay(day);
  return holidaysOf(Number(day.slice(0, 4))).set.has(day);
}

/** True when the day is neither a Saturday, a Sunday nor a French public holiday. */
export function isWorkingDay(day: IsoDay): boolean {
  const weekday = weekdayOf(day);
  return weekday !== 0 && weekday !== 6 && !isFrenchPublicHoliday(day);
}

/** The day itself when it is a working day, else the next working day. */
export function nextWorkingDay(day: IsoDay): IsoDay {
  let current = day;
  while (!isWorkingDay(current)) current = addDays(current, 1);
  return current;
}
