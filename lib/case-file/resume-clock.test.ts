import { describe, expect, it } from "vitest";
import { computeDeadline } from "@/lib/deadlines";
import { pausedDaysOnResume } from "./resume-clock";

describe("the clock stops while identification is awaited (décret 2019-536 art. 77)", () => {
  it.each([
    // Paused on 2 March at 10:00 Paris, resumed on 12 March: 10 days.
    [0, "2026-03-02T09:00:00Z", "2026-03-12T15:00:00Z", 10],
    // Resumed the same day: nothing added.
    [0, "2026-03-02T09:00:00Z", "2026-03-02T20:00:00Z", 0],
    // Days are Paris days: 23:30 UTC on 2 March is already 3 March in Paris.
    [0, "2026-03-02T23:30:00Z", "2026-03-05T08:00:00Z", 2],
    // A second pause adds to the first.
    [4, "2026-04-01T08:00:00Z", "2026-04-08T08:00:00Z", 11],
  ])("after %i days, paused %s, resumed %s -> %i days", (before, since, now, expected) => {
    expect(pausedDaysOnResume(before, new Date(since), new Date(now))).toBe(expected);
  });

  it("moves the due date by the days paused: received 2 March, paused 10 days -> 13 April (Easter Monday 6 April is not in play)", () => {
    // 2 March + 1 month = 2 April; + 10 days = 12 April, a Sunday -> Monday 13 April.
    expect(
      computeDeadline({ receivedAt: new Date("2026-03-02T09:00:00Z"), rule: "gdpr_art12", pausedDays: 10 }).dueDate,
    ).toBe("2026-04-13");
  });
});
