import { cookies } from "next/headers";
import { signedInEmail } from "@/lib/auth/session";
import { requesterByAnswerLink } from "./answer-link";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { EMAIL_PROOF_COOKIE, verifyEmailProof } from "@/lib/identity/email-proof";
import { isReference } from "@/lib/validation/ids";
import { REQUEST_VIEW_INCLUDE, type RequestWithParts } from "./present-request";
import type { WebIdentity } from "./submit-web-request";

/** The addresses the visitor has proven: by magic-link session, and by e-mail code (short-lived cookie). */
export async function webIdentity(): Promise<WebIdentity> {
  return {
    sessionEmail: await signedInEmail(),
    codeEmail: verifyEmailProof((await cookies()).get(EMAIL_PROOF_COOKIE)?.value, env().AUTH_SECRET),
  };
}

/** Addresses the visitor has proven, with or without the short-lived e-mail-code proof. */
export async function provenEmails(options: { includeCode: boolean }): Promise<string[]> {
  const { sessionEmail, codeEmail } = await webIdentity();
  return [...new Set([sessionEmail, options.includeCode ? codeEmail : null].filter((e): e is string => e !== null))];
}

/**
 * A case as its requester may see it: the reference and the proven address are both in the query,
 * so another person's case is simply not found.
 */
export async function findRequesterCase(reference: string, emails: string[]): Promise<RequestWithParts | null> {
  if (emails.length === 0 || !isReference(reference)) return null;
  return db().rightsRequest.findFirst({
    where: { reference, requesterEmail: { in: emails } },
    include: REQUEST_VIEW_INCLUDE,
  });
}

/**
 * Who answers a case waiting for its requester: the holder of the e-mail's answer link for that
 * case (lib/requests/answer-link.ts), or else the signed-in visitor. The operations then scope the case
 * by this address, so anyone else finds nothing.
 */
export async function answeringRequester(reference: string, answerLink: string | null): Promise<string | null> {
  return (await requesterByAnswerLink(db(), reference, answerLink)) ?? signedInEmail();
}
