import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { WORKER_GONE_SECONDS } from "@/lib/jobs/worker-presence";

/** The row's holder (the worker that took its job, or is sending it) is no longer seen at `now`. */
function holderGone(now: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`("OutboxEmail"."leaseHolderId" IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM "WorkerProcess" w
    WHERE w.id = "OutboxEmail"."leaseHolderId" AND w."seenAt" >= ${now} - make_interval(secs => ${WORKER_GONE_SECONDS})))`;
}

/**
 * The outbox e-mails a sender may claim at `now` (an SQL timestamp): pending ones, and those still
 * "sending" whose attempt was cut: its lease ran out, or the worker process holding it is no longer
 * seen (killed, or cut off from the database). Shared by the outbox loop and the sender.
 */
export function claimableEmail(now: Prisma.Sql = Prisma.sql`now()`): Prisma.Sql {
  return Prisma.sql`("OutboxEmail".status = 'pending' OR ("OutboxEmail".status = 'sending' AND ("OutboxEmail"."leaseExpiresAt" < ${now} OR ${holderGone(now)})))`;
}

/**
 * The claimable e-mails whose job was cut with its worker: being sent by it, or fetched by it and
 * waiting their turn in its batch. They are handed to the queue again without waiting the usual
 * two minutes.
 */
export function cutEmail(): Prisma.Sql {
  const now = Prisma.sql`now()`;
  return Prisma.sql`(("OutboxEmail".status = 'sending' AND "OutboxEmail"."leaseExpiresAt" < ${now}) OR ${holderGone(now)})`;
}

/** Records `holder` as holding the jobs of these pending e-mails, which it has just fetched. */
export function holdEmails(db: Db, ids: string[], holder: string): Promise<number> {
  return db.$executeRaw`
    UPDATE "OutboxEmail" SET "leaseHolderId" = ${holder}::uuid
    WHERE id = ANY(${ids}::uuid[]) AND status = 'pending'`;
}

/**
 * What a live worker still holds in its name but no longer works on, cut by its lost connection to
 * the database (the outcome could not be recorded): attempts not `inHand` begun before `since`, and
 * fetched mails whose job has `ended` still pending. They are handed back, to be claimed again at
 * once rather than when the lease or the two minutes run out. An attempt begun after `since` is
 * left alone: it may be one `inHand` did not list yet.
 */
export function releaseCutEmails(
  db: Db,
  holder: string,
  work: { inHand: string[]; ended: string[] },
  since: Date,
): Promise<number> {
  return db.$executeRaw`
    UPDATE "OutboxEmail" SET "enqueuedAt" = NULL, "leaseHolderId" = NULL,
      "leaseExpiresAt" = CASE WHEN status = 'sending' THEN ${since} ELSE "leaseExpiresAt" END
    WHERE "leaseHolderId" = ${holder}::uuid AND NOT (id = ANY(${work.inHand}::uuid[]))
      AND ((status = 'sending' AND "lastAttemptAt" < ${since}) OR (status = 'pending' AND id = ANY(${work.ended}::uuid[])))`;
}
