import { z } from "zod";

/** The registry keys of the processing whose consent is withdrawn. */
export const consentWithdrawalDetails = { consents: z.array(z.string().max(64)).max(50).optional() };
