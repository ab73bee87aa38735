import type { ComponentProps } from "react";
import type { Locale } from "@/lib/i18n/locale";
import { messages } from "@/lib/i18n/messages";
import { PROOF_KINDS } from "@/lib/identity/assess-identity";
import { ActionForm } from "./form/action-form";
import { ChoiceField, TextField } from "./form/fields";

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
  action: ComponentProps<typeof ActionForm>["action"];
  /** The identity is still to decide: documents may be asked. */
  askDocuments: boolean;
  /** A question to start from (what the request lacks). */
  suggestion?: string;
}) {
  const t = messages(locale);
  const b = t.backoffice;
  return (
    <div className="card">
      <ActionForm
        id="info"
        form="case.request_information"
        locale={locale}
        action={action}
        submitLabel={b.requestInfoSubmit}
      >
        <TextField name="message" label={b.requestInfoLabel} multiline defaultValue={suggestion} />
        {askDocuments ? (
          <ChoiceField
            name="documents"
            legend={b.requestInfoDocuments}
            multiple
            options={PROOF_KINDS.map((kind) => ({ value: kind, label: t.form.proofs[kind] }))}
          />
        ) : null}
      </ActionForm>
    </div>
  );
}
