import { redirect } from "next/navigation";
import { actorRole, can, type Permission } from "@/lib/auth/permissions";
import { signedInEmail } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import type { Locale } from "@/lib/i18n/locale";
import { type Membership, membershipsOf } from "./inbox";
import type { MemberActor } from "./part-actions";

export interface MemberViewer {
  email: string;
  memberships: Membership[];
}

/** The signed-in visitor and their memberships (none: not a member); null when not signed in. */
export async function currentMember(): Promise<MemberViewer | null> {
  const email = await signedInEmail();
  if (!email) return null;
  const memberships = await membershipsOf(db(), email);
  // The first visit of an invited member completes their invitation.
  if (memberships.length > 0)
    await db().actorMember.updateMany({
      where: { email, joinedAt: null, removedAt: null },
      data: { joinedAt: new Date() },
    });
  return { email, memberships };
}

/** An inbox page's viewer: visitors not signed in go to the actors' sign-in. */
export async function requireMember(locale: Locale): Promise<MemberViewer> {
  const viewer = await currentMember();
  if (!viewer) redirect(`/${locale}/pro/connexion`);
  return viewer;
}

/** For inbox actions: the member acting and the actors they act for, or an AppError (401/403). */
export async function memberActor(): Promise<MemberActor> {
  const viewer = await currentMember();
  if (!viewer)
    throw new AppError("unauthenticated", {
      fr: "Session expirée : reconnectez-vous.",
      en: "Session expired: sign in again.",
    });
  if (viewer.memberships.length === 0)
    throw new AppError("forbidden", {
      fr: "Vous n'êtes membre d'aucun acteur de santé.",
      en: "You are not a member of any health actor.",
    });
  return { memberships: viewer.memberships.map((m) => ({ memberId: m.memberId, healthActorId: m.healthActorId })) };
}

/**
 * A managing page's viewer and the actors in which their role may do it (the permission matrix;
 * none: the page shows access denied).
 */
export async function requireActorAdmin(
  locale: Locale,
  permission: Permission,
): Promise<{ viewer: MemberViewer; administered: MemberViewer["memberships"] }> {
  const viewer = await requireMember(locale);
  return { viewer, administered: viewer.memberships.filter((m) => can(actorRole(m.role), permission)) };
}
