import type { Tx } from "@/lib/db";
import type { ActorType } from "@/lib/generated/prisma/enums";
import { queuePartCallbacks } from "./part-callbacks";
import { eventHash } from "./chain";

/**
 * Appends an event to a case's trail, chained to the previous one. Call it inside a transaction that
 * holds the case's row lock (lib/case-file/with-case.ts), so two events never take the same predecessor.
 */
export async function appendEvent(
  tx: Tx,
  requestId: string,
  event: { type: string; actorType: ActorType; actorId: string | null; payload: Record<string, unknown> },
): Promise<void> {
  const last = await tx.requestEvent.findFirst({
    where: { requestId },
    orderBy: { id: "desc" },
    select: { hash: true },
  });
  const createdAt = new Date();
  const prevHash = last?.hash ?? null;
  const hash = eventHash(prevHash, { requestId, ...event, createdAt });
  await tx.requestEvent.create({
    data: { requestId, ...event, payload: event.payload as object, createdAt, prevHash, hash },
  });
  // A change of a health actor's part is also told to the actor's software, in the same transaction.
  await queuePartCallbacks(tx, requestId, event.type, event.payload);
}

/** Locks a case's row for the rest of the transaction (events are appended one at a time). */
export async function lockCase(tx: Tx, requestId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "RightsRequest" WHERE id = ${requestId}::uuid FOR UPDATE`;
}
