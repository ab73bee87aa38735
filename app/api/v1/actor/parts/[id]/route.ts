import { routeMethods } from "@/lib/api/methods";
import { handleApi, json, notFound } from "@/lib/api/respond";
import { authorizeActorKey } from "@/lib/actors/api-keys";
import { loadActorPart, presentActorPart } from "@/lib/actors/inbox";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/validation/ids";

const NOT_FOUND = {
  fr: "Aucune demande à ce numéro pour votre structure.",
  en: "No request with this id for your organisation.",
};

/** One part of the key's health actor. Another actor's part is not found. */
async function read(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleApi(request, async (locale) => {
    const caller = await authorizeActorKey(db(), request.headers.get("authorization"));
    const { id } = await params;
    const part = isUuid(id) ? await loadActorPart(db(), [caller.healthActorId], id) : null;
    if (!part) throw notFound(NOT_FOUND);
    return json(presentActorPart(part, locale));
  });
}

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: read });
