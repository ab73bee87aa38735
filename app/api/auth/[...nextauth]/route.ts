import NextAuth from "next-auth";
import { routeMethods } from "@/lib/api/methods";
import { readForm } from "@/lib/api/respond";
import { authOptions, callbackLocale, consumeSignInLink } from "@/lib/auth/next-auth";
import { toAppError } from "@/lib/errors/app-error";
import { clientIpFrom } from "@/lib/http/client-ip";
import { ZSendEmailCode } from "@/lib/identity/email-code.schema";

const SIGN_IN_FORM_BYTES = 16 * 1024;

type Context = { params: Promise<{ nextauth: string[] }> };

const handler = (request: Request, context: Context) => NextAuth(authOptions())(request, context);

/**
 * Sign-in links are limited per address and per client address before Auth.js sends one: a refusal
 * answers 429 with Retry-After and says, in the page's language, how many minutes to wait. A form
 * too large or not a form is refused before Auth.js sees it.
 */
async function post(request: Request, context: Context) {
  const { nextauth } = await context.params;
  if (nextauth.join("/") === "signin/email") {
    let form: FormData | null = null;
    try {
      // A copy of the body, read with a cap (a sign-in form is a few hundred bytes); Auth.js reads the original.
      form = await readForm(request.clone(), SIGN_IN_FORM_BYTES);
      const email = ZSendEmailCode.safeParse({ email: form.get("email") });
      await consumeSignInLink(email.success ? email.data.email : null, clientIpFrom(request.headers));
    } catch (error) {
      // The sign-in form reads the page to go to; its "error=" says why no link was sent, and the
      // message says it in the page's language (how long to wait, when too many links were asked).
      const refused = toAppError(error);
      if (!refused) throw error;
      const callbackUrl = form?.get("callbackUrl");
      const locale = callbackLocale(typeof callbackUrl === "string" ? callbackUrl : null);
      const reason = refused.code === "unavailable" ? "Unavailable" : "RateLimited";
      const headers = refused.retryAfterSeconds ? { "Retry-After": String(refused.retryAfterSeconds) } : undefined;
      return Response.json(
        {
          url: `${new URL(request.url).origin}/${locale}/connexion?error=${reason}`,
          error: { code: refused.code, message: refused.userMessage[locale] },
        },
        { status: refused.status, headers },
      );
    }
  }
  return handler(request, context);
}

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: handler, POST: post });
