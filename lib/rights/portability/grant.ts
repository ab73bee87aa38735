import { copyWithAnswer } from "../access/data-export";
import type { OnPlatformGrant } from "@/lib/rights/effects";

/** GDPR Art. 20(1): the data, in a structured, machine-readable format, prepared with the answer. */
export const grantPortability: OnPlatformGrant = (ctx) => copyWithAnswer(ctx, "portability");
