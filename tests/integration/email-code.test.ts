import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { sendOutboxEmail } from "@/lib/email/send-outbox-email";
import { AppError } from "@/lib/errors/app-error";
import { signEmailProof, verifyEmailProof } from "@/lib/identity/email-proof";
import {
  CODE_MAX_ATTEMPTS,
  CODE_SENDS_PER_ADDRESS,
  CODE_SENDS_PER_ADDRESS_AND_IP,
  CODE_SENDS_PER_IP,
  sendEmailCode,
  verifyEmailCode,
} from "@/lib/identity/email-code";
import { uniqueEmail, uniqueIp, waitForMail } from "./support";

const secret = () => process.env.AUTH_SECRET!;

/** Sends a code and delivers it as the worker would; returns the code read from the message. */
async function receiveCode(email: string, ip = uniqueIp(), locale: "fr" | "en" = "fr"): Promise<string> {
  const already = (await waitForMail(email, 0)).length;
  await sendEmailCode(db(), email, ip, locale, secret());
  const pending = await db().outboxEmail.findMany({ where: { to: email, status: "pending" } });
  for (const row of pending) await sendOutboxEmail(db(), row.id);
  const messages = await waitForMail(email, already + 1);
  expect(messages.length).toBe(already + 1);
  const latest = messages.at(-1)!;
  // As a person would: the 6-digit number set apart in the message.
  const match = latest.text!.match(/^\s+(\d{6})\s*$/m);
  expect(match, latest.text).not.toBeNull();
  return match![1]!;
}

async function verifyError(email: string, code: string): Promise<AppError> {
  const error = await verifyEmailCode(db(), email, code, secret()).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

describe("e-mail verification codes", () => {
  it("delivers a 6-digit code that expires in 10 minutes, which proves the address once", async () => {
    const email = uniqueEmail("code");
    const code = await receiveCode(email);
    expect(code).toMatch(/^\d{6}$/);
    const [message] = await waitForMail(email);
    expect(message!.subject).toBe(`${code} : votre code de vérification`);
    expect(message!.text).toContain("Il expire dans 10 minutes");

    // Only a hash is stored.
    const row = await db().emailCode.findFirstOrThrow({ where: { email } });
    expect(row.codeHash).not.toContain(code);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeGreaterThan(9.9 * 60_000);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeLessThanOrEqual(10 * 60_000 + 1000);

    await expect(verifyEmailCode(db(), email, code, secret())).resolves.toBeUndefined();
    expect((await db().emailCode.findUniqueOrThrow({ where: { id: row.id } })).verifiedAt).not.toBeNull();
    // A code serves once.
    expect((await verifyError(email, code)).fields).toEqual([{ path: "code", key: "code_expired" }]);
  });

  it("sends the code in English to an English-speaking user", async () => {
    const email = uniqueEmail("code-en");
    const code = await receiveCode(email, uniqueIp(), "en");
    const [message] = await waitForMail(email);
    expect(message!.subject).toBe(`${code}: your verification code`);
  });

  it("refuses a wrong code (code_invalid), and after 5 failed attempts refuses even the right one (code_expired)", async () => {
    const email = uniqueEmail("code");
    const code = await receiveCode(email);
    for (let i = 0; i < CODE_MAX_ATTEMPTS; i++) {
      const error = await verifyError(email, wrong(code));
      expect(error.status).toBe(422);
      expect(error.fields).toEqual([{ path: "code", key: "code_invalid" }]);
    }
    expect(CODE_MAX_ATTEMPTS).toBe(5);
    expect((await verifyError(email, code)).fields).toEqual([{ path: "code", key: "code_expired" }]);
    expect((await db().emailCode.findFirstOrThrow({ where: { email } })).verifiedAt).toBeNull();
  });

  it("counts parallel guesses: at most 5 of 20 simultaneous attempts are even checked", async () => {
    const email = uniqueEmail("code");
    const code = await receiveCode(email);
    const attempts = await Promise.allSettled(
      Array.from({ length: 20 }, () => verifyEmailCode(db(), email, wrong(code), secret())),
    );
    const keys = attempts.map((a) => (a.status === "rejected" ? (a.reason as AppError).fields[0]!.key : "accepted"));
    expect(keys.filter((k) => k === "code_invalid")).toHaveLength(CODE_MAX_ATTEMPTS);
    expect(keys.filter((k) => k === "code_expired")).toHaveLength(20 - CODE_MAX_ATTEMPTS);
    expect((await db().emailCode.findFirstOrThrow({ where: { email } })).attempts).toBe(CODE_MAX_ATTEMPTS);
  });

  it("refuses a code after its 10 minutes", async () => {
    const email = uniqueEmail("code");
    const code = await receiveCode(email);
    await db().emailCode.updateMany({ where: { email }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await verifyError(email, code)).fields).toEqual([{ path: "code", key: "code_expired" }]);
  });

  it("replaces the previous code when a new one is sent", async () => {
    const email = uniqueEmail("code");
    const ip = uniqueIp();
    const first = await receiveCode(email, ip);
    let second = await receiveCode(email, ip);
    // Two random codes may coincide (1 in a million): ask once more if so.
    if (second === first) second = await receiveCode(email, ip);
    expect(await db().emailCode.count({ where: { email, expiresAt: { gt: new Date() } } })).toBe(1);
    expect((await verifyError(email, first)).fields[0]!.key).toMatch(/^code_(invalid|expired)$/);
    await expect(verifyEmailCode(db(), email, second, secret())).resolves.toBeUndefined();
  });

  it("refuses a 6th code to one address from the same client within an hour", async () => {
    const email = uniqueEmail("code");
    const ip = uniqueIp();
    for (let i = 0; i < CODE_SENDS_PER_ADDRESS_AND_IP; i++) await sendEmailCode(db(), email, ip, "fr", secret());
    const error = await sendEmailCode(db(), email, ip, "fr", secret()).then(
      () => null,
      (e: unknown) => e as AppError,
    );
    expect(error?.code).toBe("rate_limited");
    // Another client (the person themself, elsewhere) can still get a code: nobody locks them out alone.
    await expect(sendEmailCode(db(), email, uniqueIp(), "fr", secret())).resolves.toBeUndefined();
  });

  it("refuses codes to one address past the overall ceiling within an hour (rate_limited, with a delay), and sends nothing", async () => {
    const email = uniqueEmail("code");
    for (let i = 0; i < CODE_SENDS_PER_ADDRESS; i++) await sendEmailCode(db(), email, uniqueIp(), "fr", secret());
    const error = await sendEmailCode(db(), email, uniqueIp(), "fr", secret()).then(
      () => null,
      (e: unknown) => e as AppError,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error!.code).toBe("rate_limited");
    expect(error!.status).toBe(429);
    expect(error!.retryAfterSeconds).toBeGreaterThan(3000);
    expect(error!.retryAfterSeconds).toBeLessThanOrEqual(3600);
    expect(error!.userMessage.fr).toMatch(/^Trop de tentatives/);
    expect(await db().emailCode.count({ where: { email } })).toBe(CODE_SENDS_PER_ADDRESS);
    expect(await db().outboxEmail.count({ where: { to: email } })).toBe(CODE_SENDS_PER_ADDRESS);
  });

  it("refuses the 21st code from one IP address within an hour, whatever the addresses", async () => {
    const ip = uniqueIp();
    const addresses = Array.from({ length: 5 }, () => uniqueEmail("ip"));
    for (let i = 0; i < CODE_SENDS_PER_IP; i++) await sendEmailCode(db(), addresses[i % 5]!, ip, "fr", secret());
    const fresh = uniqueEmail("ip");
    const error = await sendEmailCode(db(), fresh, ip, "fr", secret()).then(
      () => null,
      (e: unknown) => e as AppError,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error!.code).toBe("rate_limited");
    expect(await db().emailCode.count({ where: { email: fresh } })).toBe(0);
    // Another IP address is not affected.
    await expect(sendEmailCode(db(), fresh, uniqueIp(), "fr", secret())).resolves.toBeUndefined();
  });

  // Simultaneous sends are counted under a per-address lock.
  it("does not let simultaneous sends exceed the per-address limit", async () => {
    const email = uniqueEmail("code");
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () => sendEmailCode(db(), email, uniqueIp(), "fr", secret())),
    );
    const sent = results.filter((r) => r.status === "fulfilled").length;
    expect(await db().emailCode.count({ where: { email } })).toBe(sent);
    expect(sent).toBeLessThanOrEqual(CODE_SENDS_PER_ADDRESS);
  });

  it("carries the proven address to the form in a signed proof that only works unaltered and for an hour", () => {
    const email = uniqueEmail("proof");
    const now = Date.now();
    const proof = signEmailProof(email, secret(), now);
    expect(verifyEmailProof(proof, secret(), now + 59 * 60_000)).toBe(email);
    expect(verifyEmailProof(proof, secret(), now + 61 * 60_000)).toBeNull();
    expect(verifyEmailProof(proof, "another-secret-of-at-least-32-characters", now)).toBeNull();
    const [body, mac] = proof.split(".");
    const forged = Buffer.from(
      JSON.stringify({ email: "camille.martin@exemple.fr", exp: Math.floor(now / 1000) + 3600 }),
    ).toString("base64url");
    expect(verifyEmailProof(`${forged}.${mac}`, secret(), now)).toBeNull();
    expect(verifyEmailProof(`${body}.`, secret(), now)).toBeNull();
    expect(verifyEmailProof(undefined, secret(), now)).toBeNull();
  });
});
