import type { Metadata } from "next";
import { SignInForm } from "@/components/sign-in-form";
import { pageLocale } from "@/lib/i18n/page-locale";
import { messages } from "@/lib/i18n/messages";

/** Auth.js's errors where the server, not the link, failed (lib/auth/next-auth.ts, the sign-in route). */
const SERVER_FAILURES = ["Unavailable", "Callback", "EmailSignin"];

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  return { title: messages(await pageLocale(params)).signIn.title };
}

export default async function SignInPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  const locale = await pageLocale(params);
  const { callbackUrl, error } = await searchParams;
  const all = messages(locale);
  const t = all.signIn;
  // Only a path of this site is a valid destination after sign-in.
  const destination =
    callbackUrl && /^\/(fr|en)(\/[\w\-/]*)?$/.test(callbackUrl) ? callbackUrl : `/${locale}/mes-demandes`;
  return (
    <main className="narrow">
      <h1>{t.title}</h1>
      {error ? (
        <p className="notice warn" role="alert">
          {SERVER_FAILURES.includes(error) ? t.unavailable : t.error}
        </p>
      ) : null}
      <p>{t.intro}</p>
      <SignInForm
        locale={locale}
        callbackUrl={destination}
        t={{ email: all.form.email, submit: t.submit, error: t.error }}
      />
    </main>
  );
}
