import { afterEach, describe, expect, it } from "vitest";
import {
  addDays,
  addMonthsClamped,
  daysBetween,
  isIsoDay,
  parisDay,
  parisMidnight,
  weekdayOf,
  parisInstant,
} from "./calendar";

describe("parisDay", () => {
  it.each([
    // 22:30Z on 31 March is 00:30 CEST (UTC+2, summer time since 29 March) on 1 April.
    ["2026-03-31T22:30:00Z", "2026-04-01"],
    // One second before Paris midnight in summer: 23:59:59 CEST, still 31 March.
    ["2026-03-31T21:59:59Z", "2026-03-31"],
    // 23:30Z on 31 January is 00:30 CET (UTC+1) on 1 February.
    ["2026-01-31T23:30:00Z", "2026-02-01"],
    // 22:59:59Z on 31 January is 23:59:59 CET, still 31 January.
    ["2026-01-31T22:59:59Z", "2026-01-31"],
    // Spring-forward day (Sunday 29 March 2026): it starts at 23:00Z (00:00 CET)...
    ["2026-03-28T22:59:59Z", "2026-03-28"],
    ["2026-03-28T23:00:00Z", "2026-03-29"],
    // ...the clock jumps from 01:59:59 CET to 03:00 CEST at 01:00Z...
    ["2026-03-29T01:00:00Z", "2026-03-29"],
    // ...and it ends at 22:00Z (00:00 CEST): a 23-hour day.
    ["2026-03-29T21:59:59Z", "2026-03-29"],
    ["2026-03-29T22:00:00Z", "2026-03-30"],
    // Fall-back day (Sunday 25 October 2026) starts at 22:00Z the day before (00:00 CEST)...
    ["2026-10-24T21:59:59Z", "2026-10-24"],
    ["2026-10-24T22:00:00Z", "2026-10-25"],
    // ...02:30 happens twice (CEST at 00:30Z, CET at 01:30Z)...
    ["2026-10-25T00:30:00Z", "2026-10-25"],
    ["2026-10-25T01:30:00Z", "2026-10-25"],
    // ...and it ends at 23:00Z (00:00 CET): a 25-hour day.
    ["2026-10-25T22:59:59Z", "2026-10-25"],
    ["2026-10-25T23:00:00Z", "2026-10-26"],
    // New Year in Paris comes one hour before New Year in UTC.
    ["2026-12-31T23:00:00Z", "2027-01-01"],
  ])("%s is %s in Paris", (instant, expected) => {
    expect(parisDay(new Date(instant))).toBe(expected);
  });

  it("rejects an invalid Date", () => {
    expect(() => parisDay(new Date("not a date"))).toThrow(RangeError);
  });
});

describe("parisMidnight", () => {
  it.each([
    // Winter (CET, UTC+1): Paris midnight is 23:00Z the day before.
    ["2026-02-01", "2026-01-31T23:00:00.000Z"],
    // Summer (CEST, UTC+2): Paris midnight is 22:00Z the day before.
    ["2026-04-01", "2026-03-31T22:00:00.000Z"],
    // The spring-forward day still starts in CET (the change is at 02:00)...
    ["2026-03-29", "2026-03-28T23:00:00.000Z"],
    // ...the next day starts in CEST.
    ["2026-03-30", "2026-03-29T22:00:00.000Z"],
    // The fall-back day still starts in CEST (the change is at 03:00)...
    ["2026-10-25", "2026-10-24T22:00:00.000Z"],
    // ...the next day starts in CET.
    ["2026-10-26", "2026-10-25T23:00:00.000Z"],
    // 26 Sept 1976: clocks went back from 01:00 CEST to 00:00 CET, so 00:00 happened
    // twice (22:00Z and 23:00Z); the day starts at the first one.
    ["1976-09-26", "1976-09-25T22:00:00.000Z"],
    // Winter 1900: Paris mean time, UTC+0:09:21.
    ["1900-01-01", "1899-12-31T23:50:39.000Z"],
  ])("%s starts at %s", (day, expected) => {
    const midnight = parisMidnight(day);
    expect(midnight.toISOString()).toBe(expected);
    // Consistency with parisDay: the instant is in that day, the millisecond before is not.
    expect(parisDay(midnight)).toBe(day);
    expect(parisDay(new Date(midnight.getTime() - 1))).toBe(addDays(day, -1));
  });

  it("gives 23- and 25-hour days on DST changes", () => {
    const hours = (day: string) =>
      (parisMidnight(addDays(day, 1)).getTime() - parisMidnight(day).getTime()) / 3_600_000;
    expect(hours("2026-03-29")).toBe(23); // spring forward
    expect(hours("2026-10-25")).toBe(25); // fall back
    expect(hours("2026-06-15")).toBe(24); // an ordinary day
  });
});

describe("addDays", () => {
  it.each([
    ["2026-02-28", 1, "2026-03-01"], // 2026 is not a leap year
    ["2028-02-28", 1, "2028-02-29"], // 2028 is a leap year
    ["2026-12-31", 1, "2027-01-01"], // year boundary
    ["2026-03-01", -1, "2026-02-28"], // negative shift
    ["2026-03-28", 2, "2026-03-30"], // across the spring-forward Sunday: still 2 days
    ["2026-10-24", 2, "2026-10-26"], // across the fall-back Sunday: still 2 days
    ["2026-04-01", 0, "2026-04-01"], // identity
    ["2026-11-20", 8, "2026-11-28"], // the CSP L1111-7 8-day count
  ])("%s + %i days = %s", (day, n, expected) => {
    expect(addDays(day, n)).toBe(expected);
  });

  it("rejects a non-integer shift and an invalid day", () => {
    expect(() => addDays("2026-04-01", 1.5)).toThrow(RangeError);
    expect(() => addDays("2026-02-30", 1)).toThrow(RangeError);
  });
});

describe("addMonthsClamped", () => {
  it.each([
    ["2026-08-31", 1, "2026-09-30"], // September has 30 days: clamped
    ["2026-01-31", 1, "2026-02-28"], // February of a non-leap year
    ["2028-01-31", 1, "2028-02-29"], // February of a leap year
    ["2026-03-05", 1, "2026-04-05"], // the day exists: same day number
    ["2026-11-30", 3, "2027-02-28"], // three months across a year boundary, clamped
    ["2026-12-15", 1, "2027-01-15"], // year boundary
    ["2100-01-31", 1, "2100-02-28"], // 2100 is not a leap year (century rule)
    ["2000-01-31", 1, "2000-02-29"], // 2000 is a leap year (400-year rule)
    ["2026-03-31", -1, "2026-02-28"], // negative shift, clamped
    ["2026-01-31", 12, "2027-01-31"], // a whole year
    ["2026-04-30", 0, "2026-04-30"], // identity
  ])("%s + %i months = %s", (day, n, expected) => {
    expect(addMonthsClamped(day, n)).toBe(expected);
  });

  it("rejects a non-integer number of months", () => {
    expect(() => addMonthsClamped("2026-04-01", 0.5)).toThrow(RangeError);
  });
});

describe("daysBetween", () => {
  it.each([
    ["2026-01-01", "2027-01-01", 365], // non-leap year
    ["2028-01-01", "2029-01-01", 366], // leap year
    ["2026-03-29", "2026-03-30", 1], // a 23-hour Paris day is still one calendar day
    ["2026-10-25", "2026-10-26", 1], // a 25-hour Paris day is still one calendar day
    ["2026-02-27", "2026-03-02", 3], // across the end of a 28-day February
    ["2026-04-30", "2026-04-30", 0], // same day
    ["2026-05-04", "2026-04-30", -4], // b before a
  ])("%s -> %s = %i", (a, b, expected) => {
    expect(daysBetween(a, b)).toBe(expected);
  });
});

describe("weekdayOf", () => {
  it.each([
    ["2026-11-28", 6], // Saturday
    ["2026-11-29", 0], // Sunday
    ["2026-11-30", 1], // Monday
    ["2027-02-28", 0], // Sunday
  ])("%s is weekday %i", (day, expected) => {
    expect(weekdayOf(day)).toBe(expected);
  });
});

describe("isIsoDay", () => {
  it.each([
    ["2026-04-01", true],
    ["2028-02-29", true], // leap day of a leap year
    ["2026-02-29", false], // 2026 is not a leap year
    ["2026-04-31", false], // April has 30 days
    ["2026-13-01", false], // no month 13
    ["2026-00-10", false], // no month 0
    ["2026-04-00", false], // no day 0
    ["0000-01-01", false], // years start at 0001
    ["2026-4-1", false], // must be zero-padded
    ["2026-04-01T00:00:00Z", false], // an instant, not a day
    [" 2026-04-01", false], // no surrounding spaces
    ["", false],
    [20260401, false], // not a string
    [null, false],
  ])("%j -> %s", (value, expected) => {
    expect(isIsoDay(value)).toBe(expected);
  });
});

/*
 * Day arithmetic uses UTC-based Date math on the date only, and Paris
 * conversions name the Europe/Paris zone explicitly, so results must not
 * depend on the machine's time zone. This test changes process.env.TZ (Node
 * applies it at runtime) to zones at both ends of the offset range and checks
 * that every result stays the same.
 */
describe("independence from the machine time zone", () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it.each(["UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago", "America/New_York", "Asia/Tokyo", "Europe/Paris"])(
    "gives the same results with TZ=%s",
    (tz) => {
      process.env.TZ = tz;
      // Paris-day boundaries (summer, winter) seen from instants.
      expect(parisDay(new Date("2026-03-31T22:30:00Z"))).toBe("2026-04-01");
      expect(parisDay(new Date("2026-03-31T21:59:59Z"))).toBe("2026-03-31");
      expect(parisDay(new Date("2026-01-31T23:30:00Z"))).toBe("2026-02-01");
      expect(parisMidnight("2026-10-26").toISOString()).toBe("2026-10-25T23:00:00.000Z");
      // Date-only arithmetic.
      expect(addDays("2026-03-28", 2)).toBe("2026-03-30");
      expect(addMonthsClamped("2026-01-31", 1)).toBe("2026-02-28");
      expect(daysBetween("2026-03-29", "2026-03-30")).toBe(1);
      expect(weekdayOf("2027-02-28")).toBe(0);
    },
  );

  it("really changes the local zone (so the test above is meaningful)", () => {
    const instant = new Date("2026-01-15T12:00:00Z");
    process.env.TZ = "Pacific/Kiritimati"; // UTC+14
    const east = instant.getTimezoneOffset();
    process.env.TZ = "Pacific/Pago_Pago"; // UTC-11
    const west = instant.getTimezoneOffset();
    expect(east).toBe(-14 * 60);
    expect(west).toBe(11 * 60);
  });
});

describe("parisInstant: a Paris wall-clock time as an instant", () => {
  it.each([
    ["2026-11-20", "10:00", "2026-11-20T09:00:00.000Z"], // winter, UTC+1
    ["2026-07-14", "10:00", "2026-07-14T08:00:00.000Z"], // summer, UTC+2
    ["2026-03-29", "01:30", "2026-03-29T00:30:00.000Z"], // before the spring change
    ["2026-03-29", "03:30", "2026-03-29T01:30:00.000Z"], // after it
    ["2026-03-29", "02:30", "2026-03-29T01:30:00.000Z"], // skipped hour: moved forward by the gap (03:30)
    ["2026-10-25", "02:30", "2026-10-25T00:30:00.000Z"], // happens twice: the first time (summer time)
    ["2026-01-01", "00:00", "2025-12-31T23:00:00.000Z"],
  ])("%s %s -> %s", (day, time, iso) => {
    expect(parisInstant(day, time).toISOString()).toBe(iso);
  });

  it("refuses a malformed time", () => {
    expect(() => parisInstant("2026-01-01", "25:00")).toThrow(RangeError);
    expect(() => parisInstant("2026-01-01", "9h")).toThrow(RangeError);
  });
});
