import Link from "next/link";
import type { ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locale";
import { messages } from "@/lib/i18n/messages";
import { LanguageSwitch } from "./language-switch";
import { SignOutForm } from "./sign-out-form";

/**
 * The header of a signed-in space (the DPO back office, the health actors' space): its name, its
 * links when someone is signed in, who that is, the sign-out form, and the language switch.
 */
export function SpaceHeader({
  locale,
  title,
  home,
  links,
  signedIn,
  signOut,
  children,
}: {
  locale: Locale;
  title: string;
  home: string;
  links: { href: string; label: string }[];
  /** Who is signed in (null: nobody, only the language switch shows). */
  signedIn: string | null;
  signOut: { action: string; label: string };
  children: ReactNode;
}) {
  const t = messages(locale).common;
  return (
    <>
      <header className="site-header">
        <div className="bar">
          <Link className="brand" href={home}>
            {title}
          </Link>
          <nav className="site-nav" aria-label={t.mainNav}>
            <ul>
              {signedIn !== null ? (
                <>
                  {links.map((l) => (
                    <li key={l.href}>
                      <Link href={l.href}>{l.label}</Link>
                    </li>
                  ))}
                  <li>
                    <span className="hint">{signedIn}</span>
                  </li>
                  <li>
                    <SignOutForm action={signOut.action} locale={locale} label={signOut.label} />
                  </li>
                </>
              ) : null}
              <li>
                <LanguageSwitch locale={locale} label={t.otherLanguage} title={t.otherLanguageLabel} />
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
