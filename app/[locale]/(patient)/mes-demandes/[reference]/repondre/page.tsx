import { RIGHT_DEFINITIONS } from "@/lib/rights";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { type AnswerNotice, AwaitedAnswer } from "@/components/awaited-answer";
import { requesterByAnswerLink } from "@/lib/requests/answer-link";
import { db } from "@/lib/db";
import { fill } from "@/lib/i18n/fill";
import { messages } from "@/lib/i18n/messages";
import { pageLocale } from "@/lib/i18n/page-locale";
import { awaitedProofs } from "@/lib/identity/complete-proofs";
import { REFERENCE_PATTERN } from "@/lib/validation/ids";
import { findRequesterCase } from "@/lib/requests/requester-access";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string; reference: string }>;
}): Promise<Metadata> {
  const { reference } = await params;
  return {
    title: fill(messages(await pageLocale(params)).cases.answerTitle, { reference }),
    robots: { index: false, follow: false },
  };
}

/**
 * The page of the e-mail's answer link (lib/cases/answer-link.ts): the requester answers without
 * signing in. It shows only what is asked and the form to answer; the rest of the case stays behind
 * the sign-in of "Mes demandes".
 */
export default async function AnswerPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; reference: string }>;
  searchParams: Promise<{ jeton?: string; repondu?: string; justificatif?: string }>;
}) {
  const locale = await pageLocale(params);
  const { reference } = await params;
  const { jeton, repondu, justificatif } = await searchParams;
  if (!REFERENCE_PATTERN.test(reference)) notFound();
  const t = messages(locale);
  const notice: AnswerNotice | undefined = repondu ? "repondu" : justificatif ? "justificatif" : undefined;
  const email = await requesterByAnswerLink(db(), reference, jeton ?? null);
  const request = email ? await findRequesterCase(reference, [email]) : null;
  const title = fill(t.cases.answerTitle, { reference });
  if (!request) {
    // Once answered the link is spent: the answer's own notice still shows.
    return (
      <main className="narrow">
        <h1>{title}</h1>
        {notice === "repondu" ? (
          <p className="notice ok" role="status">
            {t.cases.replied}
          </p>
        ) : null}
        {notice === "justificatif" ? (
          <p className="notice ok" role="status">
            {t.cases.proofsReceived}
          </p>
        ) : null}
        {notice ? null : <p className="notice warn">{t.cases.answerLinkInvalid}</p>}
        <p>
          <a href={`/${locale}/connexion?callbackUrl=${encodeURIComponent(`/${locale}/mes-demandes/${reference}`)}`}>
            {t.cases.answerSignIn}
          </a>
        </p>
      </main>
    );
  }
  const here = (flag: AnswerNotice) =>
    `/${locale}/mes-demandes/${reference}/repondre?${new URLSearchParams({ jeton: jeton!, [flag]: "1" })}`;
  return (
    <main className="narrow">
      <h1>{title}</h1>
      <p>{RIGHT_DEFINITIONS[request.right].title[locale]}</p>
      <AwaitedAnswer
        locale={locale}
        request={request}
        awaited={await awaitedProofs(db(), request.id)}
        answerLink={jeton}
        doneUrls={{ repondu: here("repondu"), justificatif: here("justificatif") }}
        notice={notice}
      />
    </main>
  );
}
