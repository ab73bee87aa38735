import type { Tx } from "@/lib/db";
import type { ActorType } from "@/lib/generated/prisma/enums";
import { queuePartCallbacks } from "./part-callbacks";
import { eventHash } from "./chain";
import { type CaseEventType, checkedPayload, type EventPayload } from "./event-types";

export interface CaseEvent<T extends CaseEventType = CaseEventType> {
  type: T;
  actorType: ActorType;
  actorId: string | null;
  payload: EventPayload<T>;
}

/**
 * An event as its trail stores it: its payload checked against its type's shape, and chained to
 * the previous event's hash. Every event goes through here, a new case's first one included.
 */
export function chainEvent<T extends CaseEventType>(
  requestId: string,
  prevHash: string | null,
  event: CaseEvent<T>,
  createdAt = new Date(),
) {
  const chained = { requestId, ...event, payload: checkedPayload(event.type, event.payload), createdAt };
  return { ...chained, prevHash, hash: eventHash(prevHash, chained) };
}

/**
 * Appends an event to a case's trail, chained to the previous one. Call it inside a transaction that
 * holds the case's row lock (lib/case-file/with-case.ts), so two events never take the same predecessor.
 */
export async function appendEvent<T extends CaseEventType>(
  tx: Tx,
  requestId: string,
  event: CaseEvent<T>,
): Promise<void> {
  const last = await tx.requestEvent.findFirst({
    where: { requestId },
    orderBy: { id: "desc" },
    select: { hash: true },
  });
  const row = chainEvent(requestId, last?.hash ?? null, event);
  await tx.requestEvent.create({ data: { ...row, payload: row.payload as object } });
  // A change of a health actor's part is also told to the actor's software, in the same transaction.
  await queuePartCallbacks(tx, requestId, event.type, row.payload);
}

/** Locks a case's row for the rest of the transaction (events are appended one at a time). */
export async function lockCase(tx: Tx, requestId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "RightsRequest" WHERE id = ${requestId}::uuid FOR UPDATE`;
}
