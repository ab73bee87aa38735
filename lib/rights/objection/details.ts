import { multilineText } from "@/lib/validation/text";

/** The grounds relating to the person's particular situation (Art. 21(1)). */
export const objectionDetails = { objectionGrounds: multilineText(5000).optional() };
