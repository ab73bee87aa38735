import { Field } from "@/components/request-form/fields";
import type { RightFieldsProps, RightFormPiece } from "./types";

/** Each correction: the field, what it says now, what it should say; rows added and removed. */
function RectificationFields({ t, details, set, errors }: RightFieldsProps) {
  const rows = details.rectifications;
  const change = (i: number, patch: Partial<(typeof rows)[number]>) =>
    set({ rectifications: rows.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
  return (
    <>
      {rows.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows of controlled inputs, whose values follow their index
        <div key={i} className="card" style={{ marginBottom: 12 }}>
          <Field
            label={t.rectField}
            name={`details.rectifications.${i}.field`}
            errors={errors}
            value={r.field}
            onChange={(v) => change(i, { field: v })}
          />
          <Field
            label={t.rectCurrent}
            name={`details.rectifications.${i}.current`}
            errors={errors}
            value={r.current}
            onChange={(v) => change(i, { current: v })}
          />
          <Field
            label={t.rectCorrected}
            name={`details.rectifications.${i}.corrected`}
            errors={errors}
            value={r.corrected}
            onChange={(v) => change(i, { corrected: v })}
          />
          {rows.length > 1 ? (
            <button
              type="button"
              className="link-button"
              onClick={() => set({ rectifications: rows.filter((_, j) => j !== i) })}
            >
              {t.rectRemove}
            </button>
          ) : null}
        </div>
      ))}
      {errors["details.rectifications"] ? (
        <p className="field-error" id="details.rectifications-error">
          {errors["details.rectifications"]}
        </p>
      ) : null}
      <button
        id="details.rectifications"
        type="button"
        className="button secondary"
        onClick={() => set({ rectifications: [...rows, { field: "", current: "", corrected: "" }] })}
      >
        {t.rectAdd}
      </button>
    </>
  );
}

export const rectificationForm: RightFormPiece = {
  Fields: RectificationFields,
  payload: (d) => ({ rectifications: d.rectifications.filter((r) => r.field || r.corrected) }),
};
