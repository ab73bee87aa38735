import { z } from "zod";
import { holdEmails, releaseCutEmails } from "@/lib/email/outbox-claim";
import { sendOutboxEmail } from "@/lib/email/send-outbox-email";
import { SMTP_CONNECTIONS } from "@/lib/email/transport";
import { QUEUES } from "../boss";
import { defineJob } from "../definition";
import { WORKER_HEARTBEAT_MS } from "../worker-presence";

/**
 * One outbox e-mail, sent over the transport's pooled connections. The mails of a fetched batch are
 * held in this worker's name while they wait their turn: killed, it leaves them to be handed over
 * again within seconds, not minutes; alive, it hands back at each heartbeat those its lost
 * connection to the database cut (lib/email/outbox-claim.ts).
 */
export const sendEmailJob = defineJob({
  queue: QUEUES.sendEmail,
  data: z.object({ outboxId: z.uuid() }),
  batchSize: 10 * SMTP_CONNECTIONS,
  start({ db, presence }) {
    const inHand = new Set<string>();
    const ended = new Set<string>();
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
    return {
      run: ({ outboxId }) =>
        sendOutboxEmail(db, outboxId, { holder: presence.id }).finally(() => {
          inHand.delete(outboxId);
          ended.add(outboxId);
        }),
      onFetch(batch) {
        for (const { outboxId } of batch) inHand.add(outboxId);
        return holdEmails(
          db,
          batch.map((data) => data.outboxId),
          presence.id,
        );
      },
      stop: () => clearInterval(release),
    };
  },
});
