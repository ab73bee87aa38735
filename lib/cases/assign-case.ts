import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { type CaseActor, recordEvent, withCase } from "@/lib/case-file/with-case";

/** Assigns a case to a DPO agent (or unassigns it with null). */
export async function assignCase(db: Db, reference: string, agentId: string | null, actor: CaseActor): Promise<void> {
  await withCase(db, reference, async (tx, request) => {
    if (agentId) {
      const agent = await tx.staffUser.findFirst({ where: { id: agentId, disabledAt: null }, select: { id: true } });
      if (!agent) throw AppError.validation([{ path: "agentId", key: "unknown_agent" }]);
    }
    await tx.rightsRequest.update({ where: { id: request.id }, data: { assigneeId: agentId } });
    await recordEvent(tx, request.id, "assign", actor, { agentId });
  });
}
