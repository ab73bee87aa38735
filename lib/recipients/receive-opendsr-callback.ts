import type { X509Certificate } from "node:crypto";
import { readText } from "@/lib/api/respond";
import { isDatabaseUnavailable } from "@/lib/errors/db-unavailable";
import { appendEvent, lockCase } from "@/lib/case-file/events";
import { consumeRateLimit } from "@/lib/rate-limit";
import type { Db } from "@/lib/db";
import type { NoticeStatus, RecipientContact } from "@/lib/generated/prisma/client";
import { noticeEventType, SETTLED_STATUSES, statusAfterCallback } from "./notice-rules";
import { hostOf, openDsrCallbackUrl, openDsrHeader, ZCallback } from "./opendsr";
import { checkProcessorCertificate, verifyOpenDsrSignature } from "./opendsr-certificate";
import { type CallOptions, discover, fetchCertificate } from "./opendsr-client";

export interface CallbackOutcome {
  status: 202 | 400 | 403 | 404;
  body: { received: true } | { error: { code: string; message: string } };
}

const MAX_CALLBACK_BYTES = 64 * 1024;

/** A callback's raw body, exactly as signed (413 past 64 KB, however it is sent). */
export function readCallbackBody(request: Request): Promise<string> {
  return readText(request, MAX_CALLBACK_BYTES);
}

const refuse = (status: 400 | 403 | 404, code: string, message: string): CallbackOutcome => ({
  status,
  body: { error: { code, message } },
});

/**
 * The configured recipients whose OpenDSR service is on this domain (the contacts are the
 * whitelist; recipients may share one provider's service).
 */
async function contactsOfDomain(db: Db, domain: string): Promise<RecipientContact[]> {
  const contacts = await db.recipientContact.findMany({
    where: { opendsrUrl: { not: null } },
    orderBy: { name: "asc" },
  });
  return contacts.filter((c) => hostOf(c.opendsrUrl!) === domain);
}

/** How often an unauthenticated callback may make the portal fetch a processor's certificate again. */
const REFETCHES_PER_HOUR = 6;

/** Its certificate fetched again through discovery, and stored; null when that fails or was done too often this hour. */
async function refetchCertificate(
  db: Db,
  contact: RecipientContact,
  options: CallOptions,
): Promise<X509Certificate | null> {
  try {
    await consumeRateLimit(db, `opendsr-refetch:${hostOf(contact.opendsrUrl!)}`, REFETCHES_PER_HOUR, 3600);
    const fetched = await fetchCertificate(contact.opendsrUrl!, await discover(contact.opendsrUrl!, options), options);
    await db.recipientContact.update({ where: { name: contact.name }, data: { certificatePem: fetched.pem } });
    return fetched.leaf;
  } catch (error) {
    // A database that cannot answer says nothing of the signature: a 503, not a refusal.
    if (isDatabaseUnavailable(error)) throw error;
    return null;
  }
}

/**
 * Whether the body is signed by the processor: with its stored certificate while it checks out, and
 * otherwise, or when the signature fails with it (the processor may have renewed its key), with the
 * certificate fetched again, at most a few times an hour.
 */
async function signedByProcessor(
  db: Db,
  contacts: RecipientContact[],
  domain: string,
  body: string,
  signature: string,
  options: CallOptions,
): Promise<boolean> {
  for (const contact of contacts) {
    if (!contact.certificatePem) continue;
    const stored = checkProcessorCertificate(contact.certificatePem, domain, { now: options.now?.() });
    if (stored.ok && verifyOpenDsrSignature(body, signature, stored.leaf)) return true;
  }
  const fetched = await refetchCertificate(db, contacts[0]!, options);
  return fetched !== null && verifyOpenDsrSignature(body, signature, fetched);
}

/**
 * A status callback from a recipient's OpenDSR service (specification, section 8.8): the sender is
 * a configured recipient on the X-OpenDSR-Processor-Domain (or legacy X-OpenGDPR-*) domain, and
 * the signature over the RAW body must verify with its certificate before anything is parsed (403
 * otherwise). Then the callback must be addressed to this portal (400) and be about a notice sent
 * to that recipient (404). The notice's status follows (an event recorded for each change); a
 * repeated or late callback changes nothing. 202 when accepted.
 */
export async function receiveOpenDsrCallback(
  db: Db,
  input: { body: string; headers: Headers },
  options: CallOptions = {},
): Promise<CallbackOutcome> {
  const domain = openDsrHeader(input.headers, "processor-domain")?.toLowerCase();
  const signature = openDsrHeader(input.headers, "signature");
  if (!domain || !signature)
    return refuse(403, "forbidden", "Missing X-OpenDSR-Processor-Domain or X-OpenDSR-Signature.");
  const contacts = await contactsOfDomain(db, domain);
  if (contacts.length === 0) return refuse(403, "forbidden", "Unknown processor domain.");
  if (!(await signedByProcessor(db, contacts, domain, input.body, signature, options)))
    return refuse(403, "forbidden", "The signature does not verify.");

  let json: unknown;
  try {
    json = JSON.parse(input.body);
  } catch {
    return refuse(400, "malformed", "Malformed JSON.");
  }
  const parsed = ZCallback.safeParse(json);
  if (!parsed.success) return refuse(400, "malformed", "Not an OpenDSR status callback.");
  const callback = parsed.data;
  if (callback.status_callback_url !== openDsrCallbackUrl())
    return refuse(400, "malformed", "status_callback_url is not this endpoint.");

  const notice = await db.recipientNotice.findFirst({
    where: { id: callback.subject_request_id, recipient: { in: contacts.map((c) => c.name) }, channel: "opendsr" },
    select: { id: true, requestId: true, recipient: true },
  });
  if (!notice) return refuse(404, "not_found", "No such request sent to this processor.");

  const now = options.now?.() ?? new Date();
  const expectedCompletionAt = new Date(callback.expected_completion_time);
  await db.$transaction(async (tx) => {
    await lockCase(tx, notice.requestId);
    const [locked] = await tx.$queryRaw<
      { status: NoticeStatus }[]
    >`SELECT status FROM "RecipientNotice" WHERE id = ${notice.id}::uuid FOR UPDATE`;
    if (!locked) return;
    const next = statusAfterCallback(locked.status, callback.request_status);
    const settles = next !== null && SETTLED_STATUSES.includes(next);
    if (!SETTLED_STATUSES.includes(locked.status)) {
      await tx.recipientNotice.update({
        where: { id: notice.id },
        data: {
          controllerId: callback.controller_id,
          expectedCompletionAt,
          ...(next ? { status: next } : {}),
          ...(settles ? { settledAt: now, payloadSealed: null } : {}),
        },
      });
    }
    if (next) {
      await appendEvent(tx, notice.requestId, {
        type: noticeEventType(next),
        actorType: "system",
        actorId: null,
        payload: {
          noticeId: notice.id,
          recipient: notice.recipient,
          reported: callback.request_status,
          expectedCompletionAt: expectedCompletionAt.toISOString(),
        },
      });
    }
  });
  return { status: 202, body: { received: true } };
}
