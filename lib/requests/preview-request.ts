import type { Db } from "@/lib/db";
import type { ProofKind, RequesterVerification } from "@/lib/identity/assess-identity";
import type { Locale } from "@/lib/i18n/locale";
import { activityByKey, currentRegistry } from "@/lib/registry";
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
  /** The subject's own health actors are not shown until the requester is known to be entitled to see them. */
  actorsHidden: boolean;
  missingProofs: ProofKind[];
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
  // Who a person consults is health information: show it only to the account holder or to the
  // holder of the account the relative is attached to.
  const entitled = plan.subject.matchesRecords || plan.subject.relativeId !== null;
  const chosen = new Set(input.scope.healthActorIds ?? []);
  const visible = plan.parts.filter((p) => p.handler === "platform" || entitled || chosen.has(p.healthActor!.id));
  const actorActivitiesInScope =
    !input.scope.activities?.length || input.scope.activities.some((k) => byKey.get(k)?.controller === "health_actor");
  return {
    parts: visible.map((p) => ({
      handler: p.handler,
      healthActorName: p.healthActor?.name ?? null,
      dueDate: p.deadline.dueDate,
      rule: p.deadline.rule,
      applicable: p.applicable,
      exclusions: p.exclusions.map((e) => ({ purpose: byKey.get(e.activity)?.purpose[locale] ?? e.activity, reason: e.reason[locale] })),
    })),
    actorsHidden: !entitled && chosen.size === 0 && actorActivitiesInScope,
    missingProofs: plan.identity.missingProofs,
  };
}
