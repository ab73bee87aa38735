import PgBoss from "pg-boss";
import { SEND_LEASE_SECONDS } from "@/lib/email/transport";

/** Queues of the background work, each with its retry policy. Their jobs are lib/jobs/definitions. */
export const QUEUES = {
  // "short": at most one waiting job per e-mail (its singleton key), however often the worker hands a
  // still-pending row over again. Running jobs are not limited: "stately" would be, and a job left
  // running by a killed worker would then make every fetch of the queue fail on its unique index
  // until it expired, stopping all mail. Two runs of one mail are harmless: each attempt claims the
  // row first (send-outbox-email.ts). A job runs as long as the attempt's lease on its row.
  sendEmail: {
    name: "email.send",
    policy: "short",
    retryLimit: 8,
    retryDelay: 5,
    retryBackoff: true,
    expireInSeconds: SEND_LEASE_SECONDS,
  },
  // Health actors' status callbacks: the same policy, each attempt claiming its row; back-off from
  // 30 s (about 2 h in all).
  deliverWebhook: {
    name: "webhook.deliver",
    policy: "short",
    retryLimit: 8,
    retryDelay: 30,
    retryBackoff: true,
    expireInSeconds: 60,
  },
  // Art. 19 notices to recipients (e-mail or OpenDSR): the same policy, each attempt claiming its
  // notice; back-off from 30 s, 7 attempts over 30 to 60 minutes, after which the notice is failed for
  // the DPO team to act.
  deliverRecipientNotice: {
    name: "recipients.notify",
    policy: "short",
    retryLimit: 6,
    retryDelay: 30,
    retryBackoff: true,
    expireInSeconds: 120,
  },
  purgeExpired: { name: "maintenance.purge-expired", retryLimit: 2 },
  retention: { name: "retention.purge-cases", retryLimit: 3 },
  reminders: { name: "reminders.daily", retryLimit: 2 },
  // Each daily follow-up its own job: a failure retries that one, never re-sends the others' mail.
  actorReminders: { name: "reminders.actors", retryLimit: 2 },
  informationReminders: { name: "reminders.information", retryLimit: 2 },
} as const satisfies Record<string, PgBoss.Queue>;

const globalForBoss = globalThis as unknown as { __boss?: Promise<PgBoss> };

/**
 * The process's pg-boss client: the worker (scripts/worker.ts) works the jobs and supervises the
 * queues; scripts that only set queues up use the "sender" role.
 */
export function boss(role: "sender" | "worker" = "sender"): Promise<PgBoss> {
  if (globalForBoss.__boss) return globalForBoss.__boss;
  const starting = (async () => {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    const instance = new PgBoss({
      connectionString: url,
      schema: "pgboss",
      max: role === "worker" ? 4 : 2,
      supervise: role === "worker",
      schedule: role === "worker",
      migrate: true,
    });
    instance.on("error", (error) => console.error("[jobs]", error.message));
    await instance.start();
    return instance;
  })();
  // A start that failed (the database not answering yet), or an instance since stopped, is not
  // kept: the next call starts a new one.
  const forget = () => {
    if (globalForBoss.__boss === starting) globalForBoss.__boss = undefined;
  };
  starting.then((instance) => instance.once("stopped", forget), forget);
  globalForBoss.__boss = starting;
  return starting;
}

/** Creates the queues, and brings those a previous version created to their current policy. */
export async function createQueues(instance: PgBoss): Promise<void> {
  for (const queue of Object.values(QUEUES)) {
    if (!(await instance.getQueue(queue.name))) await instance.createQueue(queue.name, queue);
    else await instance.updateQueue(queue.name, queue);
  }
}
