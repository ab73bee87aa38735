import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The rows of each outbox table a worker may hand over: pending ones, and for e-mails also those whose
 * sending attempt's lease ran out (the worker died mid-send, or lost its connection to the database):
 * the sender claims them again, so every mail leaves at least once.
 */
const CLAIMABLE = {
  OutboxEmail: Prisma.sql`(status = 'pending' OR (status = 'sending' AND "leaseExpiresAt" < now()))`,
  WebhookDelivery: Prisma.sql`status = 'pending'`,
};

/**
 * Claims rows of an outbox table to hand to the job queue: claimable ones never handed over, or
 * handed over more than two minutes ago and still claimable (a worker died before enqueuing it, or
 * its job waits to retry). SKIP LOCKED: two workers never claim the same row. Returns their ids.
 */
export async function claimPending(db: Db, table: keyof typeof CLAIMABLE, limit: number): Promise<string[]> {
  const name = Prisma.raw(`"${table}"`);
  const rows = await db.$queryRaw<{ id: string }[]>`
    UPDATE ${name} SET "enqueuedAt" = now()
    WHERE id IN (
      SELECT id FROM ${name}
      WHERE ${CLAIMABLE[table]} AND ("enqueuedAt" IS NULL OR "enqueuedAt" < now() - interval '2 minutes')
      ORDER BY "createdAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED
    )
    RETURNING id`;
  return rows.map((r) => r.id);
}
