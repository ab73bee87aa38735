import { type ActionResult, AppError, runAction } from "@/lib/errors/app-error";
import { checkPortalUpload, readUploadForm, uploadAnswer } from "@/lib/api/portal-upload";
import type { Localized } from "@/lib/registry/types";
import { MAX_UPLOAD_BYTES } from "@/lib/storage";
import { requireReference } from "@/lib/validation/ids";
import { answeringRequester } from "./requester-access";

/** Three files and the text that may come with them. */
const MAX_BODY_BYTES = 3 * MAX_UPLOAD_BYTES + 64 * 1024;

export interface RequesterUpload {
  reference: string;
  /** The requester's proven address: the operation scopes the case by it. */
  email: string;
  form: FormData;
}

/**
 * The route of an upload a requester makes to one of their cases (multipart), from "Mes demandes"
 * signed in or through the e-mail's answer link (`?jeton=`): posted from this site's pages, the
 * requester known before the body is read, the body cut at its cap whatever its transfer.
 */
export function requesterUploadRoute<T extends object>(
  signInFirst: Localized,
  handle: (upload: RequesterUpload) => Promise<T>,
) {
  return async (request: Request, { params }: { params: Promise<{ reference: string }> }): Promise<Response> => {
    const { lang, refusal } = checkPortalUpload(request, MAX_BODY_BYTES);
    if (refusal) return refusal;
    const result: ActionResult<T> = await runAction(lang, async () => {
      const reference = requireReference((await params).reference);
      const email = await answeringRequester(reference, new URL(request.url).searchParams.get("jeton"));
      if (!email) throw new AppError("unauthenticated", signInFirst);
      return handle({ reference, email, form: await readUploadForm(request, MAX_BODY_BYTES) });
    });
    return uploadAnswer(result);
  };
}
