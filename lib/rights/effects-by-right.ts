import { grantAccess } from "./access/grant";
import { withdrawConsents } from "./consent-withdrawal/immediate";
import type { ImmediateEffect, OnPlatformGrant } from "./effects";
import { grantErasure } from "./erasure/grant";
import { stopMarketingOnObjection } from "./objection/immediate";
import { grantPortability } from "./portability/grant";
import { grantRestriction } from "./restriction/grant";
import type { RightKey } from "./rights";

export interface RightEffects {
  /** Done when the DPO grants the platform's part, in the answer's transaction. */
  onPlatformGrant?: OnPlatformGrant;
  /** Done as soon as the requester's identity is established, before the answer. */
  immediate?: ImmediateEffect;
}

/**
 * What each right does to the platform's data (server side: the definitions in lib/rights/index.ts
 * stay free of database code). A right without an entry is answered by its letter alone.
 */
export const RIGHT_EFFECTS: Partial<Record<RightKey, RightEffects>> = {
  access: { onPlatformGrant: grantAccess },
  portability: { onPlatformGrant: grantPortability },
  restriction: { onPlatformGrant: grantRestriction },
  erasure: { onPlatformGrant: grantErasure },
  consent_withdrawal: { immediate: withdrawConsents },
  objection: { immediate: stopMarketingOnObjection },
};
