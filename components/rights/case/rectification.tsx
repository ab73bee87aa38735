import { ActionForm } from "@/components/action-form";
import { fill } from "@/lib/i18n/fill";
import { messages } from "@/lib/i18n/messages";
import { RECTIFIABLE_FIELDS } from "@/lib/rights/rectification/rectifiable-fields";
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
          <ActionForm id="rectify" action={action("rectify")} submitLabel={b.rectifyApply}>
            {[0, 1, 2].map((i) => (
              <fieldset key={i}>
                <legend>{fill(b.rectifyRow, { n: i + 1 })}</legend>
                <label htmlFor={`field_${i}`}>{b.rectifyField}</label>
                <select id={`field_${i}`} name={`field_${i}`} defaultValue="">
                  <option value="">—</option>
                  {RECTIFIABLE_FIELDS.map((f) => (
                    <option key={f} value={f}>
                      {b.rectifiableFields[f]}
                    </option>
                  ))}
                </select>
                <label htmlFor={`value_${i}`}>{b.rectifyValue}</label>
                <input id={`value_${i}`} name={`value_${i}`} autoComplete="off" />
              </fieldset>
            ))}
          </ActionForm>
        </div>
      ) : null}
    </section>
  );
}

export const rectificationCase: RightCasePieces = { Panel: RectificationPanel };
