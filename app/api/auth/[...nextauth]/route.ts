import NextAuth from "next-auth";
import { authOptions, callbackLocale, consumeSignInLink } from "@/lib/auth/next-auth";
import { toAppError } from "@/lib/errors/app-error";
import { clientIpFrom } from "@/lib/http/client-ip";
import { ZSendEmailCode } from "@/lib/identity/email-code.schema";

type Context = { params: Promise<{ nextauth: string[] }> };

const handler = (request: Request, context: Context) => NextAuth(authOptions())(request, context);

/**
 * Sign-in links are limited per address and per client address before Auth.js sends one: a refusal
 * answers 429 with Retry-After and says, in the page's language, how many minutes to wait.
 */
async function post(request: Request, context: Context) {
  const { nextauth } = await context.params;
  if (nextauth.join("/") === "signin/email") {
    const form = await request.clone().formData().catch(() => null);
    const email = ZSendEmailCode.safeParse({ email: form?.get("email") });
    try {
      await consumeSignInLink(email.success ? email.data.email : null, clientIpFrom(request.headers));
    } catch (error) {
      const limited = toAppError(error);
      if (limited?.code !== "rate_limited") throw error;
      const callbackUrl = form?.get("callbackUrl");
      const locale = callbackLocale(typeof callbackUrl === "string" ? callbackUrl : null);
      return Response.json(
        { url: `${new URL(request.url).origin}/${locale}/connexion?error=RateLimited`, error: { code: limited.code, message: limited.userMessage[locale] } },
        { status: 429, headers: { "Retry-After": String(limited.retryAfterSeconds ?? 60) } },
      );
    }
  }
  return handler(request, context);
}

export { handler as GET, post as POST };
