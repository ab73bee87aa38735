import type { Metadata } from "next";
import { SignInForm } from "@/components/sign-in-form";
import { messages } from "@/lib/i18n/messages";
import { pageLocale } from "@/lib/i18n/page-locale";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  return { title: messages(await pageLocale(params)).pro.signInTitle };
}

/** Members of health actors sign in by magic link, as patients do; the inbox then checks membership. */
export default async function ActorSignInPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await pageLocale(params);
  const t = messages(locale);
  return (
    <main className="narrow">
      <h1>{t.pro.signInTitle}</h1>
      <p>{t.pro.signInIntro}</p>
      <SignInForm
        locale={locale}
        callbackUrl={`/${locale}/pro`}
        t={{ email: t.form.email, submit: t.signIn.submit, error: t.signIn.error }}
      />
    </main>
  );
}
