import type { Locale } from "@/lib/i18n/locale";
import { RadioFieldset } from "@/components/radio-fieldset";
import { fill } from "@/lib/i18n/fill";
import { messages } from "@/lib/i18n/messages";
import type { Activity } from "@/lib/registry/types";
import { PORTABILITY_FORMATS } from "@/lib/rights/portability";
import { RESTRICTION_GROUNDS } from "@/lib/rights/restriction";
import type { DetailField } from "@/lib/rights/missing-details";
import { ActionForm } from "./action-form";

type Result = { ok: true } | { ok: false; message: string; fields: { path: string; message: string }[] } | null;

/**
 * A request flagged to clarify (lib/rights/missing-details.ts), on the DPO's case page: what it
 * lacks, and, for an agent who may answer, the form recording what the requester clarified. The
 * question itself goes through the form asking the requester (components/ask-requester-form.tsx).
 */
export function CaseClarification({
  locale,
  missing,
  activities,
  action,
}: {
  locale: Locale;
  missing: DetailField[];
  /** The registry's processing the case was filed under (the consents a withdrawal may name). */
  activities: Activity[];
  /** The "clarify" case action; null when the viewer may not record it. */
  action: ((previous: Result, form: FormData) => Promise<Result>) | null;
}) {
  if (missing.length === 0) return null;
  const t = messages(locale);
  const b = t.backoffice;
  const f = t.form;
  const fields = missing.map((m) => b.clarifyFields[m]).join(", ");
  return (
    <section aria-labelledby="clarify-title" className="card">
      <h2 id="clarify-title">
        {b.clarifyTitle} <span className="tag">{b.clarifyTag}</span>
      </h2>
      <p>{fill(b.clarifyIntro, { fields })}</p>
      {action ? (
        <ActionForm id="clarify" action={action} submitLabel={b.clarifySubmit}>
          {missing.includes("rectifications")
            ? [0, 1, 2].map((i) => (
                <fieldset key={i}>
                  <legend>{fill(b.rectifyRow, { n: i + 1 })}</legend>
                  <label htmlFor={`rect_field_${i}`}>{f.rectField}</label>
                  <input id={`rect_field_${i}`} name={`rect_field_${i}`} autoComplete="off" />
                  <label htmlFor={`rect_current_${i}`}>{f.rectCurrent}</label>
                  <input id={`rect_current_${i}`} name={`rect_current_${i}`} autoComplete="off" />
                  <label htmlFor={`rect_corrected_${i}`}>{f.rectCorrected}</label>
                  <input id={`rect_corrected_${i}`} name={`rect_corrected_${i}`} autoComplete="off" />
                </fieldset>
              ))
            : null}
          {missing.includes("consents") ? (
            <fieldset>
              <legend>{f.consentsLegend}</legend>
              {activities
                .filter((a) => a.controller === "platform" && a.legalBases.includes("consent"))
                .map((a) => (
                  <label key={a.key} className="choice">
                    <input type="checkbox" name="consents" value={a.key} /> <span>{a.purpose[locale]}</span>
                  </label>
                ))}
            </fieldset>
          ) : null}
          {missing.includes("portabilityFormat") ? (
            <RadioFieldset
              legend={f.formatLegend}
              name="portabilityFormat"
              options={PORTABILITY_FORMATS.map((v) => ({ value: v, label: v.toUpperCase() }))}
            />
          ) : null}
          {missing.includes("restrictionGround") ? (
            <RadioFieldset
              legend={f.restrictionLegend}
              name="restrictionGround"
              options={RESTRICTION_GROUNDS.map((v) => ({ value: v, label: f.restrictionGrounds[v] }))}
            />
          ) : null}
          {missing.includes("directives") ? (
            <>
              <label htmlFor="clarify-directives">{f.directives}</label>
              <textarea id="clarify-directives" name="directives" />
            </>
          ) : null}
          {missing.includes("objectionGrounds") ? (
            <>
              <label htmlFor="clarify-objection">{f.objectionGrounds}</label>
              <textarea id="clarify-objection" name="objectionGrounds" />
            </>
          ) : null}
        </ActionForm>
      ) : null}
    </section>
  );
}
