import type PgBoss from "pg-boss";
import type { EventPayload } from "@/lib/case-file/event-types";
import { appendEvent, lockCase } from "@/lib/case-file/events";
import type { Db, Tx } from "@/lib/db";
import { queueEmail } from "@/lib/email/outbox";
import { recipientNoticeEmail } from "./notice-email";
import type { NoticeStatus, RecipientContact } from "@/lib/generated/prisma/client";
import { QUEUES } from "@/lib/jobs/boss";
import { type NoticeContent, openNoticePayload } from "./notice-payload";
import { noticeChannels, noticeEventType } from "./notice-rules";
import { identityFor, openDsrCallbackUrl, openDsrErasureRequest } from "./opendsr";
import {
  type CallOptions,
  discover,
  fetchCertificate,
  knownRequest,
  NoticeError,
  submitRequest,
} from "./opendsr-client";

/**
 * Sends the Art. 19 notices queued by queueRecipientNotices. The rows are the source of truth: the
 * worker hands pending ones to the job queue (at most one waiting and one running job per notice),
 * and each job tells the recipient once, by OpenDSR or e-mail, or settles it as no_contact. A
 * failure is retried with the queue's back-off; after the last attempt the notice is failed, for the
 * DPO team to tell the recipient another way.
 */

/** Every attempt the queue makes: the first and its retries. */
export const MAX_NOTICE_ATTEMPTS = QUEUES.deliverRecipientNotice.retryLimit + 1;

/**
 * Hands pending notices to the job queue: those never handed over, and those handed over more than
 * an hour ago and still pending (a worker died between the claim and the queue, or the job was lost):
 * longer than the queue's longest back-off, so a notice waiting for its retry is left alone.
 */
export async function enqueueRecipientNotices(db: Db, queue: PgBoss, limit = 100): Promise<number> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    UPDATE "RecipientNotice" SET "enqueuedAt" = now()
    WHERE id IN (
      SELECT id FROM "RecipientNotice"
      WHERE status = 'pending' AND ("enqueuedAt" IS NULL OR "enqueuedAt" < now() - interval '1 hour')
      ORDER BY "createdAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED
    )
    RETURNING id`;
  if (rows.length === 0) return 0;
  const { name, retryLimit, retryDelay, retryBackoff } = QUEUES.deliverRecipientNotice;
  await queue.insert(
    rows.map((r) => ({ name, data: { noticeId: r.id }, singletonKey: r.id, retryLimit, retryDelay, retryBackoff })),
  );
  return rows.length;
}

type Notice = {
  id: string;
  requestId: string;
  recipient: string;
  channel: string | null;
  request: { reference: string; receivedAt: Date };
};

/**
 * Works one notice. Claimed first (its attempt counted only if still pending at that count), so a
 * repeated or concurrent job finds nothing to do; a settled notice is never sent again.
 */
export async function deliverRecipientNotice(
  db: Db,
  noticeId: string,
  options: CallOptions = {},
): Promise<"sent" | "no_contact" | "skipped"> {
  const row = await db.recipientNotice.findUnique({
    where: { id: noticeId },
    include: { request: { select: { reference: true, receivedAt: true } } },
  });
  if (row?.status !== "pending" || !row.payloadSealed) return "skipped";
  const claimed = await db.recipientNotice.updateMany({
    where: { id: noticeId, status: "pending", attempts: row.attempts },
    data: { attempts: { increment: 1 } },
  });
  if (claimed.count === 0) return "skipped";
  const notice: Notice = row;
  try {
    const content = await openNoticePayload(row.payloadSealed);
    const contact = await db.recipientContact.findUnique({ where: { name: row.recipient } });
    const channels = noticeChannels(contact, content);
    for (const channel of channels) {
      if (channel === "opendsr") {
        try {
          if (await viaOpenDsr(db, notice, contact!, content, options)) return "sent";
        } catch (error) {
          // On its last attempt, a notice its OpenDSR service never took goes by e-mail, if there is one.
          if (row.attempts + 1 < MAX_NOTICE_ATTEMPTS || !channels.includes("email")) throw error;
          await db.recipientNotice.updateMany({
            where: { id: notice.id, status: "pending" },
            data: { lastError: failureMessage(error) },
          });
        }
      }
      if (channel === "email")
        return (await viaEmail(db, notice, contact!.email!, content, options)) ? "sent" : "skipped";
    }
    await settle(db, notice, "no_contact", options);
    return "no_contact";
  } catch (error) {
    await recordFailure(db, notice, row.attempts + 1, error, options);
    throw error;
  }
}

/** Runs `change` with the case and the notice locked (in that order), if the notice is still pending. */
async function whilePending(db: Db, notice: Notice, change: (tx: Tx) => Promise<void>): Promise<boolean> {
  return db.$transaction(async (tx) => {
    await lockCase(tx, notice.requestId);
    const [locked] = await tx.$queryRaw<
      { status: NoticeStatus }[]
    >`SELECT status FROM "RecipientNotice" WHERE id = ${notice.id}::uuid FOR UPDATE`;
    if (locked?.status !== "pending") return false;
    await change(tx);
    return true;
  });
}

const noticeEvent = (
  tx: Tx,
  notice: Notice,
  status: Exclude<NoticeStatus, "pending">,
  extra: Omit<EventPayload<"recipient_notice_sent">, "noticeId" | "recipient"> = {},
) =>
  appendEvent(tx, notice.requestId, {
    type: noticeEventType(status),
    actorType: "system",
    actorId: null,
    payload: { noticeId: notice.id, recipient: notice.recipient, ...extra },
  });

/** The e-mail, in the outbox (which sends it), and the notice settled as sent, in one transaction. */
function viaEmail(db: Db, notice: Notice, to: string, content: NoticeContent, options: CallOptions): Promise<boolean> {
  const now = options.now?.() ?? new Date();
  return whilePending(db, notice, async (tx) => {
    const outboxId = await queueEmail(
      tx,
      to,
      recipientNoticeEmail({ reference: notice.request.reference, recipient: notice.recipient, content }),
      { requestId: notice.requestId },
    );
    await tx.recipientNotice.update({
      where: { id: notice.id },
      data: { status: "sent", channel: "email", outboxId, sentAt: now, settledAt: now, payloadSealed: null },
    });
    await noticeEvent(tx, notice, "sent", { channel: "email" });
  });
}

/**
 * The erasure through the recipient's OpenDSR service. False when the service does not take it
 * (erasure not supported, or no e-mail identity): the next channel is tried.
 */
async function viaOpenDsr(
  db: Db,
  notice: Notice,
  contact: RecipientContact,
  content: NoticeContent,
  options: CallOptions,
): Promise<boolean> {
  const base = contact.opendsrUrl!;
  const discovery = await discover(base, options);
  const identity = identityFor(content.subject.email!, discovery.supported_identities);
  if (!discovery.supported_subject_request_types.includes("erasure") || !identity) return false;
  const certificate = await fetchCertificate(base, discovery, options);
  // A former attempt may have reached the service and lost its receipt: never send the request twice.
  const known = notice.channel === "opendsr" ? await knownRequest(base, notice.id, certificate.leaf, options) : null;
  // Its channel is known before the request leaves: a callback may come before the receipt is recorded.
  if (!known) await db.recipientNotice.update({ where: { id: notice.id }, data: { channel: "opendsr" } });
  const body = openDsrErasureRequest({
    noticeId: notice.id,
    submittedAt: notice.request.receivedAt,
    identity,
    callbackUrl: openDsrCallbackUrl(),
  });
  const receipt = known ?? (await submitRequest(base, body, certificate.leaf, options));
  const now = options.now?.() ?? new Date();
  // The contact may have been removed meanwhile: the request was sent all the same.
  await db.recipientContact.updateMany({ where: { name: contact.name }, data: { certificatePem: certificate.pem } });
  await db.$transaction(async (tx) => {
    await lockCase(tx, notice.requestId);
    const [locked] = await tx.$queryRaw<
      { status: NoticeStatus }[]
    >`SELECT status FROM "RecipientNotice" WHERE id = ${notice.id}::uuid FOR UPDATE`;
    const first = locked?.status === "pending";
    await tx.recipientNotice.update({
      where: { id: notice.id },
      // Accepted by the service (a callback may even have come first): what it was sent is no longer needed here.
      data: {
        ...(first ? { status: "sent" as const } : {}),
        payloadSealed: null,
        controllerId: receipt.controllerId,
        expectedCompletionAt: receipt.expectedCompletionAt,
        sentAt: now,
        lastError: null,
      },
    });
    if (first)
      await noticeEvent(tx, notice, "sent", {
        channel: "opendsr",
        expectedCompletionAt: receipt.expectedCompletionAt.toISOString(),
      });
  });
  return true;
}

/** A notice settled without being sent: no contact, or failed after the last attempt. */
async function settle(
  db: Db,
  notice: Notice,
  status: "no_contact" | "failed",
  options: CallOptions,
  lastError?: string,
): Promise<void> {
  const now = options.now?.() ?? new Date();
  await whilePending(db, notice, async (tx) => {
    await tx.recipientNotice.update({
      where: { id: notice.id },
      data: { status, settledAt: now, payloadSealed: null, ...(lastError ? { lastError } : {}) },
    });
    await noticeEvent(tx, notice, status, status === "failed" ? { attempts: MAX_NOTICE_ATTEMPTS } : {});
  });
}

/** What failed, without personal data: our own messages, or only the kind of an unexpected error. */
function failureMessage(error: unknown): string {
  if (error instanceof NoticeError) return error.message.slice(0, 300);
  return `unexpected error (${error instanceof Error ? error.name : "unknown"})`;
}

async function recordFailure(
  db: Db,
  notice: Notice,
  attempt: number,
  error: unknown,
  options: CallOptions,
): Promise<void> {
  const lastError = failureMessage(error);
  if (attempt >= MAX_NOTICE_ATTEMPTS) await settle(db, notice, "failed", options, lastError);
  else await db.recipientNotice.updateMany({ where: { id: notice.id, status: "pending" }, data: { lastError } });
}
