import type { Metadata } from "next";
import { pageLocale } from "@/lib/i18n/page-locale";
import { messages } from "@/lib/i18n/messages";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  return { title: messages(await pageLocale(params)).signIn.sentTitle };
}

export default async function CheckEmailPage({ params }: { params: Promise<{ locale: string }> }) {
  const t = messages(await pageLocale(params)).signIn;
  return (
    <main className="narrow">
      <h1>{t.sentTitle}</h1>
      <p role="status">{t.sent}</p>
    </main>
  );
}
