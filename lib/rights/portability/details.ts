import { z } from "zod";
import { PORTABILITY_FORMATS } from ".";

/** The machine-readable format the person wants their data in. */
export const portabilityDetails = { portabilityFormat: z.enum(PORTABILITY_FORMATS, "choice").optional() };
