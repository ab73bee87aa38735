import { z } from "zod";
import { SMTP_CONNECTIONS } from "@/lib/email/transport";
import { deliverRecipientNotice } from "@/lib/recipients/deliver-recipient-notice";
import { QUEUES } from "../boss";
import { defineJob } from "../definition";

/** An Art. 19 notice to a recipient, by e-mail or OpenDSR (a call may take a few seconds). */
export const notifyRecipientJob = defineJob({
  queue: QUEUES.deliverRecipientNotice,
  data: z.object({ noticeId: z.uuid() }),
  batchSize: 2 * SMTP_CONNECTIONS,
  start: ({ db }) => ({ run: ({ noticeId }) => deliverRecipientNotice(db, noticeId) }),
});
