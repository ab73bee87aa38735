import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { findRequesterExport, isAvailable } from "@/lib/rights/access/data-export";
import { db } from "@/lib/db";
import { fill } from "@/lib/i18n/fill";
import { formatInstant } from "@/lib/i18n/format";
import { messages } from "@/lib/i18n/messages";
import { pageLocale } from "@/lib/i18n/page-locale";
import { provenEmails } from "@/lib/requests/requester-access";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  return { title: messages(await pageLocale(params)).cases.copyTitle };
}

const size = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} Ko` : `${(bytes / 1024 / 1024).toFixed(1)} Mo`;

/**
 * The requester's access copy: its two files while the window is open; once it has closed, a page
 * that says so (the files are gone), never an error.
 */
export default async function CopyPage({
  params,
}: {
  params: Promise<{ locale: string; reference: string; exportId: string }>;
}) {
  const locale = await pageLocale(params);
  const { reference, exportId } = await params;
  const t = messages(locale).cases;
  const emails = await provenEmails({ includeCode: true });
  if (emails.length === 0)
    redirect(
      `/${locale}/connexion?callbackUrl=${encodeURIComponent(`/${locale}/mes-demandes/${reference}/copie/${exportId}`)}`,
    );
  const copy = await findRequesterExport(db(), reference, emails, exportId);
  if (!copy) notFound();
  const base = `/${locale}/mes-demandes/${reference}/copie/${copy.id}/fichier`;
  return (
    <main className="narrow">
      <h1>{t.copyTitle}</h1>
      {isAvailable(copy) ? (
        <>
          <p>{fill(t.copyIntro, { date: formatInstant(copy.expiresAt, locale) })}</p>
          <ul>
            {copy.pdfKey ? (
              <li>
                <a href={`${base}?format=pdf`} download>
                  {t.copyPdf} ({size(copy.pdfBytes)})
                </a>
              </li>
            ) : null}
            <li>
              <a href={`${base}?format=zip`} download>
                {copy.kind === "portability" ? t.copyPortable : t.copyZip} ({size(copy.zipBytes)})
              </a>
            </li>
          </ul>
          <p className="hint">{t.copyCare}</p>
        </>
      ) : (
        <div className="notice warn" role="status">
          <h2>{t.copyExpiredTitle}</h2>
          <p>{fill(t.copyExpired, { date: formatInstant(copy.deletedAt ?? copy.expiresAt, locale) })}</p>
          <p>
            <a href={`/${locale}/demande?droit=access`}>{t.copyAgain}</a>
          </p>
        </div>
      )}
      <p>
        <a href={`/${locale}/mes-demandes/${reference}`}>{t.backToCase}</a>
      </p>
    </main>
  );
}
