import { signToken, verifyToken } from "@/lib/auth/signed-token";

/**
 * A signed, short-lived statement that the bearer entered the code sent to an address, kept in an
 * httpOnly cookie between the code step and the submission.
 */
export const EMAIL_PROOF_COOKIE = "dsr_email_proof";
export const EMAIL_PROOF_TTL_SECONDS = 3600;

export function signEmailProof(email: string, secret: string, now = Date.now()): string {
  return signToken(email, "email-proof", EMAIL_PROOF_TTL_SECONDS, secret, now);
}

/** The proven address, or null when the token is missing, forged or expired. */
export function verifyEmailProof(token: string | undefined, secret: string, now = Date.now()): string | null {
  return verifyToken(token, "email-proof", secret, now);
}
