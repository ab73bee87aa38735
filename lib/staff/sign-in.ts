import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import type { SignInOutcome, StaffRole } from "@/lib/generated/prisma/enums";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { unseal } from "@/lib/auth/secret-box";
import { verifyTotp } from "@/lib/auth/totp";
import { consumeRateLimit } from "@/lib/rate-limit";

/**
 * Staff sign-in: a password, then a second factor (a TOTP code, or one of the recovery codes), then
 * a server-side session. Every attempt is recorded (StaffSignIn), successful or not.
 */
export const SESSION_HOURS = 8;
export const SESSION_IDLE_MINUTES = 30;
export const TOTP_PURPOSE = "staff-totp";

export interface StaffViewer {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  sessionId: string;
}

const refused = () =>
  new AppError("unauthenticated", {
    fr: "Identifiants incorrects.",
    en: "Incorrect credentials.",
  });

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

// A password hash to compare against when the account does not exist, so that the answer takes the
// same time whether or not the address is a staff member's.
let decoy: Promise<string> | undefined;

async function record(db: Db, email: string, outcome: SignInOutcome, ip: string, staffUserId?: string) {
  await db.staffSignIn.create({ data: { email, outcome, ip, staffUserId } });
}

/** First factor. Returns the staff member's id; the session comes only with the second factor. */
export async function checkPassword(db: Db, email: string, password: string, ip: string): Promise<string> {
  try {
    await consumeRateLimit(db, `staff-sign-in:${email}`, 10, 900);
    await consumeRateLimit(db, `staff-sign-in-ip:${ip}`, 50, 900);
  } catch (error) {
    await record(db, email, "rate_limited", ip);
    throw error;
  }
  const staff = await db.staffUser.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, disabledAt: true },
  });
  if (!staff?.passwordHash) {
    decoy ??= hashPassword(randomBytes(16).toString("hex"));
    await verifyPassword(password, await decoy);
    await record(db, email, "unknown_account", ip);
    throw refused();
  }
  if (!(await verifyPassword(password, staff.passwordHash))) {
    await record(db, email, "bad_password", ip, staff.id);
    throw refused();
  }
  if (staff.disabledAt) {
    await record(db, email, "disabled", ip, staff.id);
    throw refused();
  }
  return staff.id;
}

/**
 * Second factor: a 6-digit TOTP code (never the same one twice) or an unused recovery code (then
 * spent). Opens a session and returns its token, for a cookie.
 */
export async function checkSecondFactor(
  db: Db,
  staffId: string,
  code: string,
  ip: string,
  secret: string,
  now = new Date(),
): Promise<string> {
  const staff = await db.staffUser.findUniqueOrThrow({
    where: { id: staffId },
    select: { email: true, totpSecret: true, totpLastStep: true, recoveryCodes: true, disabledAt: true },
  });
  await consumeRateLimit(db, `staff-second-factor:${staffId}`, 10, 900);
  const given = code.trim().toLowerCase();
  let outcome: SignInOutcome | null = null;

  if (/^\d{6}$/.test(given) && staff.totpSecret && !staff.disabledAt) {
    const step = verifyTotp(unseal(staff.totpSecret, secret, TOTP_PURPOSE), given, now, staff.totpLastStep);
    if (step !== null) {
      // Accept each step once, even under concurrent attempts.
      const taken = await db.staffUser.updateMany({
        where: { id: staffId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
        data: { totpLastStep: step },
      });
      if (taken.count === 1) outcome = "success";
    }
  } else if (/^[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}$/.test(given) && !staff.disabledAt) {
    const hash = hashRecoveryCode(given);
    if (staff.recoveryCodes.includes(hash)) {
      const spent = await db.staffUser.updateMany({
        where: { id: staffId, recoveryCodes: { has: hash } },
        data: { recoveryCodes: staff.recoveryCodes.filter((h) => h !== hash) },
      });
      if (spent.count === 1) outcome = "recovery_code_used";
    }
  }

  if (!outcome) {
    await record(db, staff.email, "bad_second_factor", ip, staffId);
    throw new AppError("validation", { fr: "Code incorrect.", en: "Incorrect code." }, [
      { path: "code", key: "code_invalid" },
    ]);
  }
  const token = randomBytes(32).toString("base64url");
  await db.staffSession.create({
    data: {
      tokenHash: sha256(token),
      staffUserId: staffId,
      expiresAt: new Date(now.getTime() + SESSION_HOURS * 3600_000),
      lastSeenAt: now,
    },
  });
  await record(db, staff.email, outcome, ip, staffId);
  return token;
}

/** The staff member of a session token, or null when it is unknown, revoked, expired or idle too long. */
export async function sessionViewer(db: Db, token: string | undefined, now = new Date()): Promise<StaffViewer | null> {
  if (!token) return null;
  const session = await db.staffSession.findUnique({
    where: { tokenHash: sha256(token) },
    select: {
      id: true,
      expiresAt: true,
      lastSeenAt: true,
      revokedAt: true,
      staffUser: { select: { id: true, email: true, name: true, role: true, disabledAt: true } },
    },
  });
  if (!session || session.revokedAt || session.staffUser.disabledAt) return null;
  if (session.expiresAt <= now || session.lastSeenAt.getTime() < now.getTime() - SESSION_IDLE_MINUTES * 60_000)
    return null;
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
    await db.staffSession.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  const { disabledAt: _disabled, ...staff } = session.staffUser;
  return { ...staff, sessionId: session.id };
}

export async function endSession(db: Db, token: string): Promise<void> {
  await db.staffSession.updateMany({
    where: { tokenHash: sha256(token), revokedAt: null },
    data: { revokedAt: new Date() },
  });
}

export function hashRecoveryCode(code: string): string {
  return sha256(code.trim().toLowerCase());
}
