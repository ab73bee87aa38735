import { z } from "zod";
import { RESTRICTION_GROUNDS } from ".";

/** The Art. 18(1) case the person invokes. */
export const restrictionDetails = { restrictionGround: z.enum(RESTRICTION_GROUNDS, "choice").optional() };
