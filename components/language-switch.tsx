"use client";

import { usePathname } from "next/navigation";
import type { Locale } from "@/lib/i18n/locale";

/** Links to the same page in the other language. */
export function LanguageSwitch({ locale, label, title }: { locale: Locale; label: string; title: string }) {
  const pathname = usePathname() ?? `/${locale}`;
  const other: Locale = locale === "fr" ? "en" : "fr";
  const href = pathname.replace(/^\/(fr|en)(?=\/|$)/, `/${other}`);
  return (
    <a href={href} hrefLang={other} lang={other} title={title}>
      {label}
    </a>
  );
}
