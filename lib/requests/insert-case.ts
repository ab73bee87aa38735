import { type Db, runStatement, statement } from "@/lib/db";
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

/** The case, its parts, proofs, first event and acknowledgement e-mail: one statement. */
const INSERT_CASE = statement`
    WITH request AS (
      INSERT INTO "RightsRequest" ("id", "reference", "right", "channel", "status", "receivedAt", "dueDate", "locale", "registryVersion",
        "identityStatus", "requesterFirstName", "requesterLastName", "requesterNameKey", "requesterEmail", "requesterPhone",
        "subjectRelation", "subjectFirstName", "subjectLastName", "subjectNameKey", "subjectBirthDate", "subjectEmail", "subjectPatientId", "subjectRelativeId", "scope",
        "details", "needsClarification", "pausedSince", "idempotencyKey", "idempotencyHash", "createdAt", "updatedAt")
      VALUES (${"id"}::uuid, ${"reference"}, ${"right"}::"Right", ${"channel"}::"Channel", ${"status"}::"RequestStatus", ${"receivedAt"},
        ${"dueDate"}::date, ${"locale"}::"Locale", ${"registryVersion"}, ${"identityStatus"}::"IdentityStatus", ${"requesterFirstName"},
        ${"requesterLastName"}, ${"requesterNameKey"}, ${"requesterEmail"}, ${"requesterPhone"}, ${"subjectRelation"}::"SubjectRelation",
        ${"subjectFirstName"}, ${"subjectLastName"}, ${"subjectNameKey"}, ${"subjectBirthDate"}::date, ${"subjectEmail"}, ${"subjectPatientId"}::uuid, ${"subjectRelativeId"}::uuid,
        ${"scope"}::jsonb, ${"details"}::jsonb, ${"needsClarification"}, ${"pausedSince"}, ${"idempotencyKey"}, ${"idempotencyHash"},
        ${"createdAt"}, ${"createdAt"})
      RETURNING "id"
    ), parts AS (
      INSERT INTO "RequestPart" ("id", "requestId", "handler", "healthActorId", "activities", "applicable", "reason", "deadlineRule",
        "dueDate", "olderInformationDueDate", "earliestAnswerAt", "visibleToRequester", "status", "createdAt", "updatedAt")
      SELECT p."id", request."id", p."handler"::"PartHandler", p."healthActorId",
        ARRAY(SELECT jsonb_array_elements_text(p."activities")), p."applicable", p."reason", p."deadlineRule"::"DeadlineRule", p."dueDate",
        p."olderInformationDueDate", p."earliestAnswerAt", p."visibleToRequester", p."status"::"PartStatus", ${"createdAt"}, ${"createdAt"}
      FROM request, jsonb_to_recordset(${"parts"}::jsonb) AS p("id" uuid, "handler" text, "healthActorId" uuid, "activities" jsonb,
        "applicable" boolean, "reason" jsonb, "deadlineRule" text, "dueDate" date, "olderInformationDueDate" date,
        "earliestAnswerAt" timestamptz, "visibleToRequester" boolean, "status" text)
    ), proofs AS (
      INSERT INTO "IdentityProof" ("id", "requestId", "kind", "storageKey", "contentType", "size", "uploadedAt", "createdAt", "updatedAt")
      SELECT gen_random_uuid(), request."id", f."kind"::"ProofKind", f."storageKey", f."contentType", f."size", ${"createdAt"}, ${"createdAt"}, ${"createdAt"}
      FROM request, jsonb_to_recordset(${"proofs"}::jsonb) AS f("kind" text, "storageKey" text, "contentType" text, "size" int)
    ), event AS (
      INSERT INTO "RequestEvent" ("requestId", "type", "actorType", "actorId", "payload", "createdAt", "prevHash", "hash")
      SELECT request."id", ${"eventType"}, ${"eventActorType"}::"ActorType", ${"eventActorId"}, ${"eventPayload"}::jsonb, ${"createdAt"}, NULL, ${"eventHash"}
      FROM request
    )
    INSERT INTO "OutboxEmail" ("id", "messageId", "to", "subject", "html", "text", "attachments", "requestId", "createdAt", "updatedAt")
    SELECT ${"outboxId"}::uuid, ${"outboxMessageId"}, ${"outboxTo"}, ${"outboxSubject"}, ${"outboxHtml"}, ${"outboxText"},
      ${"outboxAttachments"}::jsonb, request."id", ${"createdAt"}, ${"createdAt"}
    FROM request`;

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
  await runStatement(db, INSERT_CASE, {
    id: r.id,
    reference: r.reference,
    right: r.right,
    channel: r.channel,
    status: r.status,
    receivedAt: r.receivedAt,
    dueDate: day(r.dueDate),
    locale: r.locale,
    registryVersion: r.registryVersion,
    identityStatus: r.identityStatus,
    requesterFirstName: r.requesterFirstName,
    requesterLastName: r.requesterLastName,
    requesterNameKey: r.requesterNameKey,
    requesterEmail: r.requesterEmail,
    requesterPhone: r.requesterPhone,
    subjectRelation: r.subjectRelation,
    subjectFirstName: r.subjectFirstName,
    subjectLastName: r.subjectLastName,
    subjectNameKey: r.subjectNameKey,
    subjectBirthDate: day(r.subjectBirthDate),
    subjectEmail: r.subjectEmail,
    subjectPatientId: r.subjectPatientId,
    subjectRelativeId: r.subjectRelativeId,
    scope: JSON.stringify(r.scope),
    details: JSON.stringify(r.details),
    needsClarification: r.needsClarification,
    pausedSince: r.pausedSince,
    idempotencyKey: r.idempotencyKey,
    idempotencyHash: r.idempotencyHash,
    createdAt: r.createdAt,
    parts,
    proofs: JSON.stringify(rows.proofs),
    eventType: rows.event.type,
    eventActorType: rows.event.actorType,
    eventActorId: rows.event.actorId,
    eventPayload: JSON.stringify(rows.event.payload),
    eventHash: rows.event.hash,
    outboxId: rows.outbox.id,
    outboxMessageId: rows.outbox.messageId,
    outboxTo: rows.outbox.to,
    outboxSubject: rows.outbox.subject,
    outboxHtml: rows.outbox.html,
    outboxText: rows.outbox.text,
    outboxAttachments: JSON.stringify(rows.outbox.attachments),
  });
}

/**
 * Whether an error is PostgreSQL's unique violation on a constraint whose name contains `fragment`,
 * as Prisma reports it or as node-postgres does (hotQuery, runStatement).
 */
export function isUniqueViolation(error: unknown, fragment: string): boolean {
  if (error instanceof pg.DatabaseError) return error.code === "23505" && (error.constraint ?? "").includes(fragment);
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  const text = `${error.message} ${JSON.stringify(error.meta ?? {})}`;
  return (error.code === "P2002" || text.includes("23505")) && text.includes(fragment);
}
