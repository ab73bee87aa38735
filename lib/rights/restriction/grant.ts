import type { OnPlatformGrant } from "@/lib/rights/effects";
import { applyRestriction } from "./restriction";

/** GDPR Art. 18: the account's processing is restricted with the answer. */
export const grantRestriction: OnPlatformGrant = async ({ tx, request, actor }) => {
  await applyRestriction(tx, request, actor);
  return {};
};
