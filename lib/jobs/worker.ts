import type PgBoss from "pg-boss";
import type { Db } from "@/lib/db";
import { applyImmediateEffects } from "@/lib/rights/immediate-effects";
import { forwardReadyParts } from "@/lib/actors/forward-parts";
import { enqueueOutbox } from "@/lib/email/enqueue-outbox";
import { SMTP_CONNECTIONS } from "@/lib/email/transport";
import { inParallel } from "@/lib/util/in-parallel";
import { enqueueWebhookDeliveries } from "@/lib/actors/webhooks";
import { enqueueRecipientNotices } from "@/lib/recipients/deliver-recipient-notice";
import { createQueues } from "./boss";
import type { Job, JobContext, JobHandler } from "./definition";
import { JOBS } from "./definitions";
import type { WorkerPresence } from "./worker-presence";

export const OUTBOX_POLL_MS = 500;

/**
 * Registers every job handler on a started pg-boss instance, the recurring jobs, and the loop that
 * moves new outbox rows into the queue; the mails this process sends are held in the name of
 * `presence`. Returns a function that stops the loop.
 */
export async function startWorker(queue: PgBoss, db: Db, presence: WorkerPresence): Promise<() => void> {
  await createQueues(queue);
  const handlers: JobHandler<unknown>[] = [];
  for (const job of JOBS) handlers.push(await register(queue, job, { db, presence }));

  let stopped = false;
  const loop = async () => {
    while (!stopped) {
      try {
        // Health actors' parts ready to go and rights that take effect at once, then the mail they
        // and everything else produced.
        const forwarded = (await forwardReadyParts(db)) + (await applyImmediateEffects(db));
        const moved =
          (await enqueueOutbox(db, queue, { holder: presence.id })) +
          (await enqueueWebhookDeliveries(db, queue)) +
          (await enqueueRecipientNotices(db, queue));
        if (forwarded + moved > 0) continue;
      } catch (error) {
        console.error("[worker] forwarding or outbox:", error instanceof Error ? error.message : "unknown error");
      }
      await new Promise((r) => setTimeout(r, OUTBOX_POLL_MS));
    }
  };
  void loop();
  return () => {
    stopped = true;
    for (const handler of handlers) handler.stop?.();
  };
}

/**
 * Works one job's queue in this process, and schedules it when it recurs. A batch job is fetched
 * every half second and worked several at a time (mails over the transport's pooled connections):
 * the batch size bounds the throughput (100 mails per fetch, 200 a second at most). A job that
 * fails is failed on its own, for pg-boss to retry with back-off, and the rest of the batch
 * completes. Others are polled every 30 s, one at a time.
 */
async function register(queue: PgBoss, job: Job, ctx: JobContext): Promise<JobHandler<unknown>> {
  const handler = job.start(ctx);
  const name = job.queue.name;
  if (job.batchSize) {
    await queue.work<unknown>(name, { batchSize: job.batchSize, pollingIntervalSeconds: 0.5 }, async (jobs) => {
      // What is done on fetching a batch only speeds recovery up: its failure never stops the batch.
      if (handler.onFetch) await handler.onFetch(jobs.map((j) => j.data)).catch(() => {});
      await inParallel(jobs, SMTP_CONNECTIONS, async (j) => {
        try {
          await handler.run(j.data);
        } catch (error) {
          await queue.fail(name, j.id, {
            message: error instanceof Error ? error.message.slice(0, 300) : "unknown error",
          });
        }
      });
    });
  } else {
    await queue.work<unknown>(name, { pollingIntervalSeconds: 30 }, async ([j]) => {
      if (j) await handler.run(j.data);
    });
  }
  if (job.schedule) await queue.schedule(name, job.schedule.cron, {}, job.schedule.tz ? { tz: job.schedule.tz } : {});
  return handler;
}
