import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Claims rows of an outbox table to hand to the job queue: pending ones never handed over, or
 * handed over more than two minutes ago and still pending (a worker died before enqueuing it, or
 * its job waits to retry). SKIP LOCKED: two workers never claim the same row. Returns their ids.
 */
export async function claimPending(db: Db, table: "OutboxEmail" | "WebhookDelivery", limit: number): Promise<string[]> {
  const name = Prisma.raw(`"${table}"`);
  const rows = await db.$queryRaw<{ id: string }[]>`
    UPDATE ${name} SET "enqueuedAt" = now()
    WHERE id IN (
      SELECT id FROM ${name}
      WHERE status = 'pending' AND ("enqueuedAt" IS NULL OR "enqueuedAt" < now() - interval '2 minutes')
      ORDER BY "createdAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED
    )
    RETURNING id`;
  return rows.map((r) => r.id);
}
