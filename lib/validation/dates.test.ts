import { describe, expect, it } from "vitest";
import { birthDayProblem, pastDayProblem, pastInstantProblem, rangeDayProblem } from "./dates";

const NOW = new Date("2026-11-24T12:00:00Z");

describe("pastInstantProblem: an instant that already happened", () => {
  it.each<[string, unknown, string | null]>([
    ["a past instant with an offset", "2026-03-05T10:00:00+01:00", null],
    ["in UTC", "2026-11-24T11:59:00Z", null],
    ["within the clock skew", "2026-11-24T12:00:30Z", null],
    ["past the clock skew", "2026-11-24T12:02:00Z", "future"],
    ["year 2099", "2099-01-01T00:00:00Z", "future"],
    ["year 9999", "9999-12-31T23:59:59Z", "future"],
    ["year 0000", "0000-01-01T00:00:00Z", "date_range"],
    ["year 1500", "1500-01-01T10:00:00Z", "date_range"],
    ["1999", "1999-12-31T23:59:59Z", "date_range"],
    ["no offset", "2026-03-05T10:00:00", "datetime"],
    ["a day only", "2026-03-05", "datetime"],
    ["30 February", "2026-02-30T10:00:00Z", "datetime"],
    ["not a string", 1_700_000_000_000, "datetime"],
  ])("%s", (_name, value, expected) => {
    expect(pastInstantProblem(value, NOW)).toBe(expected);
  });

  it("takes a later earliest bound (a request is never received before the GDPR)", () => {
    expect(pastInstantProblem("2018-05-24T23:00:00Z", NOW, "2018-05-25")).toBe("date_range");
    expect(pastInstantProblem("2018-05-25T00:00:00Z", NOW, "2018-05-25")).toBe(null);
  });
});

describe("pastDayProblem, birthDayProblem, rangeDayProblem", () => {
  it.each<[string, unknown, string | null]>([
    ["today in Paris", "2026-11-24", null],
    ["tomorrow", "2026-11-25", "future"],
    ["year 0000", "0000-01-01", "date"],
    ["1999", "1999-12-31", "date_range"],
    ["31 April", "2026-04-31", "date"],
    ["a time too", "2026-04-01T10:00", "date"],
  ])("a past day: %s", (_name, value, expected) => {
    expect(pastDayProblem(value, NOW)).toBe(expected);
  });

  it("Paris has already reached the next day when UTC has not", () => {
    expect(pastDayProblem("2026-11-25", new Date("2026-11-24T23:30:00Z"))).toBe(null);
  });

  it.each<[unknown, string | null]>([
    ["1950-06-01", null],
    ["1900-01-01", null],
    ["1899-12-31", "date_range"],
    ["2026-11-25", "future"],
  ])("a birth date: %s", (value, expected) => {
    expect(birthDayProblem(value, NOW)).toBe(expected);
  });

  it.each<[unknown, string | null]>([
    ["2000-01-01", null],
    ["2099-12-31", null],
    ["0001-01-01", "date_range"],
    ["9999-12-31", "date_too_late"],
    ["", "date"],
  ])("a day of a range (the register's export): %s", (value, expected) => {
    expect(rangeDayProblem(value)).toBe(expected);
  });
});
