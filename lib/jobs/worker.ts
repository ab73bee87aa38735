import type PgBoss from "pg-boss";
import type { Db } from "@/lib/db";
import { deleteProofFiles, sweepAbandonedProofs } from "@/lib/identity/delete-proof-files";
import { remindActors } from "@/lib/actors/actor-reminders";
import { expireDataExports } from "@/lib/rights/access/data-export";
import { purgeErasureArchives } from "@/lib/rights/erasure/erase-subject";
import { applyImmediateEffects } from "@/lib/rights/immediate-effects";
import { forwardReadyParts } from "@/lib/actors/forward-parts";
import { deliverWebhook, enqueueWebhookDeliveries } from "@/lib/actors/webhooks";
import { deliverRecipientNotice, enqueueRecipientNotices } from "@/lib/recipients/deliver-recipient-notice";
import { enqueueOutbox } from "@/lib/email/enqueue-outbox";
import { purgeExpiredCases } from "@/lib/retention/purge-expired-cases";
import { remindUnansweredRequests } from "@/lib/cases/request-information";
import { sendReminders } from "./send-reminders";
import { getStorage } from "@/lib/storage";
import { holdEmails, releaseCutEmails } from "@/lib/email/outbox-claim";
import { sendOutboxEmail } from "@/lib/email/send-outbox-email";
import { SMTP_CONNECTIONS } from "@/lib/email/transport";
import { inParallel } from "@/lib/util/in-parallel";
import { createQueues, QUEUES } from "./boss";
import { forgetGoneWorkers, WORKER_HEARTBEAT_MS, type WorkerPresence } from "./worker-presence";

export const OUTBOX_POLL_MS = 500;

/**
 * Registers every job handler on a started pg-boss instance, the recurring jobs, and the loop that
 * moves new outbox rows into the queue; the mails this process sends are held in the name of
 * `presence`. Returns a function that stops the loop.
 */
export async function startWorker(queue: PgBoss, db: Db, presence: WorkerPresence): Promise<() => void> {
  await createQueues(queue);

  // pg-boss fetches a batch every half second: the batch size bounds the throughput (100 mails per
  // fetch, 200 a second at most). A batch is worked several jobs at a time (mails over the transport's
  // pooled connections); a job that fails is failed on its own, for pg-boss to retry with back-off,
  // and the rest of the batch completes. Webhook batches stay small: a receiver may take 10 s.
  const workBatch = <D extends object>(
    name: string,
    batchSize: number,
    run: (data: D) => Promise<unknown>,
    onFetch?: (batch: D[]) => Promise<unknown>,
  ) =>
    queue.work<D>(name, { batchSize, pollingIntervalSeconds: 0.5 }, async (jobs) => {
      // What is done on fetching a batch only speeds recovery up: its failure never stops the batch.
      if (onFetch) await onFetch(jobs.map((job) => job.data)).catch(() => {});
      await inParallel(jobs, SMTP_CONNECTIONS, async (job) => {
        try {
          await run(job.data);
        } catch (error) {
          await queue.fail(name, job.id, {
            message: error instanceof Error ? error.message.slice(0, 300) : "unknown error",
          });
        }
      });
    });
  // The mails of a fetched batch are held in this worker's name while they wait their turn: killed,
  // it leaves them to be handed over again within seconds, not minutes; alive, it hands back at each
  // heartbeat those its lost connection to the database cut (outbox-claim.ts).
  const inHand = new Set<string>();
  const ended = new Set<string>();
  await workBatch<{ outboxId: string }>(
    QUEUES.sendEmail.name,
    10 * SMTP_CONNECTIONS,
    (data) =>
      sendOutboxEmail(db, data.outboxId, { holder: presence.id }).finally(() => {
        inHand.delete(data.outboxId);
        ended.add(data.outboxId);
      }),
    (batch) => {
      for (const data of batch) inHand.add(data.outboxId);
      return holdEmails(
        db,
        batch.map((data) => data.outboxId),
        presence.id,
      );
    },
  );
  const release = setInterval(() => {
    const work = { inHand: [...inHand], ended: [...ended] };
    releaseCutEmails(db, presence.id, work, new Date()).then(
      () => {
        for (const id of work.ended) ended.delete(id);
      },
      (error: unknown) =>
        console.error("[worker] handing back cut e-mails:", error instanceof Error ? error.message : "unknown error"),
    );
  }, WORKER_HEARTBEAT_MS);
  release.unref();
  await workBatch<{ deliveryId: string }>(QUEUES.deliverWebhook.name, 2 * SMTP_CONNECTIONS, (data) =>
    deliverWebhook(db, data.deliveryId),
  );
  // Art. 19 notices to recipients: an OpenDSR call may take a few seconds, like a webhook.
  await workBatch<{ noticeId: string }>(QUEUES.deliverRecipientNotice.name, 2 * SMTP_CONNECTIONS, (data) =>
    deliverRecipientNotice(db, data.noticeId),
  );

  await queue.work(QUEUES.purgeExpired.name, { pollingIntervalSeconds: 30 }, async () => {
    const now = Date.now();
    const day = 24 * 3600_000;
    await db.rateLimitHit.deleteMany({ where: { createdAt: { lt: new Date(now - day) } } });
    await db.emailCode.deleteMany({ where: { expiresAt: { lt: new Date(now - day) } } });
    await db.verificationToken.deleteMany({ where: { expires: { lt: new Date(now) } } });
    await forgetGoneWorkers(db, new Date(now));
    // (A mail left "sending" by a crash needs nothing here: once its lease runs out, the outbox loop
    // hands it over again and it is sent, with the same Message-ID: lib/email/send-outbox-email.ts.)
    // A callback left "sending" by a crash goes out again: receivers drop repeats by delivery id.
    await db.webhookDelivery.updateMany({
      where: { status: "sending", updatedAt: { lt: new Date(now - 15 * 60_000) } },
      data: { status: "pending" },
    });
    // Identity files of a decided or withdrawn case whose deletion was interrupted.
    const leftover = await db.identityProof.findMany({
      where: {
        storageKey: { not: null },
        request: { OR: [{ identityStatus: { in: ["accepted", "rejected"] } }, { status: "withdrawn" }] },
      },
      select: { id: true, storageKey: true },
      take: 500,
    });
    await deleteProofFiles(db, getStorage(), leftover);
    // Proofs of an identity check the requester never completed, after 30 days.
    await sweepAbandonedProofs(db, getStorage());
    // Access copies past their download window: the files go, the fact of delivery stays.
    await expireDataExports(db, getStorage());
    // Erased data past its seven days in the archive, and closed identities no agenda refers to any more.
    await purgeErasureArchives(db);
    // Sent mails keep no content after a week (codes, links, names): the case file holds the facts.
    await db.outboxEmail.updateMany({
      where: { status: "sent", sentAt: { lt: new Date(now - 7 * day) }, NOT: { html: "" } },
      data: { html: "", text: "" },
    });
  });
  await queue.schedule(QUEUES.purgeExpired.name, "17 * * * *");

  // Case files at the end of their retention period, every night (in batches: see purge-expired-cases.ts).
  await queue.work(QUEUES.retention.name, { pollingIntervalSeconds: 30 }, async () => {
    const report = await purgeExpiredCases(db, getStorage());
    console.log(
      `[retention] ${report.deleted} case files deleted (received before ${report.cutoff.toISOString()}), ${report.onHold} on legal hold`,
    );
  });
  await queue.schedule(QUEUES.retention.name, "30 3 * * *", {}, { tz: "Europe/Paris" });

  // Every morning (Paris time), each in its own job: the staff's reminders and digest; the health
  // actors' reminders and the escalation of their parts past due; the reminders to requesters who
  // left a request for information unanswered.
  const daily = async (name: string, run: () => Promise<unknown>) => {
    await queue.work(name, { pollingIntervalSeconds: 30 }, async () => {
      await run();
    });
    await queue.schedule(name, "0 8 * * *", {}, { tz: "Europe/Paris" });
  };
  await daily(QUEUES.reminders.name, () => sendReminders(db));
  await daily(QUEUES.actorReminders.name, async () => {
    const actors = await remindActors(db);
    if (actors.escalated > 0)
      console.log(`[reminders] ${actors.escalated} health actors' parts past due flagged to the DPO team`);
  });
  await daily(QUEUES.informationReminders.name, async () => {
    const reminded = await remindUnansweredRequests(db);
    if (reminded > 0) console.log(`[reminders] ${reminded} requesters reminded of a request for information`);
  });

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
    clearInterval(release);
  };
}
