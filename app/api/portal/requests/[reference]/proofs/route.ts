import { routeMethods } from "@/lib/api/methods";
import { db } from "@/lib/db";
import { completeProofs } from "@/lib/identity/complete-proofs";
import { proofsFromForm } from "@/lib/identity/store-proofs";
import { requesterUploadRoute } from "@/lib/requests/requester-upload";
import { getStorage } from "@/lib/storage";

/** The requester sends the proofs their request still waits for (multipart `proof_<kind>`). */
const send = requesterUploadRoute(
  { fr: "Connectez-vous pour envoyer un justificatif.", en: "Sign in to send a proof." },
  async ({ reference, email, form }) =>
    completeProofs(db(), getStorage(), reference, email, await proofsFromForm(form)),
);

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ POST: send });
