import { cookies } from "next/headers";
import { routeMethods } from "@/lib/api/methods";
import { handleApi, MAX_SMALL_FORM_BYTES, readForm } from "@/lib/api/respond";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { isForeignOrigin } from "@/lib/http/same-origin";
import { isLocale } from "@/lib/i18n/locale";
import { STAFF_COOKIE, staffCookieOptions } from "@/lib/staff/current-staff";
import { endSession } from "@/lib/staff/sign-in";

/** Ends the staff session (revoked server-side, cookie expired). */
async function signOut(request: Request) {
  return handleApi(request, async () => {
    if (isForeignOrigin(request))
      throw new AppError("forbidden", { fr: "Formulaire d'un autre site.", en: "A form from another site." });
    const locale = (await readForm(request, MAX_SMALL_FORM_BYTES).catch(() => null))?.get("locale");
    const jar = await cookies();
    const token = jar.get(STAFF_COOKIE)?.value;
    if (token) await endSession(db(), token);
    jar.set(STAFF_COOKIE, "", staffCookieOptions(0));
    return Response.redirect(new URL(`/${isLocale(locale) ? locale : "fr"}/dpo/connexion`, env().APP_URL), 303);
  });
}

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ POST: signOut });
