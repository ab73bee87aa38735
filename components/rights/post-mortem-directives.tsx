import { Field } from "@/components/request-form/fields";
import type { RightFieldsProps, RightFormPiece } from "./types";

/** The directives, and the person designated to carry them out. */
function PostMortemDirectivesFields({ t, details, set, errors }: RightFieldsProps) {
  const designated = details.designated;
  return (
    <>
      <Field
        label={t.directives}
        name="details.directives"
        multiline
        errors={errors}
        value={details.directives}
        onChange={(v) => set({ directives: v })}
      />
      <fieldset>
        <legend>{t.designatedLegend}</legend>
        <Field
          label={t.firstName}
          name="details.designatedPerson.firstName"
          errors={errors}
          value={designated.firstName}
          onChange={(v) => set({ designated: { ...designated, firstName: v } })}
        />
        <Field
          label={t.lastName}
          name="details.designatedPerson.lastName"
          errors={errors}
          value={designated.lastName}
          onChange={(v) => set({ designated: { ...designated, lastName: v } })}
        />
        <Field
          label={t.email}
          name="details.designatedPerson.email"
          type="email"
          errors={errors}
          value={designated.email}
          onChange={(v) => set({ designated: { ...designated, email: v } })}
        />
      </fieldset>
    </>
  );
}

export const postMortemDirectivesForm: RightFormPiece = {
  Fields: PostMortemDirectivesFields,
  payload: (d) => ({
    directives: d.directives || undefined,
    designatedPerson: d.designated.firstName || d.designated.lastName || d.designated.email ? d.designated : undefined,
  }),
};
