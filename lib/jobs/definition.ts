import type PgBoss from "pg-boss";
import type { z } from "zod";
import type { Db } from "@/lib/db";
import type { WorkerPresence } from "./worker-presence";

export interface JobContext {
  db: Db;
  /** This worker process, in whose name what it holds is held (worker-presence.ts). */
  presence: WorkerPresence;
}

/** What a job does in one worker process, once set up there. */
export interface JobHandler<Data> {
  run(data: Data): Promise<unknown>;
  /** Done when a batch is fetched, before its jobs run (its failure never stops the batch). */
  onFetch?(batch: Data[]): Promise<unknown>;
  /** Stops what the set-up started (a timer). */
  stop?(): void;
}

/**
 * A background job: its queue (name and retry policy, lib/jobs/boss.ts), the shape of its data, how
 * many are fetched at once, when it recurs, and its handler. The worker registers every one of
 * lib/jobs/definitions.
 */
export interface JobDefinition<Data = unknown> {
  queue: PgBoss.Queue;
  data: z.ZodType<Data>;
  /** Jobs fetched at once, worked several at a time; without it, one at a time every 30 s at most. */
  batchSize?: number;
  /** Recurring jobs: a cron expression, in a time zone (UTC when absent). */
  schedule?: { cron: string; tz?: string };
  start(ctx: JobContext): JobHandler<Data>;
}

/** A job as the worker registers it: its data is parsed by its definition's shape before it runs. */
export interface Job {
  queue: PgBoss.Queue;
  batchSize?: number;
  schedule?: { cron: string; tz?: string };
  start(ctx: JobContext): JobHandler<unknown>;
}

export function defineJob<Data>(definition: JobDefinition<Data>): Job {
  const { queue, batchSize, schedule, data } = definition;
  return {
    queue,
    batchSize,
    schedule,
    start(ctx) {
      const handler = definition.start(ctx);
      const onFetch = handler.onFetch;
      return {
        run: async (raw) => handler.run(data.parse(raw)),
        onFetch: onFetch && (async (batch) => onFetch(batch.map((raw) => data.parse(raw)))),
        stop: handler.stop,
      };
    },
  };
}
