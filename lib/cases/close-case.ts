import type { Db } from "@/lib/db";
import { nextStatus } from "@/lib/requests/state-machine";
import { notifyRequester } from "./notify-requester";
import { type CaseActor, recordEvent, withCase } from "./with-case";

/** Closes a case: every part answered, or no answer to a request for information. */
export async function closeCase(db: Db, reference: string, actor: CaseActor): Promise<void> {
  await withCase(db, reference, async (tx, request) => {
    const status = nextStatus(request.status, "close");
    await tx.rightsRequest.update({ where: { id: request.id }, data: { status, pausedSince: null } });
    await recordEvent(tx, request.id, "close", actor, {});
    await notifyRequester(tx, request, { kind: "closed" });
  });
}
