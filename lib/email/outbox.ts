import { z } from "zod";
import type { Tx } from "@/lib/db";
import { boss, QUEUES } from "@/lib/jobs/boss";
import type { RenderedEmail } from "./layout";

/** Files rendered at send time from the case, so the outbox never stores a copy of personal data twice. */
export const ZOutboxAttachment = z.object({ kind: z.literal("receipt"), requestId: z.uuid() });
export type TOutboxAttachment = z.infer<typeof ZOutboxAttachment>;

/** Writes an e-mail to the outbox, inside the transaction of the change it announces. */
export async function queueEmail(
  tx: Pick<Tx, "outboxEmail">,
  to: string,
  email: RenderedEmail,
  options: { requestId?: string; attachments?: TOutboxAttachment[] } = {},
): Promise<string> {
  const row = await tx.outboxEmail.create({
    data: {
      to,
      subject: email.subject,
      html: email.html,
      text: email.text,
      requestId: options.requestId,
      attachments: options.attachments ?? [],
    },
    select: { id: true },
  });
  return row.id;
}

/**
 * After the transaction commits: hands the e-mails to the queue. A failure here loses nothing: the
 * worker's sweep picks up any pending outbox row that was not enqueued.
 */
export async function dispatchEmails(ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  try {
    const queue = await boss();
    await Promise.all(ids.map((id) => queue.send(QUEUES.sendEmail.name, { outboxId: id }, { singletonKey: id })));
  } catch (error) {
    console.error("[outbox] enqueue failed, the sweep will retry:", (error as Error).message);
  }
}
