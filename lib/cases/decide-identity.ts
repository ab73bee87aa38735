import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { nextStatus } from "@/lib/case-file/state-machine";
import { deleteProofFiles } from "@/lib/identity/delete-proof-files";
import type { FileStorage } from "@/lib/storage";
import { identityUndecided } from "@/lib/case-file/awaiting-requester";
import { notifyRequester } from "./notify-requester";
import { resumeClock } from "@/lib/case-file/resume-clock";
import { type CaseActor, recordEvent, withCase } from "@/lib/case-file/with-case";
import type { TIdentityDecision } from "@/lib/cases/case-action.schema";

/**
 * The DPO's identity decision. The case keeps the decision, who took it, when, and the kinds of
 * document; the files themselves are deleted from storage at once (EDPB 01/2022 §79). Accepting starts
 * the clock again if it was paused; the requester is told by e-mail either way.
 */
export async function decideIdentity(
  db: Db,
  storage: FileStorage,
  reference: string,
  input: TIdentityDecision,
  actor: CaseActor,
  now = new Date(),
): Promise<void> {
  const proofs = await withCase(db, reference, async (tx, request) => {
    if (!identityUndecided(request.identityStatus)) {
      throw new AppError("conflict", {
        fr: "L'identité de cette demande est déjà décidée.",
        en: "The identity of this request is already decided.",
      });
    }
    const status = nextStatus(
      request.status,
      input.decision === "accepted" ? "identity_accepted" : "identity_rejected",
    );
    await resumeClock(tx, request, now);
    await tx.rightsRequest.update({ where: { id: request.id }, data: { status, identityStatus: input.decision } });
    const proofs = await tx.identityProof.findMany({
      where: { requestId: request.id },
      select: { id: true, kind: true, storageKey: true },
    });
    await recordEvent(tx, request.id, `identity_${input.decision}`, actor, {
      reason: input.reason ?? null,
      documents: proofs.map((p) => p.kind),
    });
    await notifyRequester(
      tx,
      request,
      input.decision === "accepted"
        ? { kind: "identity_accepted" }
        : { kind: "identity_rejected", reason: input.reason! },
    );
    return proofs;
  });
  await deleteProofFiles(db, storage, proofs);
}
