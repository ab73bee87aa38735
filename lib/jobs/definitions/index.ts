import type { Job } from "../definition";
import { deliverWebhookJob } from "./deliver-webhook";
import { notifyRecipientJob } from "./notify-recipient";
import { purgeExpiredJob } from "./purge-expired";
import { actorRemindersJob, informationRemindersJob, staffRemindersJob } from "./reminders";
import { retentionJob } from "./retention";
import { sendEmailJob } from "./send-email";

/** Every background job; the worker registers each one (lib/jobs/worker.ts). */
export const JOBS: readonly Job[] = [
  sendEmailJob,
  deliverWebhookJob,
  notifyRecipientJob,
  purgeExpiredJob,
  retentionJob,
  staffRemindersJob,
  actorRemindersJob,
  informationRemindersJob,
];
