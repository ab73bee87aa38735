import { json } from "@/lib/api/respond";
import { replyToInformationRequest, ZRequesterReply } from "@/lib/cases/request-information";
import { db } from "@/lib/db";
import { AppError, runAction } from "@/lib/errors/app-error";
import { checkPortalUpload } from "@/lib/http/portal-upload";
import { proofsFromForm } from "@/lib/identity/store-proofs";
import { REFERENCE_PATTERN } from "@/lib/requests/reference";
import { answeringRequester } from "@/lib/requests/requester-access";
import { getStorage, MAX_UPLOAD_BYTES } from "@/lib/storage";

const MAX_BODY_BYTES = 3 * MAX_UPLOAD_BYTES + 64 * 1024;

/**
 * The requester answers a request for information (multipart: `message` and/or `proof_<kind>`),
 * signed in or through the e-mail's answer link (`?jeton=`), checked before the body is read.
 */
export async function POST(request: Request, { params }: { params: Promise<{ reference: string }> }) {
  const { lang, refusal } = checkPortalUpload(request, MAX_BODY_BYTES);
  if (refusal) return refusal;
  const { reference } = await params;
  const result = await runAction(lang, async () => {
    const email = await answeringRequester(reference, new URL(request.url).searchParams.get("jeton"));
    if (!email) throw new AppError("unauthenticated", { fr: "Connectez-vous pour répondre.", en: "Sign in to answer." });
    if (!REFERENCE_PATTERN.test(reference)) throw new AppError("not_found", { fr: "Demande introuvable.", en: "Request not found." });
    const form = await request.formData();
    const { message } = ZRequesterReply.parse({ message: form.get("message") ?? undefined });
    await replyToInformationRequest(db(), getStorage(), reference, email, { message, uploads: await proofsFromForm(form) });
    return {};
  });
  return json(result);
}
