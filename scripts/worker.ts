import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { boss } from "@/lib/jobs/boss";
import { startWorker } from "@/lib/jobs/worker";

// The background worker: e-mails, sweeps and purges, from the Postgres-backed queue.
env();
const queue = await boss("worker");
const stopLoop = await startWorker(queue, db());
console.log("[worker] ready");

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    stopLoop();
    await queue.stop({ graceful: true, timeout: 10_000 });
    process.exit(0);
  });
}
