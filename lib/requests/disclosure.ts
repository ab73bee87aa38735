import type { IdentityStatus } from "@/lib/generated/prisma/enums";

/**
 * Which health actors a person consults is health information. The requester is shown an actor's
 * name only when entitled to it: their identity is established, or the subject is a relative held
 * by their own account, or they named that actor themselves. Otherwise the part is described
 * without the name until the identity check is done.
 */
export function actorNameDisclosed(
  identityStatus: IdentityStatus,
  subjectRelativeId: string | null,
  scope: { healthActorIds?: string[] } | null,
  healthActorId: string,
): boolean {
  if (identityStatus === "verified" || identityStatus === "accepted") return true;
  if (subjectRelativeId !== null) return true;
  return scope?.healthActorIds?.includes(healthActorId) ?? false;
}

/** The actor's name of a stored part as the requester may see it, or null when it must be withheld. */
export function requesterVisibleActorName(
  request: { identityStatus: IdentityStatus; subjectRelativeId: string | null; scope: unknown },
  part: { healthActor: { id: string; name: string } | null },
): string | null {
  if (!part.healthActor) return null;
  const scope = request.scope as { healthActorIds?: string[] } | null;
  return actorNameDisclosed(request.identityStatus, request.subjectRelativeId, scope, part.healthActor.id) ? part.healthActor.name : null;
}
