import { cookies } from "next/headers";
import { env } from "@/lib/env";
import { isLocale } from "@/lib/i18n/locale";
import { EMAIL_PROOF_COOKIE } from "@/lib/identity/email-proof";

/** Ends the patient's session (JWT cookie) and any e-mail-code proof, then returns home. */
export async function POST(request: Request) {
  const form = await request.formData().catch(() => null);
  const locale = form?.get("locale");
  const jar = await cookies();
  for (const name of ["next-auth.session-token", "__Secure-next-auth.session-token", EMAIL_PROOF_COOKIE]) jar.delete(name);
  return Response.redirect(new URL(`/${isLocale(locale) ? locale : "fr"}`, env().APP_URL), 303);
}
