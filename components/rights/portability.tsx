import { ChoiceList } from "@/components/request-form/fields";
import { PORTABILITY_FORMATS } from "@/lib/rights/portability";
import type { RightFieldsProps, RightFormPiece } from "./types";

function PortabilityFields({ t, details, set, errors }: RightFieldsProps) {
  return (
    <ChoiceList
      name="details.portabilityFormat"
      legend={t.formatLegend}
      value={details.portabilityFormat}
      onChange={(v) => set({ portabilityFormat: v })}
      error={errors["details.portabilityFormat"]}
      options={PORTABILITY_FORMATS.map((v) => ({ value: v, label: v.toUpperCase() }))}
    />
  );
}

export const portabilityForm: RightFormPiece = {
  Fields: PortabilityFields,
  payload: (d) => ({ portabilityFormat: (d.portabilityFormat || undefined) as "json" | "csv" | undefined }),
};
