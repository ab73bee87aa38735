import { Field } from "@/components/request-form/fields";
import type { RightFieldsProps, RightFormPiece } from "./types";

function ObjectionFields({ t, details, set, errors }: RightFieldsProps) {
  return (
    <Field
      label={t.objectionGrounds}
      hint={t.objectionHint}
      name="details.objectionGrounds"
      multiline
      errors={errors}
      value={details.objectionGrounds}
      onChange={(v) => set({ objectionGrounds: v })}
    />
  );
}

export const objectionForm: RightFormPiece = {
  Fields: ObjectionFields,
  payload: (d) => ({ objectionGrounds: d.objectionGrounds || undefined }),
};
