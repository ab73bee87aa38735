import type PgBoss from "pg-boss";
import type { Db } from "@/lib/db";
import { QUEUES } from "@/lib/jobs/boss";

/**
 * Hands new outbox rows to the job queue. Rows are claimed with SKIP LOCKED so several workers
 * never enqueue the same row; a row still pending two minutes after its claim (a worker died before
 * enqueuing it, or its job is waiting to retry) is handed over again, and the queue's "stately"
 * policy keeps that from piling up jobs. Sending itself is at most once (send-outbox-email.ts).
 */
export async function enqueueOutbox(db: Db, queue: PgBoss, limit = 200): Promise<number> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    UPDATE "OutboxEmail" SET "enqueuedAt" = now()
    WHERE id IN (
      SELECT id FROM "OutboxEmail"
      WHERE status = 'pending' AND ("enqueuedAt" IS NULL OR "enqueuedAt" < now() - interval '2 minutes')
      ORDER BY "createdAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id`;
  if (rows.length === 0) return 0;
  await queue.insert(rows.map((r) => ({ name: QUEUES.sendEmail.name, data: { outboxId: r.id }, singletonKey: r.id, ...QUEUE_JOB_OPTIONS })));
  return rows.length;
}

const QUEUE_JOB_OPTIONS = {
  retryLimit: QUEUES.sendEmail.retryLimit,
  retryDelay: QUEUES.sendEmail.retryDelay,
  retryBackoff: QUEUES.sendEmail.retryBackoff,
};
