import type { Db } from "@/lib/db";
import { type CaseActor, recordEvent, withCase } from "@/lib/case-file/with-case";

/** An internal note on the case: seen by the DPO team only, kept in the timeline. */
export async function addNote(db: Db, reference: string, text: string, actor: CaseActor): Promise<void> {
  await withCase(db, reference, async (tx, request) => {
    await recordEvent(tx, request.id, "note", actor, { text });
  });
}
