import { stopDirectMarketing } from "@/lib/marketing/suppression";
import type { ImmediateEffect } from "../effects";
import { NOTHING_DONE } from "../effects";
import type { DetailsGiven } from "../types";

/**
 * GDPR Art. 7(3): a consent withdrawn stops at once the processing it allowed (what was done before
 * stays lawful and unchanged); withdrawing a marketing consent stops the marketing. Which consents is
 * the question when the request does not say: it then waits for the DPO to record them.
 */
export const withdrawConsents: ImmediateEffect = {
  waitsForDetails: true,
  async apply(tx, request, covered, registry, now) {
    if (!request.subjectPatientId) return NOTHING_DONE;
    const named = (request.details as DetailsGiven).consents;
    const activities = named?.length ? covered.filter((a) => named.includes(a)) : covered;
    const given = await tx.consent.findMany({
      where: { patientId: request.subjectPatientId, activityKey: { in: activities }, withdrawnAt: null },
      select: { id: true, activityKey: true },
    });
    await tx.consent.updateMany({ where: { id: { in: given.map((c) => c.id) } }, data: { withdrawnAt: now } });
    const withdrawn = given.map((c) => c.activityKey);
    const marketing = new Set(registry.activities.filter((a) => a.directMarketing).map((a) => a.key));
    const stopsMarketing = withdrawn.some((a) => marketing.has(a));
    if (stopsMarketing) await stopDirectMarketing(tx, request.subjectPatientId, request.reference);
    return { consentsWithdrawn: withdrawn, directMarketingStopped: stopsMarketing };
  },
};
