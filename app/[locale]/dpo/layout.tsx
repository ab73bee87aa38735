import Link from "next/link";
import type { ReactNode } from "react";
import { LanguageSwitch } from "@/components/language-switch";
import { can } from "@/lib/auth/permissions";
import { fill } from "@/lib/i18n/fill";
import { messages } from "@/lib/i18n/messages";
import { pageLocale } from "@/lib/i18n/page-locale";
import { currentStaff } from "@/lib/staff/current-staff";

/** The DPO back office: its own header; each page checks the viewer and the permission matrix. */
export default async function BackOfficeLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const locale = await pageLocale(params);
  const t = messages(locale);
  const viewer = await currentStaff();
  return (
    <>
      <header className="site-header">
        <div className="bar">
          <Link className="brand" href={`/${locale}/dpo`}>
            {t.backoffice.title}
          </Link>
          <nav className="site-nav" aria-label={t.common.mainNav}>
            <ul>
              {viewer ? (
                <>
                  <li>
                    <Link href={`/${locale}/dpo`}>{t.backoffice.queue}</Link>
                  </li>
                  <li>
                    <Link href={`/${locale}/dpo/enregistrer`}>{t.backoffice.registerRequest}</Link>
                  </li>
                  <li>
                    <Link href={`/${locale}/dpo/tableau-de-bord`}>{t.backoffice.dashboard}</Link>
                  </li>
                  {can(viewer.role, "api_tokens.manage") ? (
                    <li>
                      <Link href={`/${locale}/dpo/jetons`}>{t.backoffice.tokens}</Link>
                    </li>
                  ) : null}
                  {can(viewer.role, "audit.verify") ? (
                    <li>
                      <Link href={`/${locale}/dpo/audit`}>{t.backoffice.audit}</Link>
                    </li>
                  ) : null}
                  <li>
                    <span className="hint">{fill(t.backoffice.signedInAs, { name: viewer.name, role: t.backoffice.roles[viewer.role] })}</span>
                  </li>
                  <li>
                    <form action="/api/staff/sign-out" method="post">
                      <input type="hidden" name="locale" value={locale} />
                      <button className="link-button" type="submit">
                        {t.backoffice.signOut}
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
