import type PgBoss from "pg-boss";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { boss } from "@/lib/jobs/boss";
import { startWorker } from "@/lib/jobs/worker";
import { startPresence, type WorkerPresence } from "@/lib/jobs/worker-presence";
import { restartDelay } from "./lib/supervisor";

// The background worker: e-mails, sweeps and purges, from the Postgres-backed queue. It does not
// exit on a failure it can outlive: a database that is not there yet (or restarts) is waited for,
// and an error in a handler is logged and retried by the queue.
env();
const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));
process.on("unhandledRejection", (error) => console.error("[worker] unhandled error:", reason(error)));

async function start(): Promise<{ queue: PgBoss; presence: WorkerPresence; stopLoop: () => void }> {
  for (let attempt = 1; ; attempt++) {
    let queue: PgBoss | undefined;
    let presence: WorkerPresence | undefined;
    try {
      presence = await startPresence(db());
      queue = await boss("worker");
      return { queue, presence, stopLoop: await startWorker(queue, db(), presence) };
    } catch (error) {
      await queue?.stop({ graceful: false }).catch(() => {});
      await presence?.stop();
      const delay = restartDelay(attempt);
      console.error(`[worker] cannot start (${reason(error)}): trying again in ${(delay / 1000).toFixed(1)} s`);
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

const { queue, presence, stopLoop } = await start();
console.log("[worker] ready");

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    stopLoop();
    await queue.stop({ graceful: true, timeout: 10_000 });
    await presence.stop();
    process.exit(0);
  });
}
