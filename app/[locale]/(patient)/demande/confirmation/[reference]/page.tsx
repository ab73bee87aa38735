import type { Metadata } from "next";
import { db } from "@/lib/db";
import { registryOf } from "@/lib/registry/registry-of";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PartsTable } from "@/components/parts-table";
import { formatDay, formatInstant } from "@/lib/i18n/format";
import { pageLocale } from "@/lib/i18n/page-locale";
import { messages } from "@/lib/i18n/messages";
import { findRequesterCase, provenEmails } from "@/lib/requests/requester-access";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  return { title: messages(await pageLocale(params)).confirmation.title };
}

export default async function ConfirmationPage({ params }: { params: Promise<{ locale: string; reference: string }> }) {
  const locale = await pageLocale(params);
  const { reference } = await params;
  const t = messages(locale).confirmation;
  const request = await findRequesterCase(reference, await provenEmails({ includeCode: true }));
  if (!request) notFound();
  return (
    <main className="narrow">
      <h1>{t.title}</h1>
      <div className="notice ok" role="status">
        <dl className="summary">
          <dt>{t.reference}</dt>
          <dd>
            <strong>{request.reference}</strong>
          </dd>
          <dt>{t.receivedAt}</dt>
          <dd>{formatInstant(request.receivedAt, locale)}</dd>
          <dt>{t.due}</dt>
          <dd>{formatDay(request.dueDate, locale)}</dd>
        </dl>
      </div>
      <h2>{t.parts}</h2>
      <PartsTable
        request={request}
        locale={locale}
        audience="requester"
        registry={await registryOf(db(), request.registryVersion)}
      />
      {request.identityStatus === "documents_required" ? <p className="notice warn">{t.docsNeeded}</p> : null}
      <h2>{t.next}</h2>
      <p>{t.nextText}</p>
      <div className="actions">
        <a className="button" href={`/${locale}/demande/recu/${request.reference}`} download>
          {t.receipt}
        </a>
        <Link className="button secondary" href={`/${locale}/mes-demandes`}>
          {t.myCases}
        </Link>
      </div>
    </main>
  );
}
