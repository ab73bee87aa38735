import { routeMethods } from "@/lib/api/methods";
import { db } from "@/lib/db";
import { runAction } from "@/lib/errors/app-error";
import { checkPortalUpload, readUploadForm, uploadAnswer } from "@/lib/api/portal-upload";
import { webIdentity } from "@/lib/requests/requester-access";
import { submitWebRequest } from "@/lib/requests/submit-web-request";
import { getStorage, MAX_UPLOAD_BYTES } from "@/lib/storage";

/** Room for the JSON answers and three proofs of MAX_UPLOAD_BYTES. */
const MAX_BODY_BYTES = 3 * MAX_UPLOAD_BYTES + 256 * 1024;

/**
 * The patient form's submission (multipart: the answers as JSON, a submission id, the proofs).
 * A route of its own so the size limit applies here only; the answer has the server actions' shape.
 */
async function submit(request: Request) {
  const { lang, refusal } = checkPortalUpload(request, MAX_BODY_BYTES);
  if (refusal) return refusal;
  const result = await runAction(lang, async () => {
    const form = await readUploadForm(request, MAX_BODY_BYTES);
    const { request: created } = await submitWebRequest(db(), getStorage(), form, await webIdentity());
    return { reference: created.reference };
  });
  return uploadAnswer(result, 201);
}

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ POST: submit });
