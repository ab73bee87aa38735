import { cookies } from "next/headers";
import { signedInEmail } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { EMAIL_PROOF_COOKIE, verifyEmailProof } from "@/lib/identity/email-proof";
import { REQUEST_VIEW_INCLUDE, type RequestWithParts } from "./present-request";

/** Addresses the visitor has proven: by magic-link session, and by e-mail code (short-lived). */
export async function provenEmails(options: { includeCode: boolean }): Promise<string[]> {
  const emails = new Set<string>();
  const session = await signedInEmail();
  if (session) emails.add(session);
  if (options.includeCode) {
    const code = verifyEmailProof((await cookies()).get(EMAIL_PROOF_COOKIE)?.value, env().AUTH_SECRET);
    if (code) emails.add(code);
  }
  return [...emails];
}

/**
 * A case as its requester may see it: the reference and the proven address are both in the query,
 * so another person's case is simply not found.
 */
export async function findRequesterCase(reference: string, emails: string[]): Promise<RequestWithParts | null> {
  if (emails.length === 0) return null;
  return db().rightsRequest.findFirst({
    where: { reference, requesterEmail: { in: emails } },
    include: REQUEST_VIEW_INCLUDE,
  });
}
