import { describe, expect, it } from "vitest";
import { readSmtpError, replyCode } from "./smtp-answer";

/** An error shaped as nodemailer's SMTP connection makes them (lib/smtp-connection: _formatError). */
const smtpError = (code: string, response: string | undefined, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(`failed${response ? `: ${response}` : ""}`), {
    code,
    ...(response ? { response, responseCode: replyCode(response) } : {}),
    ...extra,
  });

const rcpt = (response: string) => smtpError("EENVELOPE", response, { command: "RCPT TO" });

describe("readSmtpError: is a failed attempt a refusal for good?", () => {
  it.each([
    ["every recipient refused with 550", rcpt("550 5.1.1 User unknown"), true],
    [
      "the sender refused (MAIL FROM 553)",
      smtpError("EENVELOPE", "553 5.7.1 Sender address rejected", { command: "MAIL FROM" }),
      true,
    ],
    [
      "the message refused after DATA (554)",
      smtpError("EMESSAGE", "554 5.7.1 Message rejected as spam", { command: "DATA" }),
      true,
    ],
    [
      "nodemailer refuses an address it cannot write (no server answer)",
      smtpError("EENVELOPE", undefined, { command: "API" }),
      true,
    ],
    ["a greylisting answer (451)", rcpt("451 4.7.1 Greylisted, try again later"), false],
    [
      "the message deferred after DATA (452)",
      smtpError("EMESSAGE", "452 4.3.1 Insufficient system storage", { command: "DATA" }),
      false,
    ],
    [
      "authentication refused (535): our configuration, not this mail",
      smtpError("EAUTH", "535 5.7.8 Authentication credentials invalid", { command: "AUTH PLAIN" }),
      false,
    ],
    ["the server closes the session at once (554 greeting)", smtpError("EPROTOCOL", "554 No SMTP service here"), false],
    ["connection refused", smtpError("ESOCKET", undefined), false],
    ["connection cut mid-message", smtpError("ECONNECTION", undefined), false],
    ["a server that stops answering", smtpError("ETIMEDOUT", undefined), false],
    ["not an SMTP error at all", new Error("storage unavailable"), false],
  ])("%s", (_label, error, permanent) => {
    expect(readSmtpError(error).permanent).toBe(permanent);
  });

  it("is not for good when one of the recipients was only deferred", () => {
    const error = smtpError("EENVELOPE", "550 5.1.1 User unknown", {
      rejected: ["a@exemple.fr", "b@exemple.fr"],
      rejectedErrors: [{ responseCode: 550 }, { responseCode: 451 }],
    });
    expect(readSmtpError(error)).toMatchObject({ permanent: false, rejected: ["a@exemple.fr", "b@exemple.fr"] });
  });

  it("keeps the server's answer and its code", () => {
    expect(readSmtpError(rcpt("550 5.1.1 <jean@exemple.fr>: Recipient address rejected"))).toEqual({
      permanent: true,
      code: 550,
      response: "550 5.1.1 <jean@exemple.fr>: Recipient address rejected",
      rejected: [],
    });
    expect(readSmtpError(smtpError("ECONNECTION", undefined))).toMatchObject({ code: null, response: null });
  });
});

describe("replyCode", () => {
  it.each([
    ["250 2.0.0 Ok: queued as 4FZ1", 250],
    ["250-PIPELINING", 250],
    ["550 5.1.1 User unknown", 550],
    ["Ok", null],
    ["", null],
  ])("%s -> %s", (response, code) => {
    expect(replyCode(response)).toBe(code);
  });
});
