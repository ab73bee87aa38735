import { RIGHT_DEFINITIONS } from "@/lib/rights";
import type { Metadata } from "next";
import Link from "next/link";
import { signedInEmail } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { requesterParts } from "@/lib/requests/disclosure";
import { formatDay, formatInstant } from "@/lib/i18n/format";
import { pageLocale } from "@/lib/i18n/page-locale";
import { messages } from "@/lib/i18n/messages";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  return { title: messages(await pageLocale(params)).cases.title };
}

export default async function MyCasesPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await pageLocale(params);
  const t = messages(locale);
  const email = await signedInEmail();
  if (!email) {
    return (
      <main className="narrow">
        <h1>{t.cases.title}</h1>
        <p>{t.cases.signInNeeded}</p>
        <Link
          className="button"
          href={`/${locale}/connexion?callbackUrl=${encodeURIComponent(`/${locale}/mes-demandes`)}`}
        >
          {t.common.nav.signIn}
        </Link>
      </main>
    );
  }
  // Scoped to the signed-in address in the query itself.
  const cases = await db().rightsRequest.findMany({
    where: { requesterEmail: email },
    select: {
      reference: true,
      right: true,
      status: true,
      receivedAt: true,
      dueDate: true,
      subjectFirstName: true,
      subjectLastName: true,
      parts: { select: { id: true, visibleToRequester: true, healthActor: { select: { name: true } } } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
  });
  return (
    <main>
      <h1>{t.cases.title}</h1>
      {cases.length === 0 ? (
        <p>
          {t.cases.empty} <Link href={`/${locale}/demande`}>{t.common.nav.file}</Link>
        </p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t.cases.title}</caption>
            <thead>
              <tr>
                <th scope="col">{t.cases.reference}</th>
                <th scope="col">{t.cases.right}</th>
                <th scope="col">{t.cases.receivedAt}</th>
                <th scope="col">{t.cases.status}</th>
                <th scope="col">{t.cases.due}</th>
                <th scope="col">{t.cases.parts}</th>
              </tr>
            </thead>
            <tbody>
              {cases.map((c) => (
                <tr key={c.reference}>
                  <td>
                    <Link href={`/${locale}/mes-demandes/${c.reference}`}>{c.reference}</Link>
                  </td>
                  <td>
                    {RIGHT_DEFINITIONS[c.right].title[locale]}
                    <br />
                    <span className="hint">
                      {c.subjectFirstName} {c.subjectLastName}
                    </span>
                  </td>
                  <td>{formatInstant(c.receivedAt, locale)}</td>
                  <td>{t.cases.statuses[c.status]}</td>
                  <td>{formatDay(c.dueDate, locale)}</td>
                  <td>
                    {requesterParts(c.parts, false)
                      .visible.map((p) => p.healthActor?.name ?? t.cases.platform)
                      .join(", ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
