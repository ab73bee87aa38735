import { appendEvent } from "@/lib/case-file/events";
import type { Db } from "@/lib/db";
import { fromDateColumn } from "@/lib/deadlines";
import { newMessageId } from "@/lib/email/message-id";
import { partForwardedEmail } from "@/lib/email/templates/actor-part";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DeadlineRule, IdentityStatus, ProofKind, Right, SubjectRelation } from "@/lib/generated/prisma/enums";
import { OPEN_STATUSES } from "@/lib/backoffice/list-cases.schema";
import { ACTOR_DECIDES, IDENTITY_ESTABLISHED, identityCheckSummary } from "./identity-summary";

interface ForwardedPart {
  id: string;
  requestId: string;
  healthActorId: string;
  dueDate: Date;
  deadlineRule: DeadlineRule;
}

/**
 * Forwards the health actors' parts that are ready (GDPR Art. 28(3)(e), EDPB 07/2020 §127-129: at once, with
 * the receipt date and the identity-check result): each goes to its actor's inbox, is recorded in the case's
 * trail, and every active member of the actor is e-mailed. An actor with no member yet gets its registered
 * address as first admin, which the e-mail invites. Each part is forwarded once: the cases are locked
 * (skipping those another worker holds) and the parts moved only from `awaiting_forwarding`. Returns how many
 * parts were forwarded; call until 0.
 */
export async function forwardReadyParts(db: Db, limit = 200, now = new Date()): Promise<number> {
  return db.$transaction(
    async (tx) => {
      const ready = Prisma.sql`p.status = 'awaiting_forwarding' AND r.status = ANY(${OPEN_STATUSES}::"RequestStatus"[])
        AND (r."identityStatus" = ANY(${IDENTITY_ESTABLISHED}::"IdentityStatus"[]) OR r."subjectRelation" = ANY(${ACTOR_DECIDES}::"SubjectRelation"[]))`;
      const candidates = await tx.$queryRaw<{ requestId: string }[]>`
        SELECT DISTINCT c."requestId" FROM (
          SELECT p."requestId" FROM "RequestPart" p JOIN "RightsRequest" r ON r.id = p."requestId" WHERE ${ready} ORDER BY p."createdAt" LIMIT ${limit}
        ) c`;
      if (candidates.length === 0) return 0;
      // Cases first, in a fixed order, as every action on a case locks it (lib/case-file/with-case.ts).
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "RightsRequest" WHERE id = ANY(${candidates.map((c) => c.requestId)}::uuid[]) ORDER BY id FOR UPDATE SKIP LOCKED`;
      if (locked.length === 0) return 0;
      const parts = await tx.$queryRaw<ForwardedPart[]>`
        UPDATE "RequestPart" p SET status = 'forwarded', "forwardedAt" = ${now}, "updatedAt" = ${now}
        FROM "RightsRequest" r
        WHERE r.id = p."requestId" AND p."requestId" = ANY(${locked.map((c) => c.id)}::uuid[]) AND ${ready}
        RETURNING p.id, p."requestId", p."healthActorId", p."dueDate", p."deadlineRule"`;
      if (parts.length === 0) return 0;

      const requestIds = [...new Set(parts.map((p) => p.requestId))];
      const actorIds = [...new Set(parts.map((p) => p.healthActorId))];
      const [cases, actors] = await Promise.all([
        tx.rightsRequest.findMany({
          where: { id: { in: requestIds } },
          select: {
            id: true,
            reference: true,
            right: true,
            receivedAt: true,
            subjectRelation: true,
            identityStatus: true,
            scope: true,
            proofs: { select: { kind: true } },
          },
        }),
        tx.healthActor.findMany({
          where: { id: { in: actorIds } },
          select: {
            id: true,
            name: true,
            email: true,
            members: { where: { removedAt: null }, select: { email: true } },
          },
        }),
      ]);
      // An actor without members: its registered address becomes the first admin.
      const firstAdmins = actors.filter((a) => a.members.length === 0);
      if (firstAdmins.length > 0) {
        await tx.actorMember.createMany({
          data: firstAdmins.map((a) => ({
            healthActorId: a.id,
            email: a.email.toLowerCase(),
            name: a.name,
            role: "admin" as const,
          })),
          skipDuplicates: true,
        });
      }
      const recipients = new Map(
        actors.map((a) => [a.id, a.members.length > 0 ? a.members.map((m) => m.email) : [a.email.toLowerCase()]]),
      );
      const caseById = new Map(cases.map((c) => [c.id, c]));

      for (const requestId of requestIds.sort()) {
        for (const part of parts.filter((p) => p.requestId === requestId)) {
          await appendEvent(tx, requestId, {
            type: "forward",
            actorType: "system",
            actorId: null,
            payload: { partId: part.id, healthActorId: part.healthActorId, dueDate: fromDateColumn(part.dueDate) },
          });
        }
      }
      const mails = parts.flatMap((part) => {
        const c = caseById.get(part.requestId)!;
        const kinds = c.proofs.map((p) => p.kind as ProofKind);
        const email = partForwardedEmail({
          reference: c.reference,
          right: c.right as Right,
          receivedAt: c.receivedAt,
          dueDate: fromDateColumn(part.dueDate),
          rule: part.deadlineRule,
          identity: {
            fr: identityCheckSummary(
              c.subjectRelation as SubjectRelation,
              c.identityStatus as IdentityStatus,
              kinds,
              "fr",
            ),
            en: identityCheckSummary(
              c.subjectRelation as SubjectRelation,
              c.identityStatus as IdentityStatus,
              kinds,
              "en",
            ),
          },
          wholeScope: !(c.scope as { activities?: string[] }).activities?.length,
          partUrl: `${env().APP_URL}/fr/pro/demandes/${part.id}`,
        });
        return recipients.get(part.healthActorId)!.map((to) => ({
          to,
          subject: email.subject,
          html: email.html,
          text: email.text,
          requestId: part.requestId,
          attachments: [],
          messageId: newMessageId(),
        }));
      });
      await tx.outboxEmail.createMany({ data: mails });
      return parts.length;
    },
    { timeout: 60_000 },
  );
}
