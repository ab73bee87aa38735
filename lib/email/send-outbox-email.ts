import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import { buildReceiptPdf } from "@/lib/pdf/receipt";
import { REQUEST_VIEW_INCLUDE } from "@/lib/requests/present-request";
import { getStorage } from "@/lib/storage";
import { ZOutboxAttachment } from "./outbox";
import { mailTransport } from "./transport";

/** After this many failed SMTP attempts the e-mail is marked failed for a person to look at. */
export const MAX_SEND_ATTEMPTS = 8;

/**
 * Sends one outbox e-mail, at most once: the row is claimed (pending -> sending) before the SMTP
 * hand-off, so a concurrent or repeated job finds nothing to do. If the SMTP server refuses, the row
 * goes back to pending (or to failed after MAX_SEND_ATTEMPTS) and the error is rethrown for the
 * queue's back-off. Once the server has accepted it, it is never sent again.
 */
export async function sendOutboxEmail(db: Db, outboxId: string): Promise<"sent" | "skipped"> {
  const claimed = await db.outboxEmail.updateMany({
    where: { id: outboxId, status: "pending" },
    data: { status: "sending", attempts: { increment: 1 } },
  });
  if (claimed.count === 0) return "skipped";
  const mail = await db.outboxEmail.findUniqueOrThrow({ where: { id: outboxId } });
  try {
    await mailTransport().sendMail({
      from: env().MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      attachments: await renderAttachments(db, mail.attachments),
      messageId: `<${mail.id}@${new URL(env().APP_URL).hostname}>`,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message.slice(0, 500) : "unknown error";
    await db.outboxEmail.update({
      where: { id: outboxId },
      data: { status: mail.attempts >= MAX_SEND_ATTEMPTS ? "failed" : "pending", lastError: message },
    });
    throw error;
  }
  // A mail holding a secret (a code, a sign-in link) keeps no copy of it once sent.
  const wipe = mail.ephemeral ? { subject: "", html: "", text: "" } : {};
  await db.outboxEmail.update({ where: { id: outboxId }, data: { status: "sent", sentAt: new Date(), lastError: null, ...wipe } });
  return "sent";
}

async function renderAttachments(db: Db, stored: unknown) {
  return Promise.all(
    ZOutboxAttachment.array()
      .parse(stored)
      .map(async (a) => {
        if (a.kind === "letter") {
          const letter = await db.caseLetter.findUniqueOrThrow({ where: { id: a.letterId }, include: { request: { select: { reference: true } } } });
          return {
            filename: `${letter.locale === "fr" ? "courrier" : "letter"}-${letter.request.reference}-${letter.kind}.pdf`,
            content: await getStorage().get(letter.storageKey),
            contentType: "application/pdf",
          };
        }
        const request = await db.rightsRequest.findUniqueOrThrow({ where: { id: a.requestId }, include: REQUEST_VIEW_INCLUDE });
        return {
          filename: `${request.locale === "fr" ? "accuse-reception" : "receipt"}-${request.reference}.pdf`,
          content: Buffer.from(await buildReceiptPdf(request, request.locale)),
          contentType: "application/pdf",
        };
      }),
  );
}
