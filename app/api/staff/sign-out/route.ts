import { cookies } from "next/headers";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { isForeignOrigin } from "@/lib/http/same-origin";
import { isLocale } from "@/lib/i18n/locale";
import { STAFF_COOKIE, staffCookieOptions } from "@/lib/staff/current-staff";
import { endSession } from "@/lib/staff/sign-in";

/** Ends the staff session (revoked server-side, cookie expired). */
export async function POST(request: Request) {
  if (isForeignOrigin(request)) return new Response(null, { status: 403 });
  const form = await request.formData().catch(() => null);
  const locale = form?.get("locale");
  const jar = await cookies();
  const token = jar.get(STAFF_COOKIE)?.value;
  if (token) await endSession(db(), token);
  jar.set(STAFF_COOKIE, "", staffCookieOptions(0));
  return Response.redirect(new URL(`/${isLocale(locale) ? locale : "fr"}/dpo/connexion`, env().APP_URL), 303);
}
