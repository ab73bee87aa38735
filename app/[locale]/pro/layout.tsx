import Link from "next/link";
import type { ReactNode } from "react";
import { LanguageSwitch } from "@/components/language-switch";
import { currentMember } from "@/lib/actors/current-member";
import { fill } from "@/lib/i18n/fill";
import { messages } from "@/lib/i18n/messages";
import { pageLocale } from "@/lib/i18n/page-locale";

/** The health actors' space: its own header; each page checks the member and scopes every read. */
export default async function ActorLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const locale = await pageLocale(params);
  const t = messages(locale);
  const viewer = await currentMember();
  return (
    <>
      <header className="site-header">
        <div className="bar">
          <Link className="brand" href={`/${locale}/pro`}>
            {t.pro.title}
          </Link>
          <nav className="site-nav" aria-label={t.common.mainNav}>
            <ul>
              {viewer ? (
                <>
                  <li>
                    <Link href={`/${locale}/pro`}>{t.pro.inbox}</Link>
                  </li>
                  {viewer.memberships.some((m) => m.role === "admin") ? (
                    <>
                      <li>
                        <Link href={`/${locale}/pro/membres`}>{t.pro.members}</Link>
                      </li>
                      <li>
                        <Link href={`/${locale}/pro/integration`}>{t.pro.integration}</Link>
                      </li>
                    </>
                  ) : null}
                  <li>
                    <span className="hint">{fill(t.pro.signedInAs, { email: viewer.email })}</span>
                  </li>
                  <li>
                    <form action="/api/portal/sign-out" method="post">
                      <input type="hidden" name="locale" value={locale} />
                      <button className="link-button" type="submit">
                        {t.pro.signOut}
                      </button>
                    </form>
                  </li>
                </>
              ) : null}
              <li>
                <LanguageSwitch locale={locale} label={t.common.otherLanguage} title={t.common.otherLanguageLabel} />
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <div id="content" tabIndex={-1}>
        {children}
      </div>
    </>
  );
}
