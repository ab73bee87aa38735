import { describe, expect, it } from "vitest";
import {
  easterSunday,
  frenchPublicHolidays,
  isFrenchPublicHoliday,
  isWorkingDay,
  nextWorkingDay,
} from "./french-holidays";

describe("easterSunday", () => {
  it.each([
    [2024, "2024-03-31"], // early Easter
    [2025, "2025-04-20"],
    [2026, "2026-04-05"],
    [2027, "2027-03-28"],
    [2038, "2038-04-25"], // 25 April: the latest possible date
    [2285, "2285-03-22"], // 22 March: the earliest possible date
    [2000, "2000-04-23"], // century leap year
    [1583, "1583-04-10"], // first full Gregorian year (lower bound)
    [9999, "9999-03-28"], // upper bound
  ])("Easter %i is %s", (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });

  it.each([1582, 10000, 2026.5])("rejects year %s", (year) => {
    expect(() => easterSunday(year)).toThrow(RangeError);
  });
});

describe("frenchPublicHolidays", () => {
  it("lists the 11 holidays of 2026 in order", () => {
    // Easter 2026 is Sunday 5 April: Easter Monday 6 April, Ascension (Easter + 39)
    // Thursday 14 May, Whit Monday (Easter + 50) 25 May.
    expect(frenchPublicHolidays(2026)).toEqual([
      "2026-01-01",
      "2026-04-06",
      "2026-05-01",
      "2026-05-08",
      "2026-05-14",
      "2026-05-25",
      "2026-07-14",
      "2026-08-15",
      "2026-11-01",
      "2026-11-11",
      "2026-12-25",
    ]);
  });

  it.each([
    // Easter 2024 = 31 March: Easter Monday 1 April, Ascension 9 May (the day after 8 May), Whit Monday 20 May.
    [2024, ["2024-04-01", "2024-05-09", "2024-05-20"]],
    // Easter 2038 = 25 April: Ascension 3 June and Whit Monday 14 June, the latest they can be.
    [2038, ["2038-04-26", "2038-06-03", "2038-06-14"]],
    // Easter 2285 = 22 March: Easter Monday 23 March, Ascension 30 April, Whit Monday 11 May.
    [2285, ["2285-03-23", "2285-04-30", "2285-05-11"]],
  ])("places the movable holidays of %i", (year, movable) => {
    const holidays = frenchPublicHolidays(year);
    expect(holidays).toHaveLength(11);
    for (const day of movable) expect(holidays).toContain(day);
  });

  it("returns a copy, so callers cannot corrupt the per-year cache", () => {
    const first = frenchPublicHolidays(2026);
    first.pop();
    first.push("2026-06-01");
    expect(frenchPublicHolidays(2026)).toHaveLength(11);
    expect(isFrenchPublicHoliday("2026-06-01")).toBe(false);
    expect(isFrenchPublicHoliday("2026-12-25")).toBe(true);
  });
});

describe("isFrenchPublicHoliday / isWorkingDay", () => {
  it.each([
    ["2026-05-14", true, false], // Ascension Thursday 2026
    ["2026-05-25", true, false], // Whit Monday 2026
    ["2026-07-14", true, false], // Bastille Day, a Tuesday
    ["2026-08-15", true, false], // Assumption, falls on a Saturday in 2026
    ["2026-05-15", false, true], // Friday after Ascension: an ordinary working day
    ["2026-11-28", false, false], // Saturday
    ["2026-11-29", false, false], // Sunday
    ["2026-11-30", false, true], // Monday
    ["2026-04-05", false, false], // Easter Sunday is a Sunday, not one of the 11 holidays
    ["2026-12-26", false, false], // Saint Stephen's Day is a holiday only in Alsace-Moselle; here a Saturday
    ["2027-12-26", false, false], // Sunday in 2027
    ["2025-12-26", false, true], // Friday 26 Dec 2025: working day outside Alsace-Moselle
    ["2026-04-03", false, true], // Good Friday: holiday only in Alsace-Moselle
  ])("%s: holiday %s, working day %s", (day, holiday, working) => {
    expect(isFrenchPublicHoliday(day)).toBe(holiday);
    expect(isWorkingDay(day)).toBe(working);
  });

  it("rejects an invalid day", () => {
    expect(() => isFrenchPublicHoliday("2026-02-30")).toThrow(RangeError);
    expect(() => isWorkingDay("not a day")).toThrow(RangeError);
  });
});

describe("nextWorkingDay", () => {
  it.each([
    ["2026-04-30", "2026-04-30"], // Thursday, working: itself
    ["2026-11-28", "2026-11-30"], // Saturday -> Monday
    ["2026-11-29", "2026-11-30"], // Sunday -> Monday
    ["2026-05-14", "2026-05-15"], // Ascension Thursday -> Friday
    ["2026-07-14", "2026-07-15"], // Tuesday 14 July -> Wednesday
    ["2026-05-01", "2026-05-04"], // Friday 1 May, then the weekend -> Monday
    ["2026-12-25", "2026-12-28"], // Friday Christmas, then the weekend -> Monday
    ["2027-01-01", "2027-01-04"], // Friday New Year, then the weekend -> Monday
    ["2027-03-27", "2027-03-30"], // Saturday, Sunday, then Easter Monday 29 March -> Tuesday
    ["2024-05-08", "2024-05-10"], // Wednesday 8 May then Ascension Thursday 9 May -> Friday
    ["2026-12-31", "2026-12-31"], // Thursday 31 December is a working day
    ["2027-12-25", "2027-12-27"], // Christmas 2027 on a Saturday, then Sunday -> Monday
  ])("%s -> %s", (day, expected) => {
    expect(nextWorkingDay(day)).toBe(expected);
  });
});
