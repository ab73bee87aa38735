import { randomUUID } from "node:crypto";
import { AppError, type FieldError } from "@/lib/errors/app-error";
import { checkUpload, MAX_UPLOAD_BYTES, type FileStorage } from "@/lib/storage";
import { PROOF_KINDS, type ProofKind } from "./assess-identity";

/** A proof file in storage, as a case records it. */
export interface StoredProof {
  kind: ProofKind;
  storageKey: string;
  contentType: string;
  size: number;
}

export interface UploadedProof {
  kind: ProofKind;
  bytes: Uint8Array;
}

/** Proof files from a multipart form: fields named `proof_<kind>`. Empty inputs are ignored. */
export async function proofsFromForm(form: FormData): Promise<UploadedProof[]> {
  const uploads: UploadedProof[] = [];
  const fields: FieldError[] = [];
  for (const kind of PROOF_KINDS) {
    const file = form.get(`proof_${kind}`);
    if (!(file instanceof Blob) || file.size === 0) continue;
    if (file.size > MAX_UPLOAD_BYTES) {
      fields.push({ path: `proofs.${kind}`, key: "file_size" });
      continue;
    }
    uploads.push({ kind, bytes: new Uint8Array(await file.arrayBuffer()) });
  }
  if (fields.length) throw AppError.validation(fields);
  return uploads;
}

/**
 * Checks each file's real type from its content (PDF, JPEG, PNG only) and stores it encrypted.
 * Returns the stored proofs and a cleanup that deletes them if the case cannot be written.
 */
export async function storeProofs(
  storage: FileStorage,
  uploads: UploadedProof[],
): Promise<{ proofs: StoredProof[]; discard: (which?: StoredProof[]) => Promise<void> }> {
  const fields: FieldError[] = [];
  const checked = uploads.map((u) => ({ upload: u, check: checkUpload(u.bytes) }));
  for (const { upload, check } of checked) {
    if (!check.ok)
      fields.push({ path: `proofs.${upload.kind}`, key: check.reason === "too_large" ? "file_size" : "file_type" });
  }
  if (fields.length) throw AppError.validation(fields);

  const proofs: StoredProof[] = [];
  const discard = async (which: StoredProof[] = proofs) => {
    await Promise.all(which.map((p) => storage.delete(p.storageKey)));
  };
  try {
    for (const { upload, check } of checked) {
      if (!check.ok) continue;
      const key = `proofs/${randomUUID()}`;
      await storage.put(key, Buffer.from(upload.bytes), { contentType: check.contentType });
      proofs.push({ kind: upload.kind, storageKey: key, contentType: check.contentType, size: check.size });
    }
  } catch (error) {
    await discard();
    throw error;
  }
  return { proofs, discard };
}
