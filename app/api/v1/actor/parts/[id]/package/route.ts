import { routeMethods } from "@/lib/api/methods";
import { handleApi, notFound } from "@/lib/api/respond";
import { packageResponse } from "@/lib/actors/assistance-package";
import { asMember, authorizeActorKey } from "@/lib/actors/api-keys";
import { loadActorPart, packageScopeOf } from "@/lib/actors/inbox";
import { recordPackageDownload } from "@/lib/actors/part-actions";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/validation/ids";

/** The assistance package of one of the key's actor's parts: `?format=zip` (default) or `pdf`. */
async function download(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleApi(request, async (locale) => {
    const caller = await authorizeActorKey(db(), request.headers.get("authorization"));
    const { id } = await params;
    const part = isUuid(id) ? await loadActorPart(db(), [caller.healthActorId], id) : null;
    if (!part)
      throw notFound({
        fr: "Aucune demande à ce numéro pour votre structure.",
        en: "No request with this id for your organisation.",
      });
    const format = new URL(request.url).searchParams.get("format") === "pdf" ? "pdf" : "zip";
    await recordPackageDownload(db(), asMember(caller), part.id, format);
    return packageResponse(db(), packageScopeOf(part), format, locale);
  });
}

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: download });
