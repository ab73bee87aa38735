import { describe, expect, it } from "vitest";
import { informationFollowUp } from "./information-follow-up";

const policy = { reminderDays: 15, closeDays: 15 };
// Asked on Tuesday 3 March 2026 at 23:30 in Paris (22:30 UTC): a Paris day, 3 March.
const asked = new Date("2026-03-03T22:30:00Z");

describe("informationFollowUp", () => {
  it.each([
    [
      "the day after the request: nothing due",
      "2026-03-04T10:00:00Z",
      null,
      { remindOn: "2026-03-18", reminderDue: false, closableOn: null, closable: false },
    ],
    ["the day before the reminder (Paris)", "2026-03-17T22:59:00Z", null, { reminderDue: false }],
    [
      "the reminder's day, from midnight in Paris",
      "2026-03-17T23:00:00Z",
      null,
      { reminderDue: true, closable: false },
    ],
    [
      "weeks later, never reminded: still not closable",
      "2026-05-01T10:00:00Z",
      null,
      { reminderDue: true, closable: false },
    ],
    [
      "reminded: no second reminder",
      "2026-03-20T10:00:00Z",
      "2026-03-18T07:00:00Z",
      { reminderDue: false, closableOn: "2026-04-02", closable: false },
    ],
    ["the day before it may be closed", "2026-04-01T21:59:00Z", "2026-03-18T07:00:00Z", { closable: false }],
    [
      "closable from that day (summer time in Paris)",
      "2026-04-01T22:00:00Z",
      "2026-03-18T07:00:00Z",
      { closable: true },
    ],
  ] as const)("%s", (_, now, reminded, expected) => {
    expect(informationFollowUp(policy, asked, reminded ? new Date(reminded) : null, new Date(now))).toMatchObject(
      expected,
    );
  });

  it("follows the configured periods", () => {
    expect(
      informationFollowUp(
        { reminderDays: 7, closeDays: 30 },
        asked,
        new Date("2026-03-10T08:00:00Z"),
        new Date("2026-04-09T08:00:00Z"),
      ),
    ).toEqual({
      remindOn: "2026-03-10",
      reminderDue: false,
      closableOn: "2026-04-09",
      closable: true,
    });
  });
});
