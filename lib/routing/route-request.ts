import { computeDeadline, type Deadline, type DeadlineRule } from "@/lib/deadlines";
import type { Activity, Localized } from "@/lib/registry/types";
import { rightApplicability, type NotApplicableCode } from "@/lib/rights/applicability";
import { RIGHT_DEFINITIONS, type RightKey } from "@/lib/rights";

export interface RequestScope {
  /** Registry keys chosen by the requester; absent or empty means every activity. */
  activities?: string[];
  /** Health actors chosen by the requester; absent or empty means every actor the subject has dealt with. */
  healthActorIds?: string[];
}

/** The scope a request really covers, when its right says it is not the one chosen (lib/rights). */
export function effectiveScope(right: RightKey, scope: RequestScope, consents: string[] | undefined): RequestScope {
  const covered = RIGHT_DEFINITIONS[right].scope?.(scope.activities, { consents });
  return covered === undefined || covered === scope.activities ? scope : { ...scope, activities: [...covered] };
}

export interface HealthActorRef {
  id: string;
  name: string;
}

export interface Exclusion {
  activity: string;
  code: NotApplicableCode;
  reason: Localized;
}

export interface RoutedPart {
  handler: "platform" | "health_actor";
  healthActor: HealthActorRef | null;
  activities: string[];
  /** False when the right applies to none of the part's activities. */
  applicable: boolean;
  /** Activities of the part the right does not apply to, each with a reason a patient can read. */
  exclusions: Exclusion[];
  /** The exclusions in one sentence per language, or null when every activity is covered. */
  reason: Localized | null;
  deadline: Deadline;
}

export interface RouteInput {
  right: RightKey;
  scope: RequestScope;
  receivedAt: Date;
  activities: readonly Activity[];
  /** Health actors the subject has appointments or documents with (from the platform's data). */
  subjectHealthActors: HealthActorRef[];
  /** Health actors named in the scope, resolved (they may be actors the subject is not known to). */
  chosenHealthActors: HealthActorRef[];
}

/**
 * Splits a request into parts, one per controller (GDPR Art. 28: for the health actors' processing the
 * platform is their processor): the platform's part for its own processing, one part per health actor
 * concerned for the processing it controls.
 */
export function routeRequest(input: RouteInput): RoutedPart[] {
  const chosenKeys = new Set(input.scope.activities ?? []);
  const inScope = (a: Activity) => chosenKeys.size === 0 || chosenKeys.has(a.key);
  const platformActivities = input.activities.filter((a) => a.controller === "platform" && inScope(a));
  const actorActivities = input.activities.filter((a) => a.controller === "health_actor" && inScope(a));

  const everything = chosenKeys.size === 0 && (input.scope.healthActorIds ?? []).length === 0;
  const onlyActorsChosen = chosenKeys.size === 0 && (input.scope.healthActorIds ?? []).length > 0;
  const parts: RoutedPart[] = [];

  if (platformActivities.length > 0 && !onlyActorsChosen) {
    parts.push(platformPart(input, platformActivities));
  }

  if (actorActivities.length > 0) {
    const actors = (input.scope.healthActorIds ?? []).length > 0 ? input.chosenHealthActors : input.subjectHealthActors;
    for (const actor of uniqueById(actors)) parts.push(actorPart(input, actor, actorActivities));
  }

  // A request about "everything", or one no health actor is found for yet, always has a platform
  // part: finding the subject in the platform's data, and the health actors who hold what, is the
  // platform's own duty.
  if ((everything || parts.length === 0) && !parts.some((p) => p.handler === "platform")) {
    parts.unshift(platformPart(input, platformActivities));
  }
  return parts;
}

function platformPart(input: RouteInput, activities: Activity[]): RoutedPart {
  const exclusions: Exclusion[] = [];
  for (const activity of activities) {
    const result = rightApplicability(input.right, activity);
    if (!result.applicable) exclusions.push({ activity: activity.key, code: result.code, reason: result.reason });
  }
  const applicable = activities.length === 0 || exclusions.length < activities.length;
  return {
    handler: "platform",
    healthActor: null,
    activities: activities.map((a) => a.key),
    applicable,
    exclusions,
    reason: joinReasons(exclusions),
    deadline: computeDeadline({ receivedAt: input.receivedAt, rule: "gdpr_art12" }),
  };
}

function actorPart(input: RouteInput, actor: HealthActorRef, activities: Activity[]): RoutedPart {
  return {
    handler: "health_actor",
    healthActor: actor,
    activities: activities.map((a) => a.key),
    // The health actor is the controller: it decides whether and how the right applies.
    applicable: true,
    exclusions: [],
    reason: null,
    deadline: computeDeadline({ receivedAt: input.receivedAt, rule: actorDeadlineRule(input.right, activities) }),
  };
}

/** The rule of a health actor's part: the right's own (lib/rights), else the GDPR month (GDPR Art. 12(3)). */
export function actorDeadlineRule(right: RightKey, activities: readonly Activity[]): DeadlineRule {
  return RIGHT_DEFINITIONS[right].actorDeadlineRule?.(activities) ?? "gdpr_art12";
}

function joinReasons(exclusions: Exclusion[]): Localized | null {
  if (exclusions.length === 0) return null;
  return {
    fr: exclusions.map((e) => e.reason.fr).join(" "),
    en: exclusions.map((e) => e.reason.en).join(" "),
  };
}

function uniqueById(actors: HealthActorRef[]): HealthActorRef[] {
  const seen = new Map<string, HealthActorRef>();
  for (const actor of actors) if (!seen.has(actor.id)) seen.set(actor.id, actor);
  return [...seen.values()];
}
