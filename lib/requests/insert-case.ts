import { type Db, hotQuery } from "@/lib/db";
import { fromDateColumn } from "@/lib/deadlines";
import pg from "pg";
import { Prisma } from "@/lib/generated/prisma/client";

export interface CaseRows {
  request: {
    id: string;
    reference: string;
    right: string;
    channel: string;
    status: string;
    receivedAt: Date;
    dueDate: Date;
    locale: string;
    registryVersion: string;
    identityStatus: string;
    requesterFirstName: string;
    requesterLastName: string;
    requesterNameKey: string;
    requesterEmail: string;
    requesterPhone: string | null;
    subjectRelation: string;
    subjectFirstName: string;
    subjectLastName: string;
    subjectNameKey: string;
    subjectBirthDate: Date;
    subjectEmail: string | null;
    subjectPatientId: string | null;
    subjectRelativeId: string | null;
    scope: object;
    details: object;
    needsClarification: boolean;
    pausedSince: Date | null;
    idempotencyKey: string | null;
    idempotencyHash: string | null;
    createdAt: Date;
  };
  parts: {
    id: string;
    handler: string;
    healthActorId: string | null;
    activities: string[];
    applicable: boolean;
    reason: object | null;
    deadlineRule: string;
    dueDate: Date;
    olderInformationDueDate: Date | null;
    earliestAnswerAt: Date | null;
    visibleToRequester: boolean;
    status: string;
  }[];
  proofs: { kind: string; storageKey: string; contentType: string; size: number }[];
  event: { type: string; actorType: string; actorId: string | null; payload: object; hash: string };
  outbox: {
    id: string;
    messageId: string;
    to: string;
    subject: string;
    html: string;
    text: string;
    attachments: object[];
  };
}

const day = (d: Date | null) => (d ? fromDateColumn(d) : null);

/**
 * Writes a new case, its parts, proofs, first event and acknowledgement e-mail in ONE statement:
 * atomic without a transaction round trip, and the hot path of every submission (see bench:intake).
 */
export async function insertCase(db: Db, rows: CaseRows): Promise<void> {
  const r = rows.request;
  const parts = JSON.stringify(
    rows.parts.map((p) => ({
      ...p,
      dueDate: day(p.dueDate),
      olderInformationDueDate: day(p.olderInformationDueDate),
      earliestAnswerAt: p.earliestAnswerAt?.toISOString() ?? null,
    })),
  );
  await hotQuery(
    db,
    Prisma.sql`
    WITH request AS (
      INSERT INTO "RightsRequest" ("id", "reference", "right", "channel", "status", "receivedAt", "dueDate", "locale", "registryVersion",
        "identityStatus", "requesterFirstName", "requesterLastName", "requesterNameKey", "requesterEmail", "requesterPhone",
        "subjectRelation", "subjectFirstName", "subjectLastName", "subjectNameKey", "subjectBirthDate", "subjectEmail", "subjectPatientId", "subjectRelativeId", "scope",
        "details", "needsClarification", "pausedSince", "idempotencyKey", "idempotencyHash", "createdAt", "updatedAt")
      VALUES (${r.id}::uuid, ${r.reference}, ${r.right}::"Right", ${r.channel}::"Channel", ${r.status}::"RequestStatus", ${r.receivedAt},
        ${day(r.dueDate)}::date, ${r.locale}::"Locale", ${r.registryVersion}, ${r.identityStatus}::"IdentityStatus", ${r.requesterFirstName},
        ${r.requesterLastName}, ${r.requesterNameKey}, ${r.requesterEmail}, ${r.requesterPhone}, ${r.subjectRelation}::"SubjectRelation",
        ${r.subjectFirstName}, ${r.subjectLastName}, ${r.subjectNameKey}, ${day(r.subjectBirthDate)}::date, ${r.subjectEmail}, ${r.subjectPatientId}::uuid, ${r.subjectRelativeId}::uuid,
        ${JSON.stringify(r.scope)}::jsonb, ${JSON.stringify(r.details)}::jsonb, ${r.needsClarification}, ${r.pausedSince}, ${r.idempotencyKey}, ${r.idempotencyHash},
        ${r.createdAt}, ${r.createdAt})
      RETURNING "id"
    ), parts AS (
      INSERT INTO "RequestPart" ("id", "requestId", "handler", "healthActorId", "activities", "applicable", "reason", "deadlineRule",
        "dueDate", "olderInformationDueDate", "earliestAnswerAt", "visibleToRequester", "status", "createdAt", "updatedAt")
      SELECT p."id", request."id", p."handler"::"PartHandler", p."healthActorId",
        ARRAY(SELECT jsonb_array_elements_text(p."activities")), p."applicable", p."reason", p."deadlineRule"::"DeadlineRule", p."dueDate",
        p."olderInformationDueDate", p."earliestAnswerAt", p."visibleToRequester", p."status"::"PartStatus", ${r.createdAt}, ${r.createdAt}
      FROM request, jsonb_to_recordset(${parts}::jsonb) AS p("id" uuid, "handler" text, "healthActorId" uuid, "activities" jsonb,
        "applicable" boolean, "reason" jsonb, "deadlineRule" text, "dueDate" date, "olderInformationDueDate" date,
        "earliestAnswerAt" timestamptz, "visibleToRequester" boolean, "status" text)
    ), proofs AS (
      INSERT INTO "IdentityProof" ("id", "requestId", "kind", "storageKey", "contentType", "size", "uploadedAt", "createdAt", "updatedAt")
      SELECT gen_random_uuid(), request."id", f."kind"::"ProofKind", f."storageKey", f."contentType", f."size", ${r.createdAt}, ${r.createdAt}, ${r.createdAt}
      FROM request, jsonb_to_recordset(${JSON.stringify(rows.proofs)}::jsonb) AS f("kind" text, "storageKey" text, "contentType" text, "size" int)
    ), event AS (
      INSERT INTO "RequestEvent" ("requestId", "type", "actorType", "actorId", "payload", "createdAt", "prevHash", "hash")
      SELECT request."id", ${rows.event.type}, ${rows.event.actorType}::"ActorType", ${rows.event.actorId}, ${JSON.stringify(rows.event.payload)}::jsonb, ${r.createdAt}, NULL, ${rows.event.hash}
      FROM request
    )
    INSERT INTO "OutboxEmail" ("id", "messageId", "to", "subject", "html", "text", "attachments", "requestId", "createdAt", "updatedAt")
    SELECT ${rows.outbox.id}::uuid, ${rows.outbox.messageId}, ${rows.outbox.to}, ${rows.outbox.subject}, ${rows.outbox.html}, ${rows.outbox.text},
      ${JSON.stringify(rows.outbox.attachments)}::jsonb, request."id", ${r.createdAt}, ${r.createdAt}
    FROM request`,
  );
}

/**
 * Whether an error is PostgreSQL's unique violation on a constraint whose name contains `fragment`,
 * as Prisma reports it or as node-postgres does (hotQuery).
 */
export function isUniqueViolation(error: unknown, fragment: string): boolean {
  if (error instanceof pg.DatabaseError) return error.code === "23505" && (error.constraint ?? "").includes(fragment);
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  const text = `${error.message} ${JSON.stringify(error.meta ?? {})}`;
  return (error.code === "P2002" || text.includes("23505")) && text.includes(fragment);
}
