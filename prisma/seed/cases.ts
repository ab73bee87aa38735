import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";
import { submitWebRequest } from "@/lib/requests/submit-web-request";
import type { FileStorage } from "@/lib/storage";
import { DEMO_PATIENTS, DEMO_RELATIVES } from "./demo";

/** Files a request as the patient form does, the account holder signed in, with a proof of parental authority if given. */
export async function fileAsAccountHolder(
  db: Db,
  storage: FileStorage,
  holder: { firstName: string; lastName: string; email: string },
  payload: Record<string, unknown>,
  proof: Uint8Array | null = null,
) {
  const form = new FormData();
  form.set("submissionId", randomUUID());
  form.set(
    "payload",
    JSON.stringify({
      ...payload,
      requester: { firstName: holder.firstName, lastName: holder.lastName, email: holder.email },
    }),
  );
  if (proof)
    form.set(
      "proof_parental_authority",
      new File([Buffer.from(proof)], "livret-de-famille.pdf", { type: "application/pdf" }),
    );
  const { request } = await submitWebRequest(db, storage, form, { sessionEmail: holder.email, codeEmail: null });
  return request;
}

const fileAsCamille = (db: Db, storage: FileStorage, payload: Record<string, unknown>, proof: Uint8Array | null) =>
  fileAsAccountHolder(db, storage, DEMO_PATIENTS.camille, payload, proof);

/**
 * A case as the patient form files it: Camille, signed in, asks access to her son Léo's data with a
 * proof of parental authority (`proof`, the bytes of a PDF; null: sent without it, so it is awaited).
 * Used by the tests of the back office.
 */
export function fileParentCase(
  db: Db,
  storage: FileStorage,
  proof: Uint8Array | null,
  right: "access" | "erasure" = "access",
) {
  const leo = DEMO_RELATIVES.leo;
  return fileAsCamille(
    db,
    storage,
    {
      right,
      subject: { relation: "minor", firstName: leo.firstName, lastName: leo.lastName, birthDate: leo.birthDate },
    },
    proof,
  );
}

/** Camille, signed in, exercises a right on her own data: her identity is verified at once. */
export function fileSelfCase(
  db: Db,
  storage: FileStorage,
  right: "access" | "erasure" | "consent_withdrawal" | "objection" | "portability" | "rectification" | "restriction",
  scope: { healthActorIds?: string[]; activities?: string[] } = {},
  details: Record<string, unknown> = {},
) {
  const camille = DEMO_PATIENTS.camille;
  return fileAsCamille(
    db,
    storage,
    {
      right,
      scope,
      details,
      subject: {
        relation: "self",
        firstName: camille.firstName,
        lastName: camille.lastName,
        birthDate: camille.birthDate,
      },
    },
    null,
  );
}
