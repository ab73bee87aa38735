import { appendEvent, lockCase } from "@/lib/case-file/events";
import type { Db } from "@/lib/db";
import type { FileStorage } from "@/lib/storage";

/** Deletes identity files from storage, then records it. Safe to repeat (the worker's sweep does). */
export async function deleteProofFiles(
  db: Db,
  storage: FileStorage,
  proofs: { id: string; storageKey: string | null }[],
): Promise<void> {
  for (const proof of proofs) {
    if (!proof.storageKey) continue;
    await storage.delete(proof.storageKey);
    await db.identityProof.update({ where: { id: proof.id }, data: { storageKey: null, fileDeletedAt: new Date() } });
  }
}

/** Days after which the proofs of an identity check the requester never completed are deleted. */
export const ABANDONED_UPLOAD_DAYS = 30;

/**
 * Deletes the files of abandoned uploads: proofs sent for a check still missing a document
 * (`documents_required`), older than ABANDONED_UPLOAD_DAYS, of a case that has waited that long for
 * the rest (a document the DPO asked for only lately leaves the earlier ones to examine). Nothing
 * justifies keeping an identity document for a check that never took place (EDPB 01/2022 §79). Each
 * case records what went, when. Returns how many files were deleted.
 */
export async function sweepAbandonedProofs(
  db: Db,
  storage: FileStorage,
  now = new Date(),
  limit = 500,
): Promise<number> {
  const cutoff = new Date(now.getTime() - ABANDONED_UPLOAD_DAYS * 86_400_000);
  const proofs = await db.identityProof.findMany({
    where: {
      storageKey: { not: null },
      uploadedAt: { lt: cutoff },
      request: { identityStatus: "documents_required", pausedSince: { lt: cutoff } },
    },
    select: { id: true, storageKey: true, kind: true, requestId: true },
    orderBy: { uploadedAt: "asc" },
    take: limit,
  });
  const byCase = new Map<string, typeof proofs>();
  for (const proof of proofs) byCase.set(proof.requestId, [...(byCase.get(proof.requestId) ?? []), proof]);
  for (const [requestId, files] of byCase) {
    await deleteProofFiles(db, storage, files);
    await db.$transaction(async (tx) => {
      await lockCase(tx, requestId);
      await appendEvent(tx, requestId, {
        type: "proofs_abandoned",
        actorType: "system",
        actorId: null,
        payload: { kinds: files.map((f) => f.kind), afterDays: ABANDONED_UPLOAD_DAYS },
      });
    });
  }
  return proofs.length;
}
