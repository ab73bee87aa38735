import type { Db } from "@/lib/db";
import type { ProofKind, RequesterVerification } from "@/lib/identity/assess-identity";
import type { Locale } from "@/lib/i18n/locale";
import { activityByKey, currentRegistry } from "@/lib/registry";
import { partVisibleToRequester, requesterParts, scopeReachesActors } from "./disclosure";
import { planRequest } from "./submit-request";
import type { TSubmitRequest } from "./submit-request.schema";

export interface PreviewPart {
  handler: "platform" | "health_actor";
  healthActorName: string | null;
  dueDate: string;
  rule: "gdpr_art12" | "csp_l1111_7";
  applicable: boolean;
  exclusions: { purpose: string; reason: string }[];
}

export interface RequestPreview {
  parts: PreviewPart[];
  /** Show the neutral note on health actors the requester is not told of. */
  actorsHidden: boolean;
}

/** What the review step shows: which part goes to whom, by when, and what does not apply and why. */
export async function previewRequest(
  db: Db,
  input: TSubmitRequest,
  verification: RequesterVerification,
  locale: Locale,
  proofs: ProofKind[],
): Promise<RequestPreview> {
  const registry = currentRegistry();
  const byKey = activityByKey(registry);
  const plan = await planRequest(db, input, verification, registry, proofs);
  // The same disclosure rule as the stored case (lib/requests/disclosure.ts).
  const { visible, actorsNote } = requesterParts(
    plan.parts.map((p) => ({
      ...p,
      visibleToRequester: p.healthActor
        ? partVisibleToRequester(p.healthActor.id, plan.subject.knownToRequester, plan.scope.healthActorIds)
        : true,
    })),
    scopeReachesActors(plan.scope, registry),
  );
  return {
    parts: visible.map((p) => ({
      handler: p.handler,
      healthActorName: p.healthActor?.name ?? null,
      dueDate: p.deadline.dueDate,
      rule: p.deadline.rule,
      applicable: p.applicable,
      exclusions: p.exclusions.map((e) => ({
        purpose: byKey.get(e.activity)?.purpose[locale] ?? e.activity,
        reason: e.reason[locale],
      })),
    })),
    actorsHidden: actorsNote,
  };
}
