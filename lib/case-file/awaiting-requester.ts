import type { IdentityStatus, RequestStatus } from "@/lib/generated/prisma/enums";

/** Identity statuses on which no decision was taken yet. */
export const UNDECIDED_IDENTITY = [
  "documents_required",
  "documents_submitted",
  "unverified",
] as const satisfies readonly IdentityStatus[];

export function identityUndecided(status: IdentityStatus): boolean {
  return (UNDECIDED_IDENTITY as readonly string[]).includes(status);
}

/**
 * Whether the case waits for the requester, its clock stopped (décret 2019-536 art. 77; GDPR Recital 63): an
 * answer to a question, or identification documents asked at filing or since. Such a wait is followed up the
 * same way whatever was asked: a reminder, then closing for want of an answer.
 */
export function awaitsRequester(request: {
  status: RequestStatus;
  identityStatus: IdentityStatus;
  pausedSince: Date | null;
}): boolean {
  if (request.pausedSince === null) return false;
  return (
    request.status === "awaiting_information" ||
    (request.status === "awaiting_identity" && request.identityStatus === "documents_required")
  );
}
