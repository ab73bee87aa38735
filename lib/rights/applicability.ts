import type { Activity } from "@/lib/registry/types";
import { RIGHT_DEFINITIONS } from ".";
import type { RightKey } from "./rights";
import { APPLICABLE, type Applicability } from "./types";

export type { Applicability, NotApplicableCode } from "./types";

/**
 * Whether a right applies to one processing activity (GDPR Art. 7(3) and 15 to 21, each with its
 * own conditions, in the right's folder).
 *
 * Where a health actor is controller, the actor decides: the right is always forwarded.
 * Where an activity has several bases, the right applies if it applies under any of them
 * (the DPO then answers for the processing that falls under that basis).
 */
export function rightApplicability(right: RightKey, activity: Activity): Applicability {
  if (activity.controller === "health_actor") return APPLICABLE;
  return RIGHT_DEFINITIONS[right].appliesTo(activity);
}
