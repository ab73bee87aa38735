import { cookies } from "next/headers";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { isLocale } from "@/lib/i18n/locale";
import { STAFF_COOKIE, staffCookieOptions } from "@/lib/staff/current-staff";
import { endSession } from "@/lib/staff/sign-in";

/** Ends the staff session (revoked server-side, cookie expired). */
export async function POST(request: Request) {
  const appUrl = new URL(env().APP_URL);
  const origin = request.headers.get("origin");
  if (origin && origin !== appUrl.origin) return new Response(null, { status: 403 });
  const form = await request.formData().catch(() => null);
  const locale = form?.get("locale");
  const jar = await cookies();
  const token = jar.get(STAFF_COOKIE)?.value;
  if (token) await endSession(db(), token);
  jar.set(STAFF_COOKIE, "", staffCookieOptions(0));
  return Response.redirect(new URL(`/${isLocale(locale) ? locale : "fr"}/dpo/connexion`, appUrl), 303);
}
