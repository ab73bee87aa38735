import { z } from "zod";
import type { Tx } from "@/lib/db";
import type { RenderedEmail } from "./layout";

/** Files attached at send time from the case file, so the outbox never stores a copy of them. */
export const ZOutboxAttachment = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("receipt"), requestId: z.uuid() }),
  z.object({ kind: z.literal("letter"), letterId: z.uuid() }),
]);
export type TOutboxAttachment = z.infer<typeof ZOutboxAttachment>;

/**
 * Writes an e-mail to the outbox, inside the transaction of the change it announces. The worker
 * hands new rows to the job queue within a second (lib/jobs/worker.ts) and sends each at most once.
 */
export async function queueEmail(
  tx: Pick<Tx, "outboxEmail">,
  to: string,
  email: RenderedEmail,
  options: { requestId?: string; attachments?: TOutboxAttachment[]; ephemeral?: boolean } = {},
): Promise<string> {
  const row = await tx.outboxEmail.create({
    data: {
      to,
      subject: email.subject,
      html: email.html,
      text: email.text,
      requestId: options.requestId,
      attachments: options.attachments ?? [],
      ephemeral: options.ephemeral ?? false,
    },
    select: { id: true },
  });
  return row.id;
}
