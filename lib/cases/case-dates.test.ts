import { describe, expect, it } from "vitest";
import { answerSentOnProblem, informationReceivedProblem } from "./case-dates";

const NOW = new Date("2026-11-24T12:00:00Z");

describe("answerSentOnProblem: a health actor's answer sent by other means", () => {
  // Received on 31 March 2026 at 22:30 UTC: 1 April in Paris.
  const received = new Date("2026-03-31T22:30:00Z");
  it.each<[string, string, string | null]>([
    ["on the day of receipt (Paris)", "2026-04-01", null],
    ["between receipt and today", "2026-06-15", null],
    ["today", "2026-11-24", null],
    ["the UTC day of receipt, before it in Paris", "2026-03-31", "before_receipt"],
    ["years before the request", "2001-01-01", "before_receipt"],
    ["tomorrow", "2026-11-25", "future"],
    ["in 2099", "2099-12-31", "future"],
  ])("%s", (_name, sentOn, expected) => {
    expect(answerSentOnProblem(sentOn, received, NOW)).toBe(expected);
  });
});

describe("informationReceivedProblem: the requester's answer to a request for information", () => {
  const asked = new Date("2026-11-10T09:00:00Z");
  it.each<[string, string, string | null]>([
    ["right after the question", "2026-11-10T09:00:01Z", null],
    ["at the same instant", "2026-11-10T09:00:00Z", null],
    ["now", "2026-11-24T12:00:00Z", null],
    ["within the clock skew", "2026-11-24T12:00:45Z", null],
    ["before the question", "2026-11-10T08:59:59Z", "before_question"],
    ["before the request even", "2020-01-01T00:00:00Z", "before_question"],
    ["tomorrow", "2026-11-25T12:00:00Z", "future"],
    ["in 2099 (it moved the due date to 2099)", "2099-01-01T00:00:00Z", "future"],
  ])("%s", (_name, receivedAt, expected) => {
    expect(informationReceivedProblem(new Date(receivedAt), asked, NOW)).toBe(expected);
  });
});
