import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import type { Db } from "@/lib/db";
import { queueEmail } from "@/lib/email/outbox";
import { emailCodeEmail } from "@/lib/email/templates/email-code";
import { AppError } from "@/lib/errors/app-error";
import type { Locale } from "@/lib/i18n/locale";
import { consumeRateLimit } from "@/lib/rate-limit";

export const CODE_TTL_MINUTES = 10;
export const CODE_MAX_ATTEMPTS = 5;
/**
 * Codes sent within an hour: per address from one client, per address overall (a higher ceiling, so
 * that someone else cannot lock a person out), and per client address.
 */
export const CODE_SENDS_PER_ADDRESS_AND_IP = 5;
export const CODE_SENDS_PER_ADDRESS = 15;
export const CODE_SENDS_PER_IP = 20;

export { ZSendEmailCode, ZVerifyEmailCode } from "./email-code.schema";

function hashCode(email: string, code: string, secret: string): string {
  return createHmac("sha256", secret).update(`${email}:${code}`).digest("hex");
}

/** Sends a 6-digit code to an address (rate-limited per address and per IP). */
export async function sendEmailCode(db: Db, email: string, ip: string, locale: Locale, secret: string): Promise<void> {
  await consumeRateLimit(db, `email-code:ip:${ip}`, CODE_SENDS_PER_IP, 3600);
  await consumeRateLimit(db, `email-code:pair:${ip}:${email}`, CODE_SENDS_PER_ADDRESS_AND_IP, 3600);
  await consumeRateLimit(db, `email-code:address:${email}`, CODE_SENDS_PER_ADDRESS, 3600);
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  await db.$transaction(async (tx) => {
    // A new code replaces the previous ones.
    await tx.emailCode.updateMany({ where: { email, verifiedAt: null }, data: { expiresAt: new Date() } });
    const expiresAt = new Date(Date.now() + CODE_TTL_MINUTES * 60_000);
    await tx.emailCode.create({ data: { email, codeHash: hashCode(email, code, secret), expiresAt } });
    await queueEmail(tx, email, emailCodeEmail(locale, code), { ephemeral: true, expiresAt });
  });
}

/** Checks a code: at most CODE_MAX_ATTEMPTS tries, within CODE_TTL_MINUTES. */
export async function verifyEmailCode(db: Db, email: string, code: string, secret: string): Promise<void> {
  const current = await db.emailCode.findFirst({
    where: { email, verifiedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
  });
  const expired = () => AppError.validation([{ path: "code", key: "code_expired" }]);
  if (!current || current.attempts >= CODE_MAX_ATTEMPTS) throw expired();
  // Count the attempt first, atomically, so parallel guesses cannot exceed the limit.
  const counted = await db.emailCode.updateMany({
    where: { id: current.id, attempts: { lt: CODE_MAX_ATTEMPTS } },
    data: { attempts: { increment: 1 } },
  });
  if (counted.count === 0) throw expired();
  const expected = Buffer.from(current.codeHash, "hex");
  const given = Buffer.from(hashCode(email, code, secret), "hex");
  if (!timingSafeEqual(expected, given)) throw AppError.validation([{ path: "code", key: "code_invalid" }]);
  await db.emailCode.update({ where: { id: current.id }, data: { verifiedAt: new Date() } });
}
