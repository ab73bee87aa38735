import type { Locale } from "@/lib/i18n/locale";
import { messages } from "@/lib/i18n/messages";
import { PROOF_KINDS } from "@/lib/identity/assess-identity";
import { ActionForm } from "./action-form";

type Result = { ok: true } | { ok: false; message: string; fields: { path: string; message: string }[] } | null;

/**
 * Asking the requester, from the DPO's case page: a question e-mailed with the link to answer (the
 * clock stops), and while the identity is checked the documents to send with the answer.
 */
export function AskRequesterForm({
  locale,
  action,
  askDocuments,
  suggestion,
}: {
  locale: Locale;
  action: (previous: Result, form: FormData) => Promise<Result>;
  /** The identity is still to decide: documents may be asked. */
  askDocuments: boolean;
  /** A question to start from (what the request lacks). */
  suggestion?: string;
}) {
  const t = messages(locale);
  const b = t.backoffice;
  return (
    <div className="card">
      <ActionForm id="info" action={action} submitLabel={b.requestInfoSubmit}>
        <label htmlFor="info-message">{b.requestInfoLabel}</label>
        <textarea id="info-message" name="message" defaultValue={suggestion} />
        {askDocuments ? (
          <fieldset>
            <legend>{b.requestInfoDocuments}</legend>
            {PROOF_KINDS.map((kind) => (
              <label key={kind} className="choice">
                <input type="checkbox" name="documents" value={kind} /> <span>{t.form.proofs[kind]}</span>
              </label>
            ))}
          </fieldset>
        ) : null}
      </ActionForm>
    </div>
  );
}
