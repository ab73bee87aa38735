import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import { buildReceiptPdf } from "@/lib/pdf/receipt";
import { REQUEST_VIEW_INCLUDE } from "@/lib/requests/present-request";
import { mailTransport } from "./transport";
import { ZOutboxAttachment } from "./outbox";

/**
 * Sends one outbox e-mail, at most once: the row is claimed (pending -> sending) before the SMTP
 * hand-off, so a concurrent or repeated job finds nothing to do. On an SMTP failure the row goes
 * back to pending and the error is rethrown for the queue to retry with back-off.
 */
export async function sendOutboxEmail(db: Db, outboxId: string): Promise<"sent" | "skipped"> {
  const claimed = await db.outboxEmail.updateMany({
    where: { id: outboxId, status: "pending" },
    data: { status: "sending", attempts: { increment: 1 } },
  });
  if (claimed.count === 0) return "skipped";
  const mail = await db.outboxEmail.findUniqueOrThrow({ where: { id: outboxId } });
  try {
    const attachments = await Promise.all(
      ZOutboxAttachment.array()
        .parse(mail.attachments)
        .map(async (a) => {
          const request = await db.rightsRequest.findUniqueOrThrow({ where: { id: a.requestId }, include: REQUEST_VIEW_INCLUDE });
          const locale = request.locale;
          return {
            filename: `${locale === "fr" ? "accuse-reception" : "receipt"}-${request.reference}.pdf`,
            content: Buffer.from(await buildReceiptPdf(request, locale)),
            contentType: "application/pdf",
          };
        }),
    );
    await mailTransport().sendMail({
      from: env().MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      attachments,
      messageId: `<${mail.id}@${new URL(env().APP_URL).hostname}>`,
    });
    await db.outboxEmail.update({ where: { id: outboxId }, data: { status: "sent", sentAt: new Date(), lastError: null } });
    return "sent";
  } catch (error) {
    const message = error instanceof Error ? error.message.slice(0, 500) : "unknown error";
    await db.outboxEmail.update({ where: { id: outboxId }, data: { status: "pending", lastError: message } });
    throw error;
  }
}
