import type { Db } from "@/lib/db";

import { AppError } from "@/lib/errors/app-error";
import type { RequesterVerification } from "@/lib/identity/assess-identity";
import { proofsFromForm, storeProofs } from "@/lib/identity/store-proofs";
import { consumeRateLimit } from "@/lib/rate-limit";
import type { FileStorage } from "@/lib/storage";
import { isUuid } from "@/lib/validation/ids";
import { submitRequest, type SubmitResult } from "./submit-request";
import { ZSubmitRequest } from "./submit-request.schema";

export interface WebIdentity {
  /** Address proven by the magic-link session, if signed in. */
  sessionEmail: string | null;
  /** Address proven by the e-mail code, if any. */
  codeEmail: string | null;
}

/** Requests one proven address may file per hour (PORTAL_SUBMISSIONS_PER_HOUR, default 20). */
export function submissionsPerHour(): number {
  return Number(process.env.PORTAL_SUBMISSIONS_PER_HOUR ?? 20);
}

/** How the requester's address was proven, or null when it was not. */
export function webVerification(
  identity: WebIdentity,
  requesterEmail: string,
): Exclude<RequesterVerification, "none"> | null {
  if (identity.sessionEmail === requesterEmail) return "session";
  if (identity.codeEmail === requesterEmail) return "email_code";
  return null;
}

/**
 * A request filed on the patient form: the payload (JSON, the API's shape without channel and
 * receipt time, which the server sets), the proofs, and a submission id that makes a double click
 * or a retry create one case.
 */
export async function submitWebRequest(
  db: Db,
  storage: FileStorage,
  form: FormData,
  identity: WebIdentity,
): Promise<SubmitResult> {
  let payload: unknown;
  try {
    payload = JSON.parse(String(form.get("payload") ?? ""));
  } catch {
    throw new AppError("malformed", { fr: "Formulaire illisible.", en: "Unreadable form." });
  }
  const submissionId = form.get("submissionId");
  if (!isUuid(submissionId)) throw AppError.validation([{ path: "submissionId", key: "uuid" }]);
  const input = ZSubmitRequest.parse({ ...(payload as object), channel: "web", receivedAt: new Date().toISOString() });
  const verification = webVerification(identity, input.requester.email);
  if (!verification) throw AppError.validation([{ path: "requester.email", key: "email_not_verified" }]);
  // A proven address files a limited number of requests an hour (no mass probing).
  await consumeRateLimit(db, `submit:${input.requester.email}`, submissionsPerHour(), 3600);

  const { proofs, discard } = await storeProofs(storage, await proofsFromForm(form));
  try {
    const result = await submitRequest(db, input, {
      actor: { type: "requester", verification },
      idempotencyKey: `web:${submissionId}`,
      proofs,
    });
    // Files the case does not need (a retry's copies, an ID the sign-in made unnecessary) are not kept.
    await discard(result.unusedProofs);
    return result;
  } catch (error) {
    await discard();
    throw error;
  }
}
