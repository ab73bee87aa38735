import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { type CaseActor, recordEvent, withCase } from "@/lib/case-file/with-case";

/**
 * Sends again an e-mail of the case that failed (refused for good by the mail server, or not taken
 * after every attempt): the same row goes back to the outbox with a fresh count of attempts, and
 * keeps its Message-ID: it is the same message, and should the earlier attempt have reached the
 * recipient after all, their software sees one message, not two. The step is in the case's trail.
 *
 * Only a failed mail of this case, found in one query scoped to the case; never an ephemeral one
 * (a code, a sign-in link): its content was wiped, and its secret is renewed by the person asking again.
 */
export async function resendEmail(db: Db, reference: string, outboxId: string, actor: CaseActor): Promise<void> {
  await withCase(db, reference, async (tx, request) => {
    const failed = { id: outboxId, requestId: request.id, status: "failed" as const, ephemeral: false };
    const mail = await tx.outboxEmail.findFirst({
      where: failed,
      select: { to: true, subject: true, messageId: true, serverResponse: true },
    });
    const requeued = mail
      ? await tx.outboxEmail.updateMany({
          where: failed,
          data: { status: "pending", attempts: 0, enqueuedAt: null, leaseExpiresAt: null },
        })
      : { count: 0 };
    if (!mail || requeued.count === 0) {
      throw new AppError("not_found", {
        fr: "Aucun e-mail non remis de cette demande ne correspond : il a peut-être déjà été renvoyé.",
        en: "No undelivered e-mail of this request matches: it may have been sent again already.",
      });
    }
    // The refusal it answers stays in the trail; the row's answer is the next attempt's.
    await recordEvent(tx, request.id, "email_resent", actor, {
      outboxId,
      recipient: mail.to,
      subject: mail.subject,
      messageId: mail.messageId,
      refusedWith: mail.serverResponse,
    });
  });
}
