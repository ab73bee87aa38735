import { z } from "zod";
import { requiredText } from "@/lib/validation/text";

/**
 * Objection to processing based on legitimate interest (GDPR Art. 21(1)): the DPO weighs the
 * person's situation against the platform's grounds and records the decision with its reasons —
 * the processing stops, or compelling legitimate grounds (or legal claims) override the objection.
 * (Objection to direct marketing needs no balancing: it stops at once, lib/rights/objection/immediate.ts.)
 */
export const ZBalanceObjection = z.object({
  decision: z.enum(["objection_upheld", "compelling_grounds"], "choice"),
  reasons: requiredText(5000),
});
export type TBalanceObjection = z.infer<typeof ZBalanceObjection>;
