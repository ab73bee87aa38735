import { cookies } from "next/headers";
import { env } from "@/lib/env";
import { isForeignOrigin } from "@/lib/http/same-origin";
import { isLocale } from "@/lib/i18n/locale";
import { EMAIL_PROOF_COOKIE } from "@/lib/identity/email-proof";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token", EMAIL_PROOF_COOKIE];

/** Ends the patient's session (JWT cookie) and any e-mail-code proof, then returns home. */
export async function POST(request: Request) {
  // A form of this site only: another site cannot sign a visitor out.
  if (isForeignOrigin(request)) return new Response(null, { status: 403 });
  const appUrl = new URL(env().APP_URL);
  const form = await request.formData().catch(() => null);
  const locale = form?.get("locale");
  const jar = await cookies();
  // Expire each cookie with the attributes it was set with ("__Secure-" ones must be Secure).
  for (const name of SESSION_COOKIES) {
    jar.set(name, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure: appUrl.protocol === "https:" || name.startsWith("__Secure-") });
  }
  return Response.redirect(new URL(`/${isLocale(locale) ? locale : "fr"}`, appUrl), 303);
}
