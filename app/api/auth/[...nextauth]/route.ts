import NextAuth from "next-auth";
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
      const limited = toAppError(error);
      if (limited) return Response.json({ url: `${new URL(request.url).origin}/fr/connexion?error=RateLimited` }, { status: 429 });
      throw error;
    }
  }
  return handler(request, context);
}

export { handler as GET, post as POST };
