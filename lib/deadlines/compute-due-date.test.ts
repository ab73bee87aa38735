import { describe, expect, it } from "vitest";
import { canExtend, computeDeadline, daysLeft, latestDueDate } from "./compute-due-date";

const gdpr = (receivedAt: string, options: { extended?: boolean; pausedDays?: number } = {}) =>
  computeDeadline({ receivedAt: new Date(receivedAt), rule: "gdpr_art12", ...options });

describe("computeDeadline, gdpr_art12 (one month)", () => {
  it.each([
    // Plain case: 10 April 2026 is a Friday, a working day.
    ["2026-03-10T09:00:00Z", "2026-03-10", "2026-04-10"],
    // Month-end clamping: no 31 September -> Wednesday 30 September.
    ["2026-08-31T10:00:00Z", "2026-08-31", "2026-09-30"],
    // No 31 February: 28 Feb 2026 (not a leap year) is a Saturday -> Monday 2 March.
    ["2026-01-31T10:00:00Z", "2026-01-31", "2026-03-02"],
    // Leap year: 29 Feb 2028 exists and is a Tuesday.
    ["2028-01-31T10:00:00Z", "2028-01-31", "2028-02-29"],
    // 28 Feb 2027 is a Sunday -> Monday 1 March.
    ["2027-01-31T10:00:00Z", "2027-01-31", "2027-03-01"],
    // Weekend roll: 28 Nov 2026 is a Saturday -> Monday 30 November.
    ["2026-10-28T10:00:00Z", "2026-10-28", "2026-11-30"],
    // Weekend roll: 29 Nov 2026 is a Sunday -> Monday 30 November.
    ["2026-10-29T10:00:00Z", "2026-10-29", "2026-11-30"],
    // Holiday roll: 14 May 2026 is Ascension Thursday (Easter 5 April + 39) -> Friday 15 May.
    ["2026-04-14T10:00:00Z", "2026-04-14", "2026-05-15"],
    // Holiday roll: Tuesday 14 July -> Wednesday 15 July.
    ["2026-06-14T10:00:00Z", "2026-06-14", "2026-07-15"],
    // Holiday then weekend: Friday 1 May 2026, Sat 2, Sun 3 -> Monday 4 May.
    ["2026-04-01T10:00:00Z", "2026-04-01", "2026-05-04"],
    // Holiday then weekend: Friday 8 May 2026 -> Monday 11 May.
    ["2026-04-08T10:00:00Z", "2026-04-08", "2026-05-11"],
    // Whit Monday 25 May 2026 -> Tuesday 26 May.
    ["2026-04-25T10:00:00Z", "2026-04-25", "2026-05-26"],
    // Christmas 2026 is a Friday, then the weekend -> Monday 28 December.
    ["2026-11-25T10:00:00Z", "2026-11-25", "2026-12-28"],
    // New Year 2027 is a Friday, then the weekend -> Monday 4 January.
    ["2026-12-01T10:00:00Z", "2026-12-01", "2027-01-04"],
    // Saturday 27 March 2027, Sunday 28 (Easter), Monday 29 (Easter Monday) -> Tuesday 30 March.
    ["2027-02-27T10:00:00Z", "2027-02-27", "2027-03-30"],
    // Two holidays in a row: Wednesday 8 May 2024, then Ascension Thursday 9 May 2024 -> Friday 10 May.
    ["2024-04-08T10:00:00Z", "2024-04-08", "2024-05-10"],
  ])("received %s (day %s) -> due %s", (receivedAt, receiptDay, dueDate) => {
    expect(gdpr(receivedAt)).toEqual({
      rule: "gdpr_art12",
      receiptDay,
      dueDate,
      olderInformationDueDate: null,
      earliestAnswerAt: null,
    });
  });
});

describe("computeDeadline, receipt day is the Paris calendar day", () => {
  it.each([
    // 22:30Z = 00:30 CEST on 1 April: due 1 May (Friday holiday), then the weekend -> Monday 4 May.
    ["2026-03-31T22:30:00Z", "2026-04-01", "2026-05-04"],
    // 21:59:59Z = 23:59:59 CEST, still 31 March: no 31 April -> Thursday 30 April.
    ["2026-03-31T21:59:59Z", "2026-03-31", "2026-04-30"],
    // Winter (CET): 23:30Z = 00:30 on 1 December -> 1 January 2027 (Friday holiday) -> Monday 4 January.
    ["2026-11-30T23:30:00Z", "2026-12-01", "2027-01-04"],
    // Winter: 22:59:59Z = 23:59:59 CET, still 30 November -> Wednesday 30 December.
    ["2026-11-30T22:59:59Z", "2026-11-30", "2026-12-30"],
    // Spring-forward day: 23:30Z on 28 March = 00:30 CET on Sunday 29 March -> Wednesday 29 April.
    ["2026-03-28T23:30:00Z", "2026-03-29", "2026-04-29"],
    // The day after spring forward starts at 22:00Z (00:00 CEST) -> Thursday 30 April.
    ["2026-03-29T22:30:00Z", "2026-03-30", "2026-04-30"],
    // Fall-back day: 22:30Z on 24 October = 00:30 CEST on 25 October -> Wednesday 25 November.
    ["2026-10-24T22:30:00Z", "2026-10-25", "2026-11-25"],
    // Fall-back day: 22:30Z on 25 October = 23:30 CET, still 25 October -> Wednesday 25 November.
    ["2026-10-25T22:30:00Z", "2026-10-25", "2026-11-25"],
    // 23:00Z on 25 October = 00:00 CET on 26 October -> Thursday 26 November.
    ["2026-10-25T23:00:00Z", "2026-10-26", "2026-11-26"],
  ])("received %s is day %s -> due %s", (receivedAt, receiptDay, dueDate) => {
    const deadline = gdpr(receivedAt);
    expect(deadline.receiptDay).toBe(receiptDay);
    expect(deadline.dueDate).toBe(dueDate);
  });
});

describe("computeDeadline, gdpr_art12 extended (three months from receipt)", () => {
  it.each([
    // 30 Nov + 3 months: no 30 February -> 28 Feb 2027, a Sunday -> Monday 1 March.
    ["2026-11-30T10:00:00Z", "2027-03-01"],
    // 31 Jan + 3 months: no 31 April -> Thursday 30 April.
    ["2026-01-31T10:00:00Z", "2026-04-30"],
    // Received on 1 April in Paris (00:30 CEST) -> Wednesday 1 July.
    ["2026-03-31T22:30:00Z", "2026-07-01"],
    // 14 April + 3 months = Tuesday 14 July (holiday) -> Wednesday 15 July.
    ["2026-04-14T10:00:00Z", "2026-07-15"],
  ])("received %s -> due %s", (receivedAt, dueDate) => {
    expect(gdpr(receivedAt, { extended: true }).dueDate).toBe(dueDate);
  });
});

describe("computeDeadline, gdpr_art12 paused (identification awaited)", () => {
  it.each([
    // 10 April + 10 paused days = Monday 20 April.
    ["2026-03-10T09:00:00Z", false, 10, "2026-04-20"],
    // 4 May + 10 = Thursday 14 May, Ascension -> Friday 15 May.
    ["2026-04-04T10:00:00Z", false, 10, "2026-05-15"],
    // Unadjusted 1 May + 2 = Sunday 3 May -> Monday 4 May (adjusting first would give 6 May).
    ["2026-04-01T10:00:00Z", false, 2, "2026-05-04"],
    // Unadjusted 1 May + 3 = Monday 4 May, a working day (adjusting first would give 7 May).
    ["2026-04-01T10:00:00Z", false, 3, "2026-05-04"],
    // Clamped 28 Feb 2026 + 1 = Sunday 1 March -> Monday 2 March.
    ["2026-01-31T10:00:00Z", false, 1, "2026-03-02"],
    // Extended and paused: 28 Feb 2027 (unadjusted, a Sunday) + 10 = Wednesday 10 March.
    ["2026-11-30T10:00:00Z", true, 10, "2027-03-10"],
    // Zero paused days changes nothing: Friday 10 April.
    ["2026-03-10T09:00:00Z", false, 0, "2026-04-10"],
  ])("received %s, extended %s, paused %i days -> due %s", (receivedAt, extended, pausedDays, dueDate) => {
    expect(gdpr(receivedAt, { extended, pausedDays }).dueDate).toBe(dueDate);
  });
});

describe("computeDeadline, csp_l1111_7 (8 days, 2 months for older information, 48 h reflection)", () => {
  it.each([
    // Friday 20 Nov + 8 = Saturday 28 Nov -> Monday 30 Nov; + 2 months = Wednesday 20 Jan 2027.
    ["2026-11-20T10:00:00Z", 0, "2026-11-20", "2026-11-30", "2027-01-20", "2026-11-22T10:00:00.000Z"],
    // 6 May + 8 = Thursday 14 May, Ascension -> Friday 15 May; + 2 months = Monday 6 July.
    ["2026-05-06T08:00:00Z", 0, "2026-05-06", "2026-05-15", "2026-07-06", "2026-05-08T08:00:00.000Z"],
    // 31 Dec + 8 = Friday 8 Jan 2027; + 2 months: no 31 February -> 28 Feb 2027 (Sunday) -> Monday 1 March.
    ["2026-12-31T10:00:00Z", 0, "2026-12-31", "2027-01-08", "2027-03-01", "2027-01-02T10:00:00.000Z"],
    // 17 Dec + 8 = Friday 25 Dec (Christmas), then the weekend -> Monday 28 Dec; + 2 months = Wednesday 17 Feb.
    ["2026-12-17T10:00:00Z", 0, "2026-12-17", "2026-12-28", "2027-02-17", "2026-12-19T10:00:00.000Z"],
    // 23:30Z = 00:30 CET on Friday 20 Nov in Paris: same dates as the first row.
    ["2026-11-19T23:30:00Z", 0, "2026-11-20", "2026-11-30", "2027-01-20", "2026-11-21T23:30:00.000Z"],
    // Saturday 28 March + 8 = Sunday 5 April (Easter), Monday 6 (Easter Monday) -> Tuesday 7 April;
    // + 2 months = Thursday 28 May. The 48 h are real hours across the spring-forward night
    // (11:00 CET -> 12:00 CEST on the wall clock).
    ["2026-03-28T10:00:00Z", 0, "2026-03-28", "2026-04-07", "2026-05-28", "2026-03-30T10:00:00.000Z"],
    // Paused 3 days: 28 Nov + 3 = Tuesday 1 Dec; 20 Jan + 3 = Saturday 23 Jan -> Monday 25 Jan.
    // The reflection period is not shifted.
    ["2026-11-20T10:00:00Z", 3, "2026-11-20", "2026-12-01", "2027-01-25", "2026-11-22T10:00:00.000Z"],
  ])(
    "received %s, paused %i -> day %s, due %s, older information %s, not before %s",
    (receivedAt, pausedDays, receiptDay, dueDate, olderInformationDueDate, earliestAnswerAt) => {
      const deadline = computeDeadline({ receivedAt: new Date(receivedAt), rule: "csp_l1111_7", pausedDays });
      expect(deadline.rule).toBe("csp_l1111_7");
      expect(deadline.receiptDay).toBe(receiptDay);
      expect(deadline.dueDate).toBe(dueDate);
      expect(deadline.olderInformationDueDate).toBe(olderInformationDueDate);
      expect(deadline.earliestAnswerAt?.toISOString()).toBe(earliestAnswerAt);
    },
  );

  it("accepts extended: false", () => {
    const deadline = computeDeadline({
      receivedAt: new Date("2026-11-20T10:00:00Z"),
      rule: "csp_l1111_7",
      extended: false,
    });
    expect(deadline.dueDate).toBe("2026-11-30");
  });
});

describe("computeDeadline, invalid input", () => {
  it.each([
    // The GDPR extension never extends health-law limits.
    [{ rule: "csp_l1111_7", extended: true }],
    // Paused days must be whole and non-negative.
    [{ rule: "gdpr_art12", pausedDays: -1 }],
    [{ rule: "gdpr_art12", pausedDays: 1.5 }],
    [{ rule: "csp_l1111_7", pausedDays: Number.NaN }],
    [{ rule: "gdpr_art12", pausedDays: Number.POSITIVE_INFINITY }],
    // Unknown rule (reachable from untyped callers).
    [{ rule: "ccpa" }],
  ] as const)("throws a RangeError for %j", (options) => {
    const input = { receivedAt: new Date("2026-04-01T10:00:00Z"), ...options } as Parameters<typeof computeDeadline>[0];
    expect(() => computeDeadline(input)).toThrow(RangeError);
  });

  it("throws a RangeError for an invalid receipt instant", () => {
    expect(() => computeDeadline({ receivedAt: new Date("nope"), rule: "gdpr_art12" })).toThrow(RangeError);
  });
});

describe("latestDueDate", () => {
  it.each([
    // The case is due when its latest part is due.
    [["2026-05-04", "2026-11-30", "2026-04-30"], "2026-11-30"],
    // A single part.
    [["2026-05-04"], "2026-05-04"],
    // Across a year boundary.
    [["2027-01-01", "2026-12-31"], "2027-01-01"],
    // Duplicates.
    [["2026-05-04", "2026-05-04"], "2026-05-04"],
  ])("%j -> %s", (days, expected) => {
    expect(latestDueDate(days)).toBe(expected);
  });

  it("throws on an empty list and on an invalid day", () => {
    expect(() => latestDueDate([])).toThrow(RangeError);
    expect(() => latestDueDate(["2026-05-04", "2026-02-30"])).toThrow(RangeError);
  });
});

describe("daysLeft", () => {
  it.each([
    // Monday 30 March -> Thursday 2 April.
    ["2026-04-02", "2026-03-30T10:00:00Z", 3],
    // Across the end of February 2026 (28 days): 27 Feb -> 2 March.
    ["2026-03-02", "2026-02-27T12:00:00Z", 3],
    // Across the end of April (30 days): 28 April -> 4 May.
    ["2026-05-04", "2026-04-28T08:00:00Z", 6],
    // Across a year boundary: 28 Dec 2026 -> 4 Jan 2027.
    ["2027-01-04", "2026-12-28T10:00:00Z", 7],
    // On the due day, last second in Paris (23:59:59 CEST).
    ["2026-04-30", "2026-04-30T21:59:59Z", 0],
    // One second later it is 1 May in Paris: overdue by one day.
    ["2026-04-30", "2026-04-30T22:00:00Z", -1],
    // Overdue by four days.
    ["2026-04-30", "2026-05-04T08:00:00Z", -4],
    // 22:30Z on 31 March is already 1 April in Paris.
    ["2026-04-01", "2026-03-31T22:30:00Z", 0],
    ["2026-04-01", "2026-03-31T21:30:00Z", 1],
    // Across the spring-forward night: still two calendar days.
    ["2026-03-30", "2026-03-28T12:00:00Z", 2],
  ])("due %s, now %s -> %i", (dueDate, now, expected) => {
    expect(daysLeft(dueDate, new Date(now))).toBe(expected);
  });
});

describe("canExtend", () => {
  // Received 1 April 2026 (10:00 CEST): unadjusted one-month date Friday 1 May (holiday),
  // original due date Monday 4 May.
  const receivedAt = "2026-04-01T08:00:00Z";

  it.each([
    // Day 1.
    [receivedAt, receivedAt, false, true],
    // On the unadjusted one-month date.
    [receivedAt, "2026-05-01T10:00:00Z", false, true],
    // Saturday 2 May: the limit is the working-day-adjusted due date, so still possible.
    [receivedAt, "2026-05-02T10:00:00Z", false, true],
    // Last second of the original due date in Paris (23:59:59 CEST on 4 May): inclusive.
    [receivedAt, "2026-05-04T21:59:59Z", false, true],
    // 00:00 CEST on 5 May: the original due date has passed.
    [receivedAt, "2026-05-04T22:00:00Z", false, false],
    // The day after the original due date.
    [receivedAt, "2026-05-05T10:00:00Z", false, false],
    // Only once.
    [receivedAt, receivedAt, true, false],
    // Received at 00:30 CEST on 1 April (22:30Z on 31 March): same original due date.
    ["2026-03-31T22:30:00Z", "2026-05-04T12:00:00Z", false, true],
    // Received 10 March: original due date Friday 10 April; Saturday 11 April is too late.
    ["2026-03-10T09:00:00Z", "2026-04-10T12:00:00Z", false, true],
    ["2026-03-10T09:00:00Z", "2026-04-11T12:00:00Z", false, false],
  ])("received %s, now %s, already extended %s -> %s", (received, now, alreadyExtended, expected) => {
    expect(canExtend(new Date(received), new Date(now), alreadyExtended)).toBe(expected);
  });
});
