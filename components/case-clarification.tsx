import type { ComponentProps } from "react";
import type { Locale } from "@/lib/i18n/locale";
import { fill } from "@/lib/i18n/fill";
import { messages } from "@/lib/i18n/messages";
import type { Activity } from "@/lib/registry/types";
import { PORTABILITY_FORMATS } from "@/lib/rights/portability";
import { RESTRICTION_GROUNDS } from "@/lib/rights/restriction";
import type { DetailField } from "@/lib/rights/missing-details";
import { RECTIFY_ROWS } from "@/lib/rights/rectification/rectify.schema";
import { ActionForm } from "./form/action-form";
import { ChoiceField, TextField } from "./form/fields";

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
  action: ComponentProps<typeof ActionForm>["action"] | null;
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
        <ActionForm id="clarify" form="case.clarify" locale={locale} action={action} submitLabel={b.clarifySubmit}>
          {missing.includes("rectifications")
            ? RECTIFY_ROWS.map((i) => (
                <fieldset key={i}>
                  <legend>{fill(b.rectifyRow, { n: i + 1 })}</legend>
                  <TextField name={`rect_field_${i}`} label={f.rectField} />
                  <TextField name={`rect_current_${i}`} label={f.rectCurrent} />
                  <TextField name={`rect_corrected_${i}`} label={f.rectCorrected} />
                </fieldset>
              ))
            : null}
          {missing.includes("consents") ? (
            <ChoiceField
              name="consents"
              legend={f.consentsLegend}
              multiple
              options={activities
                .filter((a) => a.controller === "platform" && a.legalBases.includes("consent"))
                .map((a) => ({ value: a.key, label: a.purpose[locale] }))}
            />
          ) : null}
          {missing.includes("portabilityFormat") ? (
            <ChoiceField
              legend={f.formatLegend}
              name="portabilityFormat"
              options={PORTABILITY_FORMATS.map((v) => ({ value: v, label: v.toUpperCase() }))}
            />
          ) : null}
          {missing.includes("restrictionGround") ? (
            <ChoiceField
              legend={f.restrictionLegend}
              name="restrictionGround"
              options={RESTRICTION_GROUNDS.map((v) => ({ value: v, label: f.restrictionGrounds[v] }))}
            />
          ) : null}
          {missing.includes("directives") ? (
            <TextField name="directives" label={f.directives} multiline errorPath="details.directives" />
          ) : null}
          {missing.includes("objectionGrounds") ? (
            <TextField
              name="objectionGrounds"
              label={f.objectionGrounds}
              multiline
              errorPath="details.objectionGrounds"
            />
          ) : null}
        </ActionForm>
      ) : null}
    </section>
  );
}
