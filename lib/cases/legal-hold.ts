import type { Db } from "@/lib/db";
import { type CaseActor, recordEvent, withCase } from "@/lib/case-file/with-case";

/** Sets or lifts a legal hold: while set, the case file outlives its retention period. */
export async function setLegalHold(db: Db, reference: string, reason: string | null, actor: CaseActor): Promise<void> {
  await withCase(db, reference, async (tx, request) => {
    await tx.rightsRequest.update({ where: { id: request.id }, data: { legalHoldReason: reason } });
    await recordEvent(tx, request.id, reason ? "legal_hold_set" : "legal_hold_released", actor, { reason });
  });
}
