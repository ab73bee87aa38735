import type PgBoss from "pg-boss";
import type { Db } from "@/lib/db";
import { pendingOutboxIds, sendOutboxEmail } from "@/lib/email/send-outbox-email";
import { createQueues, QUEUES } from "./boss";

/** Registers every job handler on a started pg-boss instance, and the recurring jobs. */
export async function startWorker(queue: PgBoss, db: Db): Promise<void> {
  await createQueues(queue);

  await queue.work<{ outboxId: string }>(
    QUEUES.sendEmail.name,
    { batchSize: 5, pollingIntervalSeconds: 0.5 },
    async (jobs) => {
      for (const job of jobs) await sendOutboxEmail(db, job.data.outboxId);
    },
  );

  await queue.work(QUEUES.sweepOutbox.name, { pollingIntervalSeconds: 5 }, async () => {
    const ids = await pendingOutboxIds(db, 30);
    for (const id of ids) await queue.send(QUEUES.sendEmail.name, { outboxId: id }, { singletonKey: id });
  });

  await queue.work(QUEUES.purgeExpired.name, { pollingIntervalSeconds: 30 }, async () => {
    const now = Date.now();
    await db.rateLimitHit.deleteMany({ where: { createdAt: { lt: new Date(now - 24 * 3600_000) } } });
    await db.emailCode.deleteMany({ where: { expiresAt: { lt: new Date(now - 24 * 3600_000) } } });
    await db.verificationToken.deleteMany({ where: { expires: { lt: new Date(now) } } });
  });

  await queue.schedule(QUEUES.sweepOutbox.name, "* * * * *");
  await queue.schedule(QUEUES.purgeExpired.name, "17 * * * *");
}
