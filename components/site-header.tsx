import Link from "next/link";
import { signedInEmail } from "@/lib/auth/session";
import type { Locale } from "@/lib/i18n/locale";
import { messages } from "@/lib/i18n/messages";
import { LanguageSwitch } from "./language-switch";
import { SignOutForm } from "./sign-out-form";

export async function SiteHeader({ locale }: { locale: Locale }) {
  const t = messages(locale).common;
  const email = await signedInEmail();
  return (
    <header className="site-header">
      <div className="bar">
        <Link className="brand" href={`/${locale}`}>
          {t.appName}
        </Link>
        <nav className="site-nav" aria-label={t.mainNav}>
          <ul>
            <li>
              <Link href={`/${locale}/demande`}>{t.nav.file}</Link>
            </li>
            <li>
              <Link href={`/${locale}/mes-demandes`}>{t.nav.cases}</Link>
            </li>
            <li>
              <Link href={`/${locale}/registre`}>{t.nav.registry}</Link>
            </li>
            <li>
              {email ? (
                <SignOutForm action="/api/portal/sign-out" locale={locale} label={t.nav.signOut} />
              ) : (
                <Link href={`/${locale}/connexion`}>{t.nav.signIn}</Link>
              )}
            </li>
            <li>
              <LanguageSwitch locale={locale} label={t.otherLanguage} title={t.otherLanguageLabel} />
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
