import { cookies } from "next/headers";
import { routeMethods } from "@/lib/api/methods";
import { handleApi, MAX_SMALL_FORM_BYTES, readForm } from "@/lib/api/respond";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { isForeignOrigin } from "@/lib/http/same-origin";
import { isLocale } from "@/lib/i18n/locale";
import { EMAIL_PROOF_COOKIE } from "@/lib/identity/email-proof";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token", EMAIL_PROOF_COOKIE];

/** Ends the patient's session (JWT cookie) and any e-mail-code proof, then returns home. */
async function signOut(request: Request) {
  return handleApi(request, async () => {
    // A form of this site only: another site cannot sign a visitor out.
    if (isForeignOrigin(request))
      throw new AppError("forbidden", { fr: "Formulaire d'un autre site.", en: "A form from another site." });
    const appUrl = new URL(env().APP_URL);
    const locale = (await readForm(request, MAX_SMALL_FORM_BYTES).catch(() => null))?.get("locale");
    const jar = await cookies();
    // Expire each cookie with the attributes it was set with ("__Secure-" ones must be Secure).
    for (const name of SESSION_COOKIES) {
      jar.set(name, "", {
        path: "/",
        maxAge: 0,
        httpOnly: true,
        sameSite: "lax",
        secure: appUrl.protocol === "https:" || name.startsWith("__Secure-"),
      });
    }
    return Response.redirect(new URL(`/${isLocale(locale) ? locale : "fr"}`, appUrl), 303);
  });
}

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ POST: signOut });
