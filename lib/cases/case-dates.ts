import { type IsoDay, parisDay } from "@/lib/deadlines";
import { CLOCK_SKEW_MS } from "@/lib/validation/dates";

/**
 * The dates a case's own history bounds, beyond the calendar's (lib/validation/dates.ts): each
 * returns the FIELD_ERRORS key of what is wrong, or null.
 */

/** A health actor's answer sent by other means: on or after the day the request was received (Paris), and not after today. */
export function answerSentOnProblem(
  sentOn: IsoDay,
  requestReceivedAt: Date,
  now: Date,
): "before_receipt" | "future" | null {
  if (sentOn > parisDay(now)) return "future";
  if (sentOn < parisDay(requestReceivedAt)) return "before_receipt";
  return null;
}

/**
 * The requester's answer to a request for information: after the question was asked (the clock
 * stopped then) and not in the future. Either would move every due date by the wrong number of days.
 */
export function informationReceivedProblem(
  receivedAt: Date,
  askedAt: Date,
  now: Date,
): "before_question" | "future" | null {
  if (receivedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) return "future";
  if (receivedAt.getTime() < askedAt.getTime()) return "before_question";
  return null;
}
