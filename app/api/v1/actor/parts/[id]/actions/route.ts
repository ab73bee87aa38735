import { handleApi, json, notFound, readJson } from "@/lib/api/respond";
import { asMember, authorizeActorKey } from "@/lib/actors/api-keys";
import { loadActorPart, presentActorPart } from "@/lib/actors/inbox";
import { MAX_ACTOR_ACTION_BYTES, runActorAction } from "@/lib/actors/run-actor-action";
import { db } from "@/lib/db";
import { getStorage } from "@/lib/storage";

/** An action of the key's health actor on one of its parts; the answer is the updated part (with the platform's report of an instruction). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleApi(request, async (locale) => {
    const caller = await authorizeActorKey(db(), request.headers.get("authorization"));
    const body = await readJson(request, MAX_ACTOR_ACTION_BYTES);
    const { id } = await params;
    const report = await runActorAction(db(), getStorage(), asMember(caller), id, body);
    const part = await loadActorPart(db(), [caller.healthActorId], id);
    if (!part) throw notFound({ fr: "Demande introuvable.", en: "Request not found." });
    return json({ ...presentActorPart(part, locale), ...(report ? { instruction: report } : {}) });
  });
}
