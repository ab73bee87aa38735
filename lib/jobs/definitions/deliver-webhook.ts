import { z } from "zod";
import { deliverWebhook } from "@/lib/actors/webhooks";
import { SMTP_CONNECTIONS } from "@/lib/email/transport";
import { QUEUES } from "../boss";
import { defineJob } from "../definition";

/** A health actor's status callback: small batches, a receiver may take 10 s. */
export const deliverWebhookJob = defineJob({
  queue: QUEUES.deliverWebhook,
  data: z.object({ deliveryId: z.uuid() }),
  batchSize: 2 * SMTP_CONNECTIONS,
  start: ({ db }) => ({ run: ({ deliveryId }) => deliverWebhook(db, deliveryId) }),
});
