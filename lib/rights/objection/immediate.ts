import { stopDirectMarketing } from "@/lib/marketing/suppression";
import type { ImmediateEffect } from "../effects";
import { NOTHING_DONE } from "../effects";

/** GDPR Art. 21(3): an objection to direct marketing stops it at once, and needs no grounds. */
export const stopMarketingOnObjection: ImmediateEffect = {
  waitsForDetails: false,
  async apply(tx, request, covered, registry) {
    if (!request.subjectPatientId) return NOTHING_DONE;
    const stopsMarketing = registry.activities.some((a) => a.directMarketing && covered.includes(a.key));
    if (stopsMarketing) await stopDirectMarketing(tx, request.subjectPatientId, request.reference);
    return { consentsWithdrawn: [], directMarketingStopped: stopsMarketing };
  },
};
