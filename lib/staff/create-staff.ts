import type { Db, Tx } from "@/lib/db";
import type { StaffRole } from "@/lib/generated/prisma/enums";
import { generateRecoveryCodes, hashPassword } from "@/lib/auth/password";
import { seal } from "@/lib/auth/secret-box";
import { generateTotpSecret } from "@/lib/auth/totp";
import { hashRecoveryCode, TOTP_PURPOSE } from "./sign-in";

export interface NewStaff {
  email: string;
  name: string;
  role: StaffRole;
  password: string;
  /** A given TOTP secret (base32), e.g. a demo's fixed one; a new random one otherwise. */
  totpSecret?: string;
}

/** Creates (or resets) a staff account; returns the TOTP secret and recovery codes, shown once. */
export async function upsertStaff(
  db: Db | Tx,
  staff: NewStaff,
  secret: string,
): Promise<{ id: string; totpSecret: string; recoveryCodes: string[] }> {
  const totpSecret = staff.totpSecret ?? generateTotpSecret();
  const recoveryCodes = generateRecoveryCodes();
  const data = {
    name: staff.name,
    role: staff.role,
    passwordHash: await hashPassword(staff.password),
    totpSecret: seal(totpSecret, secret, TOTP_PURPOSE),
    totpLastStep: null,
    recoveryCodes: recoveryCodes.map(hashRecoveryCode),
    disabledAt: null,
  };
  const row = await db.staffUser.upsert({
    where: { email: staff.email },
    create: { email: staff.email, ...data },
    update: data,
    select: { id: true },
  });
  return { id: row.id, totpSecret, recoveryCodes };
}
