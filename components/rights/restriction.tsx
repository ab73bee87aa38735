import { ChoiceList } from "@/components/request-form/fields";
import { RESTRICTION_GROUNDS } from "@/lib/rights/restriction";
import type { RightFieldsProps, RightFormPiece } from "./types";

function RestrictionFields({ t, details, set, errors }: RightFieldsProps) {
  return (
    <ChoiceList
      name="details.restrictionGround"
      legend={t.restrictionLegend}
      value={details.restrictionGround}
      onChange={(v) => set({ restrictionGround: v })}
      error={errors["details.restrictionGround"]}
      options={RESTRICTION_GROUNDS.map((v) => ({ value: v, label: t.restrictionGrounds[v] }))}
    />
  );
}

export const restrictionForm: RightFormPiece = {
  Fields: RestrictionFields,
  payload: (d) => ({
    restrictionGround: (d.restrictionGround || undefined) as (typeof RESTRICTION_GROUNDS)[number] | undefined,
  }),
};
