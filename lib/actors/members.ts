import { z } from "zod";
import type { Db, Tx } from "@/lib/db";
import { queueEmail } from "@/lib/email/outbox";
import { renderEmail } from "@/lib/email/layout";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { isUuid } from "@/lib/validation/ids";
import { requiredLine } from "@/lib/validation/text";
import { adminOf } from "./admin-of";
import type { Membership } from "./inbox";

export const ZInvite = z.object({
  name: requiredLine(200),
  email: z.email("email").trim().toLowerCase().max(254, "too_long"),
  role: z.enum(["admin", "member"], "choice"),
});
export type TInvite = z.infer<typeof ZInvite>;

/** The actor's members, for its admins. */
export async function listMembers(db: Db, memberships: Membership[], healthActorId: string) {
  adminOf(memberships, healthActorId, "members");
  return db.actorMember.findMany({
    where: { healthActorId, removedAt: null },
    orderBy: [{ role: "asc" }, { name: "asc" }],
    select: { id: true, name: true, email: true, role: true, joinedAt: true, createdAt: true },
  });
}

/**
 * An admin invites a person to the actor's inbox (or gives back access to a removed member): the
 * invitation is e-mailed; they sign in by magic link with that address.
 */
export async function inviteMember(
  db: Db,
  memberships: Membership[],
  healthActorId: string,
  input: TInvite,
): Promise<void> {
  const admin = adminOf(memberships, healthActorId, "members");
  await db.$transaction(async (tx) => {
    await lockActor(tx, healthActorId);
    const existing = await tx.actorMember.findUnique({
      where: { healthActorId_email: { healthActorId, email: input.email } },
    });
    if (existing && existing.role === "admin" && !existing.removedAt && input.role !== "admin") {
      // A demotion: the organisation keeps an admin, and the former admin's keys stop working.
      await keepAnAdmin(tx, healthActorId);
      await tx.actorApiKey.updateMany({
        where: { createdById: existing.id, revokedAt: null },
        data: { revokedAt: new Date() },
      });
    }
    await tx.actorMember.upsert({
      where: { healthActorId_email: { healthActorId, email: input.email } },
      create: { healthActorId, email: input.email, name: input.name, role: input.role, invitedById: admin.memberId },
      update: { name: input.name, role: input.role, removedAt: null, invitedById: admin.memberId },
    });
    const url = `${env().APP_URL}/fr/pro/connexion`;
    const subject = `Invitation à l'espace de ${admin.actorName} / Invitation to ${admin.actorName}'s space`;
    await queueEmail(
      tx,
      input.email,
      renderEmail("fr", subject, subject, [
        {
          kind: "p",
          text: `${admin.actorName} vous invite à traiter avec lui les demandes de droits de ses patients, dans l'espace acteurs de santé du portail. Connectez-vous avec cette adresse e-mail : un lien de connexion vous sera envoyé.`,
        },
        { kind: "button", label: "Se connecter / Sign in", href: url },
        {
          kind: "p",
          text: `${admin.actorName} invites you to handle its patients' data-rights requests in the portal's health actors' space. Sign in with this e-mail address: a sign-in link will be sent to you.`,
        },
      ]),
    );
  });
}

/** One change of an actor's members at a time: two admins cannot remove or demote each other at once. */
async function lockActor(tx: Tx, healthActorId: string) {
  await tx.$queryRaw`SELECT id FROM "HealthActor" WHERE id = ${healthActorId}::uuid FOR UPDATE`;
}

/** Refuses a change that would take away the last admin (the organisation would be locked out). */
async function keepAnAdmin(tx: Tx, healthActorId: string) {
  if ((await tx.actorMember.count({ where: { healthActorId, role: "admin", removedAt: null } })) <= 1) {
    throw new AppError("conflict", {
      fr: "La structure doit garder au moins un administrateur.",
      en: "The organisation must keep at least one administrator.",
    });
  }
}

/** An admin removes a member; the last admin cannot be removed (the organisation would be locked out). */
export async function removeMember(
  db: Db,
  memberships: Membership[],
  healthActorId: string,
  memberId: string,
): Promise<void> {
  adminOf(memberships, healthActorId, "members");
  await db.$transaction(async (tx) => {
    await lockActor(tx, healthActorId);
    const member = isUuid(memberId)
      ? await tx.actorMember.findFirst({ where: { id: memberId, healthActorId, removedAt: null } })
      : null;
    if (!member) throw new AppError("not_found", { fr: "Membre introuvable.", en: "Member not found." });
    if (member.role === "admin") await keepAnAdmin(tx, healthActorId);
    await tx.actorMember.update({ where: { id: member.id }, data: { removedAt: new Date() } });
    // The keys they created stop working with them.
    await tx.actorApiKey.updateMany({
      where: { createdById: member.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
  });
}
