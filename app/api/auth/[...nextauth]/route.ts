import NextAuth from "next-auth";
import { routeMethods } from "@/lib/api/methods";
import { authOptions } from "@/lib/auth/next-auth";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { toAppError } from "@/lib/errors/app-error";
import { clientIpFrom } from "@/lib/http/client-ip";
import { consumeRateLimit } from "@/lib/rate-limit";

type Context = { params: Promise<{ nextauth: string[] }> };

const handler = (request: Request, context: Context) => NextAuth(authOptions())(request, context);

/** Sign-in links are limited per client address too (per address: lib/auth/next-auth.ts). */
async function post(request: Request, context: Context) {
  const { nextauth } = await context.params;
  if (nextauth.join("/") === "signin/email") {
    try {
      await consumeRateLimit(db(), `magic-link:ip:${clientIpFrom(request.headers)}`, env().MAGIC_LINKS_PER_IP_PER_HOUR, 3600);
    } catch (error) {
      // The sign-in form reads the page to go to; its "error=" says why no link was sent.
      const refused = toAppError(error);
      if (!refused) throw error;
      const reason = refused.code === "unavailable" ? "Unavailable" : "RateLimited";
      const headers = refused.retryAfterSeconds ? { "Retry-After": String(refused.retryAfterSeconds) } : undefined;
      return Response.json({ url: `${new URL(request.url).origin}/fr/connexion?error=${reason}` }, { status: refused.status, headers });
    }
  }
  return handler(request, context);
}

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: handler, POST: post });
