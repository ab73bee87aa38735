import { signToken, verifyToken } from "@/lib/auth/signed-token";
import type { Db, Tx } from "@/lib/db";
import { env } from "@/lib/env";
import type { RightsRequest } from "@/lib/generated/prisma/client";
import { awaitsRequester } from "@/lib/case-file/awaiting-requester";

const PURPOSE = "requester-answer";

/**
 * The link in the e-mails that ask the requester something (the question, its reminder): it lets
 * them answer and send documents without signing in. It is signed and names the case and the wait
 * it answers (the instant the clock stopped): once the answer is in, the clock runs again and the
 * link is worth nothing. It expires after the follow-up period (reminder, then closing) at most.
 */
export function answerLinkUrl(
  request: Pick<RightsRequest, "reference" | "locale" | "pausedSince">,
  now = Date.now(),
): string {
  const { APP_URL, AUTH_SECRET, INFORMATION_REMINDER_DAYS, INFORMATION_CLOSE_DAYS } = env();
  if (!request.pausedSince) throw new Error("An answer link is only for a case whose clock is stopped");
  const ttl = (INFORMATION_REMINDER_DAYS + INFORMATION_CLOSE_DAYS) * 86_400;
  const token = signToken(`${request.reference}|${request.pausedSince.getTime()}`, PURPOSE, ttl, AUTH_SECRET, now);
  return `${APP_URL}/${request.locale}/mes-demandes/${request.reference}/repondre?jeton=${token}`;
}

/** The requester's address, when `token` is the link of this case's current wait; null otherwise. */
export async function requesterByAnswerLink(
  db: Db | Tx,
  reference: string,
  token: unknown,
  now = Date.now(),
): Promise<string | null> {
  if (typeof token !== "string" || token.length > 1000) return null;
  const value = verifyToken(token, PURPOSE, env().AUTH_SECRET, now);
  const [linked, since] = value?.split("|") ?? [];
  if (linked !== reference || !since) return null;
  const request = await db.rightsRequest.findUnique({
    where: { reference },
    select: { requesterEmail: true, status: true, identityStatus: true, pausedSince: true },
  });
  if (!request || !awaitsRequester(request) || request.pausedSince!.getTime() !== Number(since)) return null;
  return request.requesterEmail;
}
