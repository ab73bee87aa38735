import { routeMethods } from "@/lib/api/methods";
import { handleApi, notFound } from "@/lib/api/respond";
import { packageResponse } from "@/lib/actors/assistance-package";
import { memberActor } from "@/lib/actors/current-member";
import { loadActorPart, packageScopeOf } from "@/lib/actors/inbox";
import { recordPackageDownload } from "@/lib/actors/part-actions";
import { db } from "@/lib/db";
import { isLocale } from "@/lib/i18n/locale";
import { isUuid } from "@/lib/validation/ids";

/**
 * The assistance package of a part, for its actor's members only: `?format=zip` (JSON and CSV,
 * streamed) or `?format=pdf` (the report). Each download is recorded in the case's trail.
 */
async function download(request: Request, { params }: { params: Promise<{ locale: string; partId: string }> }) {
  return handleApi(request, async () => {
    const { locale, partId } = await params;
    const format = new URL(request.url).searchParams.get("format") === "pdf" ? "pdf" : "zip";
    const member = await memberActor();
    const part = isUuid(partId)
      ? await loadActorPart(
          db(),
          member.memberships.map((m) => m.healthActorId),
          partId,
        )
      : null;
    if (!part) throw notFound({ fr: "Demande introuvable.", en: "Request not found." });
    await recordPackageDownload(db(), member, part.id, format);
    return packageResponse(db(), packageScopeOf(part), format, isLocale(locale) ? locale : "fr");
  });
}

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: download });
