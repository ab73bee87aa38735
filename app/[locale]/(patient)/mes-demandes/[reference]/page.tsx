import type { Metadata } from "next";
import { RecipientsList } from "@/components/recipients-list";
import { recipientsOf } from "@/lib/registry/recipients";
import { RIGHT_DEFINITIONS } from "@/lib/rights";
import { registryOf } from "@/lib/registry/registry-of";
import { notFound } from "next/navigation";
import { PartsTable } from "@/components/parts-table";
import { db } from "@/lib/db";
import { AwaitedAnswer } from "@/components/awaited-answer";
import { awaitedProofs } from "@/lib/identity/complete-proofs";
import { WithdrawForm } from "@/components/withdraw-form";
import { formatDay, formatInstant } from "@/lib/i18n/format";
import { pageLocale } from "@/lib/i18n/page-locale";
import { messages } from "@/lib/i18n/messages";
import { isAvailable } from "@/lib/rights/access/data-export";
import { fill } from "@/lib/i18n/fill";
import { requesterEvents } from "@/lib/requests/disclosure";
import { findRequesterCase, provenEmails } from "@/lib/requests/requester-access";
import { isOpen } from "@/lib/case-file/state-machine";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string; reference: string }>;
}): Promise<Metadata> {
  const { reference } = await params;
  return { title: `${messages(await pageLocale(params)).cases.title} · ${reference}` };
}

export default async function CasePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; reference: string }>;
  searchParams: Promise<{ retiree?: string; repondu?: string; justificatif?: string }>;
}) {
  const locale = await pageLocale(params);
  const { reference } = await params;
  const { retiree, repondu, justificatif } = await searchParams;
  const t = messages(locale);
  const request = await findRequesterCase(reference, await provenEmails({ includeCode: false }));
  if (!request) notFound();
  const awaited = await awaitedProofs(db(), request.id);
  // The registry the case was filed under: which health actors it reaches, whom Art. 19 tells.
  const registry = await registryOf(db(), request.registryVersion);
  const copies = await db().dataExport.findMany({
    where: { requestId: request.id },
    orderBy: { createdAt: "asc" },
    select: { id: true, expiresAt: true, deletedAt: true },
  });
  const letters = await db().caseLetter.findMany({
    where: { requestId: request.id },
    orderBy: { createdAt: "asc" },
    select: { id: true, kind: true, createdAt: true },
  });
  const told = await db().recipientNotice.findMany({
    where: { requestId: request.id, sentAt: { not: null } },
    orderBy: { sentAt: "asc" },
    select: { recipient: true, sentAt: true },
  });
  return (
    <main className="narrow">
      <h1>
        {RIGHT_DEFINITIONS[request.right].title[locale]} · {request.reference}
      </h1>
      {retiree ? (
        <p className="notice ok" role="status">
          {t.cases.withdrawn}
        </p>
      ) : null}
      <AwaitedAnswer
        locale={locale}
        request={request}
        awaited={awaited}
        doneUrls={{
          repondu: `/${locale}/mes-demandes/${request.reference}?repondu=1`,
          justificatif: `/${locale}/mes-demandes/${request.reference}?justificatif=1`,
        }}
        notice={repondu ? "repondu" : justificatif ? "justificatif" : undefined}
      />
      <dl className="summary">
        <dt>{t.cases.status}</dt>
        <dd>{t.cases.statuses[request.status]}</dd>
        <dt>{t.cases.receivedAt}</dt>
        <dd>{formatInstant(request.receivedAt, locale)}</dd>
        <dt>{t.cases.due}</dt>
        <dd>{formatDay(request.dueDate, locale)}</dd>
      </dl>
      <h2>{t.cases.parts}</h2>
      <PartsTable request={request} locale={locale} audience="requester" registry={registry} />
      <p>
        <a href={`/${locale}/demande/recu/${request.reference}`} download>
          {t.confirmation.receipt}
        </a>
      </p>
      {copies.length > 0 ? (
        <ul>
          {copies.map((c) => (
            <li key={c.id}>
              <a href={`/${locale}/mes-demandes/${request.reference}/copie/${c.id}`}>
                {isAvailable(c)
                  ? fill(t.cases.copyLink, { date: formatInstant(c.expiresAt, locale) })
                  : t.cases.copyGone}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {letters.length > 0 ? (
        <>
          <h2>{t.cases.letters}</h2>
          <ul>
            {letters.map((l) => (
              <li key={l.id}>
                <a href={`/${locale}/mes-demandes/${request.reference}/courriers/${l.id}`}>
                  {t.cases.letterKinds[l.kind]} · {formatInstant(l.createdAt, locale)}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {RIGHT_DEFINITIONS[request.right].tellsRecipients ? (
        <RecipientsList
          locale={locale}
          recipients={recipientsOf(
            registry,
            request.parts.filter((p) => p.handler === "platform").flatMap((p) => p.activities),
          )}
          told={new Map(told.map((n) => [n.recipient, n.sentAt!]))}
        />
      ) : null}
      <h2>{t.cases.timeline}</h2>
      <ol className="timeline">
        {requesterEvents(request.events, request.parts, (type) => type in t.cases.events).map((e) => (
          <li key={String(e.id)}>
            <strong>{t.cases.events[e.type]}</strong>
            <br />
            <span className="hint">{formatInstant(e.createdAt, locale)}</span>
          </li>
        ))}
      </ol>
      {isOpen(request.status) ? (
        <WithdrawForm
          locale={locale}
          reference={request.reference}
          t={{ withdraw: t.cases.withdraw, withdrawConfirm: t.cases.withdrawConfirm }}
        />
      ) : null}
    </main>
  );
}
