import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import { buildReceiptPdf } from "@/lib/requests/receipt";
import { registryOf } from "@/lib/registry/registry-of";
import { REQUEST_VIEW_INCLUDE } from "@/lib/requests/present-request";
import { getStorage } from "@/lib/storage";
import { Prisma } from "@/lib/generated/prisma/client";
import { ZOutboxAttachment } from "./outbox";
import { claimableEmail } from "./outbox-claim";
import { readSmtpError, replyCode } from "./smtp-answer";
import { type MailTransport, mailTransport, SEND_LEASE_SECONDS } from "./transport";

/** After this many attempts without the server's acceptance the e-mail is failed, for a person to look at. */
export const MAX_SEND_ATTEMPTS = 8;

/** What a mail holding a secret keeps once it is sent, dropped or failed: nothing of its content. */
const WIPED = { subject: "", html: "", text: "" };

export type SendOutcome = "sent" | "skipped" | "expired" | "failed";

/**
 * Sends one outbox e-mail, at least once. The attempt claims the row (pending, or sending under a
 * lease that ran out or whose worker is gone: outbox-claim.ts) for SEND_LEASE_SECONDS, in the name
 * of `holder` (the worker process); a concurrent or repeated job finds nothing to do meanwhile. Every attempt carries the row's Message-ID, so a repeat (the
 * server accepted the mail, then the worker died before recording it) is recognisable.
 *
 * - accepted: sent, with the server's answer (its queue id) and the recipients it accepted;
 * - refused for good (a 5xx answer about this mail, see smtp-answer.ts): failed at once, answer kept;
 * - any other error: back to pending and rethrown for the queue's back-off; failed after
 *   MAX_SEND_ATTEMPTS;
 * - a mail holding a secret whose validity ended before it could leave: expired, never sent late.
 */
export async function sendOutboxEmail(
  db: Db,
  outboxId: string,
  options: { transport?: MailTransport; now?: Date; holder?: string } = {},
): Promise<SendOutcome> {
  const now = options.now ?? new Date();
  const leaseEnd = new Date(now.getTime() + SEND_LEASE_SECONDS * 1000);
  const claimed = await db.$executeRaw`
    UPDATE "OutboxEmail" SET status = 'sending', attempts = attempts + 1, "lastAttemptAt" = ${now}, "updatedAt" = ${now},
      "leaseExpiresAt" = ${leaseEnd}, "leaseHolderId" = ${options.holder ?? null}::uuid
    WHERE id = ${outboxId}::uuid AND ${claimableEmail(Prisma.sql`${now}::timestamptz`)}`;
  if (claimed === 0) return "skipped";
  const mail = await db.outboxEmail.findUniqueOrThrow({ where: { id: outboxId } });
  // This attempt records its outcome only while the claim is still its own: once its lease ran out,
  // a later attempt holds the row (its count of attempts is higher).
  const ours = { id: outboxId, status: "sending" as const, attempts: mail.attempts };
  const wipe = mail.ephemeral ? WIPED : {};

  if (mail.expiresAt && mail.expiresAt <= now) {
    await db.outboxEmail.updateMany({
      where: ours,
      data: { status: "expired", leaseExpiresAt: null, leaseHolderId: null, ...WIPED },
    });
    return "expired";
  }
  if (mail.attempts > MAX_SEND_ATTEMPTS) {
    // The last attempt allowed was cut before it could record its outcome (it may have arrived).
    await db.outboxEmail.updateMany({
      where: ours,
      data: {
        status: "failed",
        leaseExpiresAt: null,
        leaseHolderId: null,
        lastError: `the last of ${MAX_SEND_ATTEMPTS} attempts was interrupted`,
        ...wipe,
      },
    });
    return "failed";
  }

  let info: Awaited<ReturnType<MailTransport["sendMail"]>>;
  try {
    info = await (options.transport ?? mailTransport()).sendMail({
      from: env().MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      attachments: await renderAttachments(db, mail.attachments),
      messageId: mail.messageId,
    });
  } catch (error) {
    const answer = readSmtpError(error);
    const failed = answer.permanent || mail.attempts >= MAX_SEND_ATTEMPTS;
    const recorded = await db.outboxEmail.updateMany({
      where: ours,
      data: {
        status: failed ? "failed" : "pending",
        leaseExpiresAt: null,
        leaseHolderId: null,
        lastError: error instanceof Error ? error.message.slice(0, 500) : "unknown error",
        serverResponse: answer.response,
        serverResponseCode: answer.code,
        acceptedRecipients: [],
        rejectedRecipients: answer.rejected,
        ...(failed ? wipe : {}),
      },
    });
    // A later attempt holds the row (this one's lease ran out): the outcome is that attempt's to record.
    if (recorded.count === 0) return "skipped";
    if (!failed) throw error;
    // The id and the code only: the server's answer may name the recipient.
    console.warn(
      `[mail] ${outboxId} failed after ${mail.attempts} attempt(s): ${answer.code ?? "no answer from the server"}`,
    );
    return "failed";
  }
  // The server has the mail: recorded as sent whatever happened to the claim meanwhile (a later
  // attempt that failed, or that sent it again with the same Message-ID, changes nothing to that).
  await db.outboxEmail.updateMany({
    where: { id: outboxId, NOT: { status: "sent" } },
    data: {
      status: "sent",
      sentAt: new Date(),
      leaseExpiresAt: null,
      leaseHolderId: null,
      lastError: null,
      serverResponse: info.response.slice(0, 1000),
      serverResponseCode: replyCode(info.response),
      acceptedRecipients: info.accepted.map(String),
      rejectedRecipients: info.rejected.map(String),
      ...wipe,
    },
  });
  return "sent";
}

async function renderAttachments(db: Db, stored: unknown) {
  return Promise.all(
    ZOutboxAttachment.array()
      .parse(stored)
      .map(async (a) => {
        if (a.kind === "letter") {
          const letter = await db.caseLetter.findUniqueOrThrow({
            where: { id: a.letterId },
            include: { request: { select: { reference: true } } },
          });
          return {
            filename: `${letter.locale === "fr" ? "courrier" : "letter"}-${letter.request.reference}-${letter.kind}.pdf`,
            content: await getStorage().get(letter.storageKey),
            contentType: "application/pdf",
          };
        }
        const request = await db.rightsRequest.findUniqueOrThrow({
          where: { id: a.requestId },
          include: REQUEST_VIEW_INCLUDE,
        });
        return {
          filename: `${request.locale === "fr" ? "accuse-reception" : "receipt"}-${request.reference}.pdf`,
          content: Buffer.from(
            await buildReceiptPdf(request, request.locale, await registryOf(db, request.registryVersion)),
          ),
          contentType: "application/pdf",
        };
      }),
  );
}
