import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";
import { submitWebRequest } from "@/lib/requests/submit-web-request";
import type { FileStorage } from "@/lib/storage";
import { DEMO_PATIENTS, DEMO_RELATIVES } from "./demo";

/**
 * A case as the patient form files it: Camille, signed in, asks access to her son Léo's data with a
 * proof of parental authority (`proof`, the bytes of a PDF; null: sent without it, so it is awaited).
 * Used by the tests of the back office.
 */
export async function fileParentCase(db: Db, storage: FileStorage, proof: Uint8Array | null, right: "access" | "erasure" = "access") {
  const camille = DEMO_PATIENTS.camille;
  const leo = DEMO_RELATIVES.leo;
  const form = new FormData();
  form.set("submissionId", randomUUID());
  form.set(
    "payload",
    JSON.stringify({
      right,
      requester: { firstName: camille.firstName, lastName: camille.lastName, email: camille.email },
      subject: { relation: "minor", firstName: leo.firstName, lastName: leo.lastName, birthDate: leo.birthDate },
    }),
  );
  if (proof) form.set("proof_parental_authority", new File([Buffer.from(proof)], "livret-de-famille.pdf", { type: "application/pdf" }));
  const { request } = await submitWebRequest(db, storage, form, { sessionEmail: camille.email, codeEmail: null });
  return request;
}
