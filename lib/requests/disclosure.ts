import { eventPartId } from "@/lib/case-file/event-types";
import type { Registry } from "@/lib/registry/types";

/**
 * Which health actors a person consults is health information. A requester is told which actor a
 * part goes to only when they already know it: from their own account (their own bookings, or those
 * they made for a relative they hold), or because they named the actor themselves. The decision is
 * taken when the part is created and stored with it (RequestPart.visibleToRequester).
 */
export function partVisibleToRequester(
  healthActorId: string,
  knownToRequester: ReadonlySet<string>,
  chosenByRequester: readonly string[] = [],
): boolean {
  return knownToRequester.has(healthActorId) || chosenByRequester.includes(healthActorId);
}

/**
 * The parts as a requester may see them: the platform's, and each actor's they may know. The others
 * are left out altogether, not even counted. `actorsNote` says whether to add the same neutral note
 * ("the health actors concerned, if any, will be told") whenever the scope reaches health actors'
 * processing and no actor is named, so that what is shown to a stranger is the same whether the
 * person is known to the platform or not.
 */
export function requesterParts<P extends { healthActor: unknown; visibleToRequester: boolean }>(
  parts: P[],
  scopeReachesActors: boolean,
): { visible: P[]; actorsNote: boolean } {
  const visible = parts.filter((p) => p.healthActor === null || p.visibleToRequester);
  const namedActors = visible.some((p) => p.healthActor !== null);
  return { visible, actorsNote: visible.length < parts.length || (scopeReachesActors && !namedActors) };
}

/** Whether a request's scope covers processing that health actors control. */
export function scopeReachesActors(
  scope: { activities?: string[]; healthActorIds?: string[] } | null,
  registry: Registry,
): boolean {
  if (!scope?.activities?.length) return true;
  if (scope.healthActorIds?.length) return true;
  const actorKeys = new Set(registry.activities.filter((a) => a.controller === "health_actor").map((a) => a.key));
  return scope.activities.some((key) => actorKeys.has(key));
}

/**
 * The steps of a case its requester sees: those with a label for them, less the steps of a part they
 * may not know of (its forwarding, say), unless the health actor itself replied to them and so made
 * itself known (acknowledged, answered, declined).
 */
const ACTOR_REPLIES = ["actor_acknowledged", "actor_answer", "actor_decline"];

export function requesterEvents<E extends { type: string; actorType: string; payload: unknown }>(
  events: E[],
  parts: { id: string; healthActor: unknown; visibleToRequester: boolean }[],
  labelled: (type: string) => boolean,
): E[] {
  const hidden = new Set(parts.filter((p) => p.healthActor !== null && !p.visibleToRequester).map((p) => p.id));
  return events.filter((e) => {
    if (!labelled(e.type)) return false;
    const partId = eventPartId(e);
    return partId === null || !hidden.has(partId) || ACTOR_REPLIES.includes(e.type);
  });
}
