import { packageResponse } from "@/lib/actors/assistance-package";
import { memberActor } from "@/lib/actors/current-member";
import { loadActorPart, packageScopeOf } from "@/lib/actors/inbox";
import { recordPackageDownload } from "@/lib/actors/part-actions";
import { db } from "@/lib/db";
import { toAppError } from "@/lib/errors/app-error";
import { isLocale } from "@/lib/i18n/locale";

/**
 * The assistance package of a part, for its actor's members only: `?format=zip` (JSON and CSV,
 * streamed) or `?format=pdf` (the report). Each download is recorded in the case's trail.
 */
export async function GET(request: Request, { params }: { params: Promise<{ locale: string; partId: string }> }) {
  const { locale, partId } = await params;
  const format = new URL(request.url).searchParams.get("format") === "pdf" ? "pdf" : "zip";
  try {
    const member = await memberActor();
    const part = /^[0-9a-f-]{36}$/.test(partId) ? await loadActorPart(db(), member.memberships.map((m) => m.healthActorId), partId) : null;
    if (!part) return new Response(null, { status: 404 });
    await recordPackageDownload(db(), member, part.id, format);
    return await packageResponse(db(), packageScopeOf(part), format, isLocale(locale) ? locale : "fr");
  } catch (error) {
    const known = toAppError(error);
    if (known) return new Response(null, { status: known.status });
    throw error;
  }
}
