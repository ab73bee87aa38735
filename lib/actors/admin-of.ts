import { actorRole, can, type Permission } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors/app-error";
import type { Membership } from "./inbox";

const MANAGES = {
  members: {
    permission: "actor.members.manage",
    refusal: {
      fr: "Seul un administrateur de la structure gère ses membres.",
      en: "Only an administrator of the organisation manages its members.",
    },
  },
  integration: {
    permission: "actor.integration.manage",
    refusal: {
      fr: "Seul un administrateur de la structure gère l'intégration.",
      en: "Only an administrator of the organisation manages the integration.",
    },
  },
} as const satisfies Record<string, { permission: Permission; refusal: { fr: string; en: string } }>;

/**
 * The viewer's membership of this health actor when its role may manage that (the permission
 * matrix, lib/auth/permissions.ts), or a 403 saying who manages it.
 */
export function adminOf(memberships: Membership[], healthActorId: string, manages: keyof typeof MANAGES): Membership {
  const { permission, refusal } = MANAGES[manages];
  const membership = memberships.find((m) => m.healthActorId === healthActorId && can(actorRole(m.role), permission));
  if (!membership) throw new AppError("forbidden", refusal);
  return membership;
}
