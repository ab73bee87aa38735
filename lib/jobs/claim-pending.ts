import type { Db } from "@/lib/db";
import { claimableEmail, cutEmail } from "@/lib/email/outbox-claim";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The rows of each outbox table a worker may hand over: pending ones, and for e-mails also those whose
 * sending attempt was cut (lib/email/outbox-claim.ts): the sender claims them again, so every mail
 * leaves at least once.
 */
const CLAIMABLE = {
  OutboxEmail: claimableEmail(),
  WebhookDelivery: Prisma.sql`status = 'pending'`,
};

/** Of those, the rows whose job was cut with its worker: handed over again after ten seconds. */
const CUT = {
  OutboxEmail: cutEmail(),
  WebhookDelivery: Prisma.sql`false`,
};

/** What the claim records of the worker `holder` that hands the rows over. */
const HOLD = {
  // A pending e-mail is held by its enqueuer until a worker fetches its job (outbox-claim.ts).
  OutboxEmail: (holder: string | undefined) =>
    holder
      ? Prisma.sql`, "leaseHolderId" = CASE WHEN status = 'pending' THEN ${holder}::uuid ELSE "leaseHolderId" END`
      : Prisma.empty,
  WebhookDelivery: () => Prisma.empty,
};

/**
 * Claims rows of an outbox table to hand to the job queue, in the name of the worker `holder`:
 * claimable ones never handed over, or handed over more than two minutes ago and still claimable
 * (its job waits to retry), or after ten seconds when the job was cut with its worker. SKIP LOCKED:
 * two workers never claim the same row. Returns their ids.
 */
export async function claimPending(
  db: Db,
  table: keyof typeof CLAIMABLE,
  limit: number,
  holder?: string,
): Promise<string[]> {
  const name = Prisma.raw(`"${table}"`);
  const rows = await db.$queryRaw<{ id: string }[]>`
    UPDATE ${name} SET "enqueuedAt" = now() ${HOLD[table](holder)}
    WHERE id IN (
      SELECT id FROM ${name}
      WHERE ${CLAIMABLE[table]}
        AND ("enqueuedAt" IS NULL OR "enqueuedAt" < now() - interval '2 minutes'
          OR (${CUT[table]} AND "enqueuedAt" < now() - interval '10 seconds'))
      ORDER BY "createdAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED
    )
    RETURNING id`;
  return rows.map((r) => r.id);
}
