import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The outbox of the health actors' status callbacks: a case event that changes a part writes, in
 * its transaction, a WebhookDelivery for the part's actor (lib/actors/webhooks.ts delivers them).
 */

/** The case events that change a part, and the callback each becomes. */
export const PART_CALLBACKS: Record<string, string> = {
  forward: "part.forwarded",
  actor_acknowledged: "part.acknowledged",
  actor_answer: "part.answered",
  actor_decline: "part.declined",
  actor_instruction: "part.instruction_executed",
  actor_overdue: "part.overdue",
  answer_part: "part.answered_by_platform",
  withdraw: "part.withdrawn",
};

/**
 * Writes the callbacks of a case event (inside its transaction): for the part it names, or for
 * every health actor's part of the case when the requester withdrew it. Nothing when the actor has
 * no webhook. One statement.
 */
export async function queuePartCallbacks(
  tx: Tx,
  requestId: string,
  type: string,
  payload: Record<string, unknown>,
): Promise<void> {
  const event = PART_CALLBACKS[type];
  if (!event) return;
  const partId = typeof payload.partId === "string" ? payload.partId : null;
  if (!partId && type !== "withdraw") return;
  // Only parts the actor received: one never forwarded is none of its business.
  const which = partId
    ? Prisma.sql`p.id = ${partId}::uuid AND p."forwardedAt" IS NOT NULL`
    : Prisma.sql`p."requestId" = ${requestId}::uuid AND p."forwardedAt" IS NOT NULL`;
  await tx.$executeRaw`
    INSERT INTO "WebhookDelivery" ("id", "webhookId", "partId", "event", "payload", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), w.id, p.id, ${event}::text,
      jsonb_build_object('event', ${event}::text, 'occurredAt', now(), 'part',
        jsonb_build_object('id', p.id, 'reference', r.reference, 'status', p.status, 'dueDate', p."dueDate")),
      now(), now()
    FROM "RequestPart" p
    JOIN "RightsRequest" r ON r.id = p."requestId"
    JOIN "ActorWebhook" w ON w."healthActorId" = p."healthActorId"
    WHERE ${which}`;
}
