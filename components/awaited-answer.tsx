import { readPayload } from "@/lib/case-file/event-types";
import type { ProofKind } from "@/lib/identity/assess-identity";
import type { Locale } from "@/lib/i18n/locale";
import { messages } from "@/lib/i18n/messages";
import { InformationAnswerForm } from "./information-answer-form";
import { ProofUploadForm } from "./proof-upload-form";

export type AnswerNotice = "repondu" | "justificatif";

/**
 * What a case waits for from its requester, and the form to send it: the open question (text, and
 * the documents asked with it), or the identification documents still missing. Shown in "Mes
 * demandes" and on the page of the e-mail's answer link (`answerLink`); `doneUrls` are the pages
 * opened after each kind of answer, and `notice` the answer just sent.
 */
export function AwaitedAnswer({
  locale,
  request,
  awaited,
  answerLink,
  doneUrls,
  notice,
}: {
  locale: Locale;
  request: { reference: string; status: string; events: { type: string; payload: unknown }[] };
  awaited: ProofKind[] | null;
  answerLink?: string;
  doneUrls: Record<AnswerNotice, string>;
  notice?: AnswerNotice;
}) {
  const t = messages(locale);
  const kinds = (awaited ?? []).map((kind) => ({ kind, label: t.form.proofs[kind] }));
  const asked =
    request.status === "awaiting_information"
      ? request.events.findLast((e) => e.type === "request_information")
      : undefined;
  const question = asked ? (readPayload("request_information", asked)?.message ?? "") : null;
  const documentsAwaited = request.status === "awaiting_identity" && kinds.length > 0;
  return (
    <>
      {notice === "repondu" ? (
        <p className="notice ok" role="status">
          {documentsAwaited ? t.cases.repliedDocumentsAwaited : t.cases.replied}
        </p>
      ) : null}
      {notice === "justificatif" ? (
        <p className="notice ok" role="status">
          {documentsAwaited ? t.cases.proofsPartly : t.cases.proofsReceived}
        </p>
      ) : null}
      {documentsAwaited ? (
        <section className="card" aria-labelledby="proofs-title">
          <h2 id="proofs-title">{t.cases.proofsTitle}</h2>
          <p>{t.cases.proofsIntro}</p>
          <ProofUploadForm
            locale={locale}
            reference={request.reference}
            kinds={kinds}
            answerLink={answerLink}
            doneUrl={doneUrls.justificatif}
            t={{ hint: t.form.proofsHint, submit: t.cases.proofsSubmit, sendError: t.cases.proofsSendError }}
          />
        </section>
      ) : null}
      {question !== null ? (
        <section className="card" aria-labelledby="reply-title">
          <h2 id="reply-title">{t.cases.replyTitle}</h2>
          <p>{t.cases.replyIntro}</p>
          <blockquote>{question}</blockquote>
          <InformationAnswerForm
            locale={locale}
            reference={request.reference}
            kinds={kinds}
            answerLink={answerLink}
            doneUrl={doneUrls.repondu}
            t={{
              label: t.cases.replyLabel,
              either: t.cases.replyEither,
              documents: t.cases.replyDocuments,
              hint: t.form.proofsHint,
              submit: t.cases.replySubmit,
              sendError: t.cases.proofsSendError,
            }}
          />
        </section>
      ) : null}
    </>
  );
}
