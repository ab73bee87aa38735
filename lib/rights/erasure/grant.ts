import { AppError } from "@/lib/errors/app-error";
import { queueRecipientNotices } from "@/lib/recipients/queue-recipient-notices";
import { registryOf } from "@/lib/registry/registry-of";
import type { Grant, OnPlatformGrant } from "@/lib/rights/effects";
import { eraseSubject } from "./erase-subject";
import { erasureCertificate } from "./erasure-plan";

/**
 * What an erasure granted covers: the whole part, or, granted in part, the processing the DPO chose
 * among the part's own (the others are kept, on the refusal grounds stated).
 */
export function erasedScope({ activities, outcome, grantedActivities }: Grant): string[] {
  if (outcome === "granted") return activities;
  if (grantedActivities.some((a) => !activities.includes(a)))
    throw AppError.validation([{ path: "grantedActivities", key: "invalid" }]);
  const chosen = activities.filter((a) => grantedActivities.includes(a));
  if (chosen.length === 0) throw AppError.validation([{ path: "grantedActivities", key: "required" }]);
  return chosen;
}

/**
 * GDPR Art. 17: erased with the answer, which carries the deletion certificate; the recipients of
 * the erased data are told (Art. 19).
 */
export const grantErasure: OnPlatformGrant = async ({ tx, request, grant, actor }) => {
  const erased = await eraseSubject(tx, request, erasedScope(grant), actor);
  const registry = await registryOf(tx, request.registryVersion);
  const erasedCategories = erasureCertificate(erased.summary, registry, "fr").erased;
  const purposes = registry.activities.filter((a) => erased.erasedActivities.includes(a.key)).map((a) => a.purpose.fr);
  await queueRecipientNotices(
    tx,
    request,
    { right: "erasure", subject: erased.subject, erasedCategories, purposes },
    erased.erasedActivities,
    actor,
  );
  return { erasure: erasureCertificate(erased.summary, registry, request.locale) };
};
