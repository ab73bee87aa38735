import type { RightFieldsProps, RightFormPiece } from "./types";

/** The consents to withdraw, among the processing that rests on consent. */
function ConsentWithdrawalFields({ t, details, set, errors, activities }: RightFieldsProps) {
  return (
    <fieldset
      id="details.consents"
      aria-describedby={errors["details.consents"] ? "details.consents-error" : undefined}
    >
      <legend>{t.consentsLegend}</legend>
      {errors["details.consents"] ? (
        <p className="field-error" id="details.consents-error">
          {errors["details.consents"]}
        </p>
      ) : null}
      {activities
        .filter((a) => a.consentBased)
        .map((a) => (
          <label key={a.key} className="choice">
            <input
              type="checkbox"
              checked={details.consents.includes(a.key)}
              onChange={(e) =>
                set({
                  consents: e.target.checked
                    ? [...details.consents, a.key]
                    : details.consents.filter((k) => k !== a.key),
                })
              }
            />
            <span>{a.purpose}</span>
          </label>
        ))}
    </fieldset>
  );
}

export const consentWithdrawalForm: RightFormPiece = {
  Fields: ConsentWithdrawalFields,
  payload: (d) => ({ consents: d.consents }),
};
