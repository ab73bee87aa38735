import { z } from "zod";
import { multilineText, requiredLine, requiredText } from "@/lib/validation/text";

/** Each correction asked: the field, what it says now (optional), and what it should say. */
export const rectificationDetails = {
  rectifications: z
    .array(z.object({ field: requiredLine(100), current: multilineText(500), corrected: requiredText(500) }))
    .max(20)
    .optional(),
};
