import type { ReactNode } from "react";
import { SiteHeader } from "@/components/site-header";
import { pageLocale } from "@/lib/i18n/page-locale";

/** The patient pages: the portal's header and navigation. */
export default async function PatientLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const locale = await pageLocale(params);
  return (
    <>
      <SiteHeader locale={locale} />
      <div id="content" tabIndex={-1}>
        {children}
      </div>
    </>
  );
}
