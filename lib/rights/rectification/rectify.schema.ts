import { z } from "zod";
import { birthDayProblem } from "@/lib/validation/dates";
import { requiredLine } from "@/lib/validation/text";
import { RECTIFIABLE_FIELDS } from "./rectifiable-fields";

/** The corrections the DPO applies, field by field (lib/rights/rectification/rectify.ts). */
export const ZRectify = z.object({
  changes: z
    .array(
      z.object({ field: z.enum(RECTIFIABLE_FIELDS, "choice"), value: requiredLine(200) }).superRefine((c, ctx) => {
        const problem = c.field === "birthDate" ? birthDayProblem(c.value, new Date()) : null;
        if (problem) ctx.addIssue({ code: "custom", path: ["value"], message: problem });
      }),
    )
    .min(1, "required")
    .max(10, "too_long"),
});
export type TRectify = z.infer<typeof ZRectify>;

/** The rows of the rectification form (and of the clarification's corrections). */
export const RECTIFY_ROWS = [0, 1, 2];

/** The rectification form's rows as the action's changes: a row left empty is no change. */
export function rectifyChanges(
  form: FormData,
): { field: FormDataEntryValue | null; value: FormDataEntryValue | null }[] {
  return RECTIFY_ROWS.map((i) => ({ field: form.get(`field_${i}`), value: form.get(`value_${i}`) })).filter(
    (c) => c.field && c.value,
  );
}
