import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";

/** How often a running worker says it is there. */
export const WORKER_HEARTBEAT_MS = 5_000;
/** A worker not seen for this long (several heartbeats missed) is gone: what it was sending is claimed again. */
export const WORKER_GONE_SECONDS = 20;

export interface WorkerPresence {
  /** This process's id, recorded as the holder of what it sends. */
  id: string;
  stop(): Promise<void>;
}

/**
 * Records this worker process as running and keeps it seen (the database's clock, so workers on
 * several machines agree). A heartbeat that fails (the database restarting) is tried again at the
 * next beat; should the process die, its row simply stops being seen.
 */
export async function startPresence(db: Db): Promise<WorkerPresence> {
  const id = randomUUID();
  const beat = () =>
    db.$executeRaw`INSERT INTO "WorkerProcess" (id) VALUES (${id}::uuid) ON CONFLICT (id) DO UPDATE SET "seenAt" = now()`;
  await beat();
  const timer = setInterval(() => {
    beat().catch((error: unknown) =>
      console.error("[worker] heartbeat:", error instanceof Error ? error.message : "unknown error"),
    );
  }, WORKER_HEARTBEAT_MS);
  timer.unref();
  return {
    id,
    async stop() {
      clearInterval(timer);
      await db.workerProcess.deleteMany({ where: { id } }).catch(() => {});
    },
  };
}

/** Rows of workers gone for a day: nothing refers to them any more. */
export function forgetGoneWorkers(db: Db, now = new Date()): Promise<unknown> {
  return db.workerProcess.deleteMany({ where: { seenAt: { lt: new Date(now.getTime() - 24 * 3600_000) } } });
}
