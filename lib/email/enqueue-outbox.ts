import type PgBoss from "pg-boss";
import type { Db } from "@/lib/db";
import { QUEUES } from "@/lib/jobs/boss";
import { claimPending } from "@/lib/jobs/claim-pending";

/**
 * Hands new outbox rows to the job queue, in the name of the worker `holder`. Rows are claimed with
 * SKIP LOCKED so several workers never enqueue the same row; a row still pending two minutes after its claim (a worker died before
 * enqueuing it, or its job is waiting to retry), or still sending after its attempt's lease ran out
 * (the worker died mid-send), is handed over again, and the queue's "short" policy keeps that from
 * piling up jobs. Sending itself is at least once (send-outbox-email.ts).
 */
export async function enqueueOutbox(
  db: Db,
  queue: PgBoss,
  options: { limit?: number; holder?: string } = {},
): Promise<number> {
  const ids = await claimPending(db, "OutboxEmail", options.limit ?? 200, options.holder);
  if (ids.length === 0) return 0;
  await queue.insert(
    ids.map((id) => ({ name: QUEUES.sendEmail.name, data: { outboxId: id }, singletonKey: id, ...QUEUE_JOB_OPTIONS })),
  );
  return ids.length;
}

const QUEUE_JOB_OPTIONS = {
  retryLimit: QUEUES.sendEmail.retryLimit,
  retryDelay: QUEUES.sendEmail.retryDelay,
  retryBackoff: QUEUES.sendEmail.retryBackoff,
  expireInSeconds: QUEUES.sendEmail.expireInSeconds,
};
