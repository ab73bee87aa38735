import { json } from "@/lib/api/respond";
import { memberActor } from "@/lib/actors/current-member";
import { answerActorPart, ZActorAnswer } from "@/lib/actors/part-actions";
import { db } from "@/lib/db";
import { runAction } from "@/lib/errors/app-error";
import { checkPortalUpload } from "@/lib/http/portal-upload";
import { getStorage, MAX_UPLOAD_BYTES } from "@/lib/storage";

/** A member answers a part from the inbox (multipart: `mode`, and `file` or `sentOn` + `channel`). */
export async function POST(request: Request, { params }: { params: Promise<{ partId: string }> }) {
  const { lang, refusal } = checkPortalUpload(request, MAX_UPLOAD_BYTES + 64 * 1024);
  if (refusal) return refusal;
  const { partId } = await params;
  const result = await runAction(lang, async () => {
    const member = await memberActor();
    const form = await request.formData();
    const text = (name: string) => (typeof form.get(name) === "string" ? String(form.get(name)) : undefined);
    const input = ZActorAnswer.parse({ mode: text("mode"), sentOn: text("sentOn") || undefined, channel: text("channel") });
    const file = form.get("file");
    const bytes = file instanceof Blob && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : null;
    await answerActorPart(db(), getStorage(), member, partId, input, bytes);
    return {};
  });
  return json(result);
}
