import { describe, expect, it } from "vitest";
import { noticeChannels, statusAfterCallback } from "./notice-rules";

describe("noticeChannels", () => {
  const subject = {
    firstName: "Camille",
    lastName: "Martin",
    birthDate: "1988-04-12",
    email: "camille.martin@exemple.fr",
  };
  const both = { email: "rgpd@exemple.fr", opendsrUrl: "https://opendsr.exemple.com/v1" };
  it.each([
    ["no contact row", null, "erasure", subject, []],
    ["a row with neither", { email: null, opendsrUrl: null }, "erasure", subject, []],
    ["OpenDSR then e-mail for an erasure", both, "erasure", subject, ["opendsr", "email"]],
    ["e-mail only for a rectification (not an OpenDSR type)", both, "rectification", subject, ["email"]],
    ["e-mail only for a restriction", both, "restriction", subject, ["email"]],
    [
      "nothing for a restriction when only OpenDSR is configured",
      { email: null, opendsrUrl: both.opendsrUrl },
      "restriction",
      subject,
      [],
    ],
    [
      "e-mail when the subject has no address to identify them by",
      both,
      "erasure",
      { ...subject, email: null },
      ["email"],
    ],
  ] as const)("%s", (_, contact, right, who, expected) => {
    expect(noticeChannels(contact, { right, subject: who })).toEqual(expected);
  });
});

describe("statusAfterCallback", () => {
  it.each([
    ["sent", "pending", null],
    ["sent", "in_progress", "in_progress"],
    ["in_progress", "in_progress", null],
    ["in_progress", "completed", "completed"],
    ["sent", "cancelled", "cancelled"],
    ["pending", "in_progress", "in_progress"],
    ["completed", "completed", null],
    ["completed", "in_progress", null],
    ["cancelled", "completed", null],
    ["failed", "completed", null],
    ["no_contact", "in_progress", null],
  ] as const)("%s, told %s: %s", (current, reported, expected) => {
    expect(statusAfterCallback(current, reported)).toBe(expected);
  });
});
