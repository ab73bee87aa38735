import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * A signed, short-lived statement that the bearer entered the code sent to an address, kept in an
 * httpOnly cookie between the code step and the submission.
 */
export const EMAIL_PROOF_COOKIE = "dsr_email_proof";
export const EMAIL_PROOF_TTL_SECONDS = 3600;

export function signEmailProof(email: string, secret: string, now = Date.now()): string {
  const body = Buffer.from(JSON.stringify({ email, exp: Math.floor(now / 1000) + EMAIL_PROOF_TTL_SECONDS })).toString("base64url");
  return `${body}.${mac(body, secret)}`;
}

/** The proven address, or null when the token is missing, forged or expired. */
export function verifyEmailProof(token: string | undefined, secret: string, now = Date.now()): string | null {
  if (!token) return null;
  const [body, signature] = token.split(".");
  if (!body || !signature) return null;
  const expected = Buffer.from(mac(body, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const { email, exp } = JSON.parse(Buffer.from(body, "base64url").toString()) as { email: string; exp: number };
    return exp * 1000 > now ? email : null;
  } catch {
    return null;
  }
}

function mac(body: string, secret: string): string {
  return createHmac("sha256", secret).update(`email-proof:${body}`).digest("base64url");
}
