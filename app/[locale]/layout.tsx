import type { Metadata, Viewport } from "next";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { env } from "@/lib/env";
import { isLocale } from "@/lib/i18n/locale";
import { messages } from "@/lib/i18n/messages";
import "../globals.css";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const appName = messages(isLocale(locale) ? locale : "fr").common.appName;
  return {
    title: { default: appName, template: `%s · ${appName}` },
    description: appName,
    icons: {
      icon: [
        { url: "/favicon.ico", sizes: "16x16 32x32 48x48" },
        { url: "/favicon.svg", type: "image/svg+xml" },
      ],
    },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function LocaleLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const t = messages(locale);
  const demoMailbox = env().DEMO_MODE ? env().DEMO_MAILBOX_URL : undefined;
  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#content">
          {t.common.skipToContent}
        </a>
        {children}
        <footer className="site-footer">
          <p>{t.common.footer}</p>
          {demoMailbox ? (
            <p>
              <a href={demoMailbox}>{t.common.demoMailbox}</a>
            </p>
          ) : null}
        </footer>
      </body>
    </html>
  );
}
