import { appendEvent, lockCase } from "@/lib/case-file/events";
import type { Db } from "@/lib/db";
import { registryOf } from "@/lib/registry/registry-of";
import { OPEN_STATUSES } from "@/lib/case-file/state-machine";
import { RIGHT_EFFECTS } from "./effects-by-right";
import { RIGHTS } from "./rights";

/** The rights that take effect before the answer, and those of them that wait for their details. */
const IMMEDIATE = RIGHTS.filter((key) => RIGHT_EFFECTS[key]?.immediate);
const WAITING = IMMEDIATE.filter((key) => RIGHT_EFFECTS[key]!.immediate!.waitsForDetails);

/**
 * The worker's step (with forwarding): applies the immediate effects of the cases that are ready
 * (identity established, still open, not yet applied, and not to be clarified when the right waits
 * for its details), each once, under the case's lock. What was done before stays lawful and
 * unchanged; the DPO still answers the part, with the letter.
 */
export async function applyImmediateEffects(db: Db, now = new Date(), limit = 100): Promise<number> {
  const ready = await db.rightsRequest.findMany({
    where: {
      right: { in: IMMEDIATE },
      status: { in: [...OPEN_STATUSES] },
      effectsAppliedAt: null,
      identityStatus: { in: ["verified", "accepted"] },
      NOT: { right: { in: WAITING }, needsClarification: true },
    },
    select: { id: true },
    take: limit,
  });
  for (const { id } of ready) {
    await db.$transaction(async (tx) => {
      await lockCase(tx, id);
      const request = await tx.rightsRequest.findUniqueOrThrow({
        where: { id },
        select: {
          id: true,
          reference: true,
          right: true,
          subjectPatientId: true,
          registryVersion: true,
          effectsAppliedAt: true,
          details: true,
          parts: { where: { handler: "platform" }, select: { activities: true } },
        },
      });
      if (request.effectsAppliedAt) return;
      const effect = RIGHT_EFFECTS[request.right]!.immediate!;
      const covered = request.parts.flatMap((p) => p.activities);
      const done = await effect.apply(tx, request, covered, await registryOf(tx, request.registryVersion), now);
      await tx.rightsRequest.update({ where: { id }, data: { effectsAppliedAt: now } });
      await appendEvent(tx, id, {
        type: "immediate_effects",
        actorType: "system",
        actorId: null,
        payload: { ...done, at: now.toISOString() },
      });
    });
  }
  return ready.length;
}
