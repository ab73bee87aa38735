import { routeMethods } from "@/lib/api/methods";
import { handleApi, json, notFound, readJson } from "@/lib/api/respond";
import { asMember, authorizeActorKey } from "@/lib/actors/api-keys";
import { loadActorPart, presentActorPart } from "@/lib/actors/inbox";
import { MAX_ACTOR_ACTION_BYTES, runActorAction } from "@/lib/actors/run-actor-action";
import { db } from "@/lib/db";
import { getStorage } from "@/lib/storage";
import { requireUuid } from "@/lib/validation/ids";

const NOT_FOUND = { fr: "Demande introuvable.", en: "Request not found." };

/**
 * An action of the key's health actor on one of its parts; the answer is the updated part (with the
 * platform's report of an instruction). The key is checked before the body is read.
 */
async function act(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleApi(request, async (locale) => {
    const caller = await authorizeActorKey(db(), request.headers.get("authorization"));
    const id = requireUuid((await params).id, () => notFound(NOT_FOUND));
    const body = await readJson(request, MAX_ACTOR_ACTION_BYTES);
    const report = await runActorAction(db(), getStorage(), asMember(caller), id, body);
    const part = await loadActorPart(db(), [caller.healthActorId], id);
    if (!part) throw notFound(NOT_FOUND);
    return json({ ...presentActorPart(part, locale), ...(report ? { instruction: report } : {}) });
  });
}

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ POST: act });
