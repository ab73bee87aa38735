import type { AuthOptions } from "next-auth";
import type { Adapter, AdapterUser } from "next-auth/adapters";
import EmailProvider from "next-auth/providers/email";
import { db } from "@/lib/db";
import { queueEmail } from "@/lib/email/outbox";
import { magicLinkEmail } from "@/lib/email/templates/magic-link";
import { env } from "@/lib/env";
import { isDatabaseUnavailable } from "@/lib/errors/db-unavailable";
import { isLocale } from "@/lib/i18n/locale";
import { emailAddress } from "@/lib/validation/text";
import { consumeRateLimit } from "@/lib/rate-limit";
import type { Locale } from "@/lib/i18n/locale";

const toAdapterUser = (u: { id: string; email: string; emailVerified: Date | null }): AdapterUser => ({
  id: u.id,
  email: u.email,
  emailVerified: u.emailVerified,
});

/** The little of an Auth.js adapter that e-mail sign-in with JWT sessions uses. */
const adapter: Adapter = {
  async createUser(user: Omit<AdapterUser, "id">) {
    const row = await db().portalUser.upsert({
      where: { email: user.email },
      create: { email: user.email, emailVerified: user.emailVerified },
      update: {},
    });
    return toAdapterUser(row);
  },
  async getUser(id) {
    const row = await db().portalUser.findUnique({ where: { id } });
    return row ? toAdapterUser(row) : null;
  },
  async getUserByEmail(email) {
    const row = await db().portalUser.findUnique({ where: { email } });
    return row ? toAdapterUser(row) : null;
  },
  async getUserByAccount() {
    return null;
  },
  async updateUser(user) {
    const row = await db().portalUser.update({
      where: { id: user.id },
      data: { emailVerified: user.emailVerified ?? undefined },
    });
    return toAdapterUser(row);
  },
  async linkAccount() {
    return null;
  },
  async createVerificationToken(token) {
    await db().verificationToken.create({ data: token });
    return token;
  },
  async useVerificationToken({ identifier, token }) {
    try {
      return await db().verificationToken.delete({ where: { identifier_token: { identifier, token } } });
    } catch (error) {
      // No such token: the link is invalid or already used. A database that cannot answer says
      // nothing about the link: Auth.js then reports a failed sign-in, not an invalid link.
      if (isDatabaseUnavailable(error)) throw error;
      return null;
    }
  },
};

export const SESSION_MAX_AGE_SECONDS = 8 * 3600;

/** The language of the page a sign-in was asked from: its callback's first path segment. */
export function callbackLocale(callbackUrl: string | null): Locale {
  if (!callbackUrl || !URL.canParse(callbackUrl, env().APP_URL)) return "fr";
  const segment = new URL(callbackUrl, env().APP_URL).pathname.split("/")[1];
  return isLocale(segment) ? segment : "fr";
}

/**
 * Counts one sign-in link asked for `email` from `ip`: 5 an hour per address and 30 per client
 * address by default (MAGIC_LINKS_PER_ADDRESS_PER_HOUR, MAGIC_LINKS_PER_IP_PER_HOUR). Past either,
 * an AppError "rate_limited" that says when to try again.
 */
export async function consumeSignInLink(email: string | null, ip: string): Promise<void> {
  await consumeRateLimit(db(), `magic-link:ip:${ip}`, env().MAGIC_LINKS_PER_IP_PER_HOUR, 3600);
  if (email) await consumeRateLimit(db(), `magic-link:${email}`, env().MAGIC_LINKS_PER_ADDRESS_PER_HOUR, 3600);
}

export function authOptions(): AuthOptions {
  return {
    adapter,
    secret: env().AUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/fr/connexion", verifyRequest: "/fr/connexion/verifiez", error: "/fr/connexion" },
    providers: [
      EmailProvider({
        from: env().MAIL_FROM,
        maxAge: 15 * 60,
        // One well-formed address, nothing else (no lists, no display names): the schema of every form.
        normalizeIdentifier: (identifier) => {
          const parsed = emailAddress.safeParse(identifier);
          if (!parsed.success) throw new Error("invalid e-mail address");
          return parsed.data;
        },
        // Links asked are limited per address and per client address before this runs
        // (app/api/auth/[...nextauth]/route.ts), so that a refusal can say how long to wait.
        async sendVerificationRequest({ identifier, url, expires }) {
          const locale = callbackLocale(new URL(url).searchParams.get("callbackUrl"));
          // The link's own expiry: a link the outbox could not send in time is dropped, never sent dead.
          await queueEmail(db(), identifier, magicLinkEmail(locale, url), { ephemeral: true, expiresAt: expires });
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) token.email = user.email;
        return token;
      },
      async session({ session, token }) {
        session.user = { email: token.email ?? null };
        return session;
      },
    },
  };
}
