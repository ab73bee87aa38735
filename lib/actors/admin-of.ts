import { AppError } from "@/lib/errors/app-error";
import type { Membership } from "./inbox";

const REFUSALS = {
  members: {
    fr: "Seul un administrateur de la structure gère ses membres.",
    en: "Only an administrator of the organisation manages its members.",
  },
  integration: {
    fr: "Seul un administrateur de la structure gère l'intégration.",
    en: "Only an administrator of the organisation manages the integration.",
  },
};

/** The viewer's admin membership of this health actor, or a 403 saying what only an admin manages. */
export function adminOf(memberships: Membership[], healthActorId: string, manages: keyof typeof REFUSALS): Membership {
  const admin = memberships.find((m) => m.healthActorId === healthActorId && m.role === "admin");
  if (!admin) throw new AppError("forbidden", REFUSALS[manages]);
  return admin;
}
