import type { Db } from "@/lib/db";
import type { FileStorage } from "@/lib/storage";

/** Deletes identity files from storage, then records it. Safe to repeat (the worker's sweep does). */
export async function deleteProofFiles(db: Db, storage: FileStorage, proofs: { id: string; storageKey: string | null }[]): Promise<void> {
  for (const proof of proofs) {
    if (!proof.storageKey) continue;
    await storage.delete(proof.storageKey);
    await db.identityProof.update({ where: { id: proof.id }, data: { storageKey: null, fileDeletedAt: new Date() } });
  }
}
