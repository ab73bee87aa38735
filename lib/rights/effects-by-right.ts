import { grantAccess } from "./access/grant";
import { grantErasure } from "./erasure/grant";
import type { OnPlatformGrant } from "./grant";
import { grantPortability } from "./portability/grant";
import { grantRestriction } from "./restriction/grant";
import type { RightKey } from "./rights";

/**
 * What each right does when the DPO grants the platform's part (server side; the definitions in
 * lib/rights/index.ts stay free of database code). A right without an entry is answered by its
 * letter alone.
 */
export const PLATFORM_GRANTS: Partial<Record<RightKey, OnPlatformGrant>> = {
  access: grantAccess,
  portability: grantPortability,
  restriction: grantRestriction,
  erasure: grantErasure,
};
