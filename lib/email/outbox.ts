import { z } from "zod";
import type { Tx } from "@/lib/db";
import { ZUuid } from "@/lib/validation/ids";
import type { RenderedEmail } from "./layout";
import { newMessageId } from "./message-id";

/** Files attached at send time from the case file, so the outbox never stores a copy of them. */
export const ZOutboxAttachment = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("receipt"), requestId: ZUuid }),
  z.object({ kind: z.literal("letter"), letterId: ZUuid }),
]);
export type TOutboxAttachment = z.infer<typeof ZOutboxAttachment>;

/**
 * Writes an e-mail to the outbox, inside the transaction of the change it announces, with its
 * Message-ID. The worker hands new rows to the job queue within a second (lib/jobs/worker.ts) and
 * delivers each at least once (send-outbox-email.ts).
 *
 * `ephemeral` marks a mail holding a secret (a code, a sign-in link): it needs `expiresAt`, the end
 * of the secret's validity, past which the mail is dropped rather than sent late. Its content is
 * wiped once sent, dropped or failed, so it is never resent: the person asks for a new one.
 */
export async function queueEmail(
  tx: Pick<Tx, "outboxEmail">,
  to: string,
  email: RenderedEmail,
  options: { requestId?: string; attachments?: TOutboxAttachment[] } | { ephemeral: true; expiresAt: Date } = {},
): Promise<string> {
  const row = await tx.outboxEmail.create({
    data: {
      to,
      subject: email.subject,
      html: email.html,
      text: email.text,
      messageId: newMessageId(),
      ...("ephemeral" in options
        ? { ephemeral: true, expiresAt: options.expiresAt }
        : { requestId: options.requestId, attachments: options.attachments ?? [] }),
    },
    select: { id: true },
  });
  return row.id;
}
