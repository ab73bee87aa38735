import { z } from "zod";

/** The back-office actions available through the API, one shape per action. */
export const ZCaseAction = z.discriminatedUnion(
  "action",
  [
    z.object({ action: z.literal("assign"), agentId: z.uuid("uuid").nullable() }),
    z.object({ action: z.literal("note"), text: z.string().trim().min(1, "required").max(5000, "too_long") }),
    z.object({
      action: z.literal("decide_identity"),
      decision: z.enum(["accepted", "rejected"], "choice"),
      reason: z.string().trim().max(2000, "too_long").optional(),
    }),
  ],
  { error: "choice" },
);
export type TCaseAction = z.infer<typeof ZCaseAction>;
