import { routeMethods } from "@/lib/api/methods";
import { db } from "@/lib/db";
import { AppError, runAction } from "@/lib/errors/app-error";
import { checkPortalUpload, readUploadForm, uploadAnswer } from "@/lib/http/portal-upload";
import { completeProofs } from "@/lib/identity/complete-proofs";
import { proofsFromForm } from "@/lib/identity/store-proofs";
import { answeringRequester } from "@/lib/requests/requester-access";
import { getStorage, MAX_UPLOAD_BYTES } from "@/lib/storage";
import { requireReference } from "@/lib/validation/ids";

const MAX_BODY_BYTES = 3 * MAX_UPLOAD_BYTES + 64 * 1024;

/**
 * The requester sends the proofs their request still waits for (multipart `proof_<kind>`), from
 * "Mes demandes" signed in, or through the e-mail's answer link (`?jeton=`): the body is read only
 * once they are known.
 */
async function send(request: Request, { params }: { params: Promise<{ reference: string }> }) {
  const { lang, refusal } = checkPortalUpload(request, MAX_BODY_BYTES);
  if (refusal) return refusal;
  const result = await runAction(lang, async () => {
    const reference = requireReference((await params).reference);
    const email = await answeringRequester(reference, new URL(request.url).searchParams.get("jeton"));
    if (!email) throw new AppError("unauthenticated", { fr: "Connectez-vous pour envoyer un justificatif.", en: "Sign in to send a proof." });
    const form = await readUploadForm(request, MAX_BODY_BYTES);
    return completeProofs(db(), getStorage(), reference, email, await proofsFromForm(form));
  });
  return uploadAnswer(result);
}

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ POST: send });
