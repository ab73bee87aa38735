import type { OnPlatformGrant } from "@/lib/rights/effects";
import { copyWithAnswer } from "./data-export";

/** GDPR Art. 15(3): the copy of the data is prepared with the answer. */
export const grantAccess: OnPlatformGrant = (ctx) => copyWithAnswer(ctx, "access");
