import { describe, expect, it } from "vitest";
import { minutesToWait, retryAfterSeconds, tooManyAttempts } from "./rate-limit";

const NOW = new Date("2026-12-02T10:00:00.000Z");
const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000);

describe("when a refused attempt may be made again", () => {
  it.each([
    // The oldest hit of an hour's window, 20 minutes ago: 40 minutes left.
    [ago(20 * 60), 3600, 2400],
    // Just entered the window: all of it.
    [ago(0), 3600, 3600],
    // About to leave it: a second, never zero or less.
    [ago(3599.5), 3600, 1],
    [ago(3600), 3600, 1],
    // Fractions of a second round up.
    [ago(899.2), 900, 1],
    [ago(60.4), 900, 840],
  ])("oldest hit %s, window %i s -> %i s", (oldest, window, expected) => {
    expect(retryAfterSeconds(oldest, window, NOW)).toBe(expected);
  });

  it.each([
    [1, 1],
    [59, 1],
    [60, 1],
    [61, 2],
    [2400, 40],
    [2401, 41],
    [3600, 60],
  ])("%i s to wait -> told %i minute(s)", (seconds, minutes) => {
    expect(minutesToWait(seconds)).toBe(minutes);
  });

  it("says it in French and English, with the plural where it belongs", () => {
    expect(tooManyAttempts(2400)).toEqual({
      fr: "Trop de tentatives, réessayez dans 40 minutes.",
      en: "Too many attempts, try again in 40 minutes.",
    });
    expect(tooManyAttempts(30)).toEqual({
      fr: "Trop de tentatives, réessayez dans 1 minute.",
      en: "Too many attempts, try again in 1 minute.",
    });
  });
});
