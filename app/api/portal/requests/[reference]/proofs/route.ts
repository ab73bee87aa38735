import { json } from "@/lib/api/respond";
import { db } from "@/lib/db";
import { AppError, runAction } from "@/lib/errors/app-error";
import { checkPortalUpload } from "@/lib/http/portal-upload";
import { completeProofs } from "@/lib/identity/complete-proofs";
import { proofsFromForm } from "@/lib/identity/store-proofs";
import { REFERENCE_PATTERN } from "@/lib/requests/reference";
import { answeringRequester } from "@/lib/requests/requester-access";
import { getStorage, MAX_UPLOAD_BYTES } from "@/lib/storage";

const MAX_BODY_BYTES = 3 * MAX_UPLOAD_BYTES + 64 * 1024;

/**
 * The requester sends the proofs their request still waits for (multipart `proof_<kind>`), from
 * "Mes demandes" signed in, or through the e-mail's answer link (`?jeton=`).
 */
export async function POST(request: Request, { params }: { params: Promise<{ reference: string }> }) {
  const { lang, refusal } = checkPortalUpload(request, MAX_BODY_BYTES);
  if (refusal) return refusal;
  const { reference } = await params;
  const result = await runAction(lang, async () => {
    const email = await answeringRequester(reference, new URL(request.url).searchParams.get("jeton"));
    if (!email) throw new AppError("unauthenticated", { fr: "Connectez-vous pour envoyer un justificatif.", en: "Sign in to send a proof." });
    if (!REFERENCE_PATTERN.test(reference)) throw new AppError("not_found", { fr: "Demande introuvable.", en: "Request not found." });
    return completeProofs(db(), getStorage(), reference, email, await proofsFromForm(await request.formData()));
  });
  return json(result);
}
