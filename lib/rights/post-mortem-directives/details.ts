import { z } from "zod";
import { emailAddress, multilineText, personName } from "@/lib/validation/text";

/** The directives, and the person designated to carry them out. */
export const postMortemDirectivesDetails = {
  directives: multilineText(10_000).optional(),
  designatedPerson: z.object({ firstName: personName, lastName: personName, email: emailAddress }).optional(),
};
