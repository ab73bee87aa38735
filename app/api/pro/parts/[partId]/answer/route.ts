import { routeMethods } from "@/lib/api/methods";
import { memberActor } from "@/lib/actors/current-member";
import { answerActorPart, ZActorAnswer } from "@/lib/actors/part-actions";
import { db } from "@/lib/db";
import { AppError, runAction } from "@/lib/errors/app-error";
import { checkPortalUpload, readUploadForm, uploadAnswer } from "@/lib/api/portal-upload";
import { getStorage, MAX_UPLOAD_BYTES } from "@/lib/storage";
import { requireUuid } from "@/lib/validation/ids";

const MAX_BODY_BYTES = MAX_UPLOAD_BYTES + 64 * 1024;

/**
 * A member answers a part from the inbox (multipart: `mode`, and `file` or `sentOn` + `channel`).
 * Signed in as a member first: the body is read only then.
 */
async function answer(request: Request, { params }: { params: Promise<{ partId: string }> }) {
  const { lang, refusal } = checkPortalUpload(request, MAX_BODY_BYTES);
  if (refusal) return refusal;
  const result = await runAction(lang, async () => {
    const member = await memberActor();
    const partId = requireUuid(
      (await params).partId,
      () => new AppError("not_found", { fr: "Demande introuvable.", en: "Request not found." }),
    );
    const form = await readUploadForm(request, MAX_BODY_BYTES);
    const text = (name: string) => (typeof form.get(name) === "string" ? String(form.get(name)) : undefined);
    const input = ZActorAnswer.parse({
      mode: text("mode"),
      sentOn: text("sentOn") || undefined,
      channel: text("channel"),
    });
    const file = form.get("file");
    const bytes = file instanceof Blob && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : null;
    await answerActorPart(db(), getStorage(), member, partId, input, bytes);
    return {};
  });
  return uploadAnswer(result);
}

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ POST: answer });
