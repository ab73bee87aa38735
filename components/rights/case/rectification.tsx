import { ActionForm } from "@/components/form/action-form";
import { SelectField, TextField } from "@/components/form/fields";
import { fill } from "@/lib/i18n/fill";
import { messages } from "@/lib/i18n/messages";
import { RECTIFIABLE_FIELDS } from "@/lib/rights/rectification/rectifiable-fields";
import { RECTIFY_ROWS } from "@/lib/rights/rectification/rectify.schema";
import type { DetailsGiven } from "@/lib/rights/types";
import type { CasePanelProps, RightCasePieces } from "./types";

type Asked = { field: string; current?: string; corrected: string };

/** GDPR Art. 16: the corrections asked, and the form that applies them to the account. */
function RectificationPanel({ locale, request, mayAnswer, action }: CasePanelProps) {
  const b = messages(locale).backoffice;
  const asked = ((request.details as DetailsGiven).rectifications ?? []) as Asked[];
  return (
    <section aria-labelledby="rectify-title">
      <h2 id="rectify-title">{b.rectifyTitle}</h2>
      <div className="table-wrap">
        <table>
          <caption>{b.rectifyAsked}</caption>
          <thead>
            <tr>
              <th scope="col">{b.rectifyField}</th>
              <th scope="col">{b.rectifyCurrent}</th>
              <th scope="col">{b.rectifyCorrected}</th>
            </tr>
          </thead>
          <tbody>
            {asked.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the corrections as asked, a list that never changes
              <tr key={i}>
                <td>{r.field}</td>
                <td>{r.current ?? ""}</td>
                <td>{r.corrected}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {mayAnswer && (request.status === "received" || request.status === "in_progress") ? (
        <div className="card">
          <p>{b.rectifyIntro}</p>
          <ActionForm
            id="rectify"
            form="case.rectify"
            locale={locale}
            action={action("rectify")}
            submitLabel={b.rectifyApply}
          >
            {RECTIFY_ROWS.map((i) => (
              <fieldset key={i}>
                <legend>{fill(b.rectifyRow, { n: i + 1 })}</legend>
                <SelectField
                  name={`field_${i}`}
                  label={b.rectifyField}
                  defaultValue=""
                  options={[
                    { value: "", label: "—" },
                    ...RECTIFIABLE_FIELDS.map((f) => ({ value: f, label: b.rectifiableFields[f] })),
                  ]}
                />
                <TextField name={`value_${i}`} label={b.rectifyValue} />
              </fieldset>
            ))}
          </ActionForm>
        </div>
      ) : null}
    </section>
  );
}

export const rectificationCase: RightCasePieces = { Panel: RectificationPanel };
