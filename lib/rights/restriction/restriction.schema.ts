import { z } from "zod";
import { requiredText } from "@/lib/validation/text";

/** Why the restriction will be lifted: told to the subject before it is (GDPR Art. 18(3)). */
export const ZAnnounceLift = z.object({ reason: requiredText(2000) });
