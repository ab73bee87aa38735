import { createHash, randomUUID } from "node:crypto";
import { nameKey } from "@/lib/util/name-key";
import { canonicalJson } from "@/lib/util/canonical-json";
import { chainEvent } from "@/lib/case-file/events";
import type { Db, Tx } from "@/lib/db";
import { fromDateColumn, latestDueDate, toDateColumn as utcDay } from "@/lib/deadlines";
import { newMessageId } from "@/lib/email/message-id";
import { acknowledgementEmail } from "@/lib/email/templates/acknowledgement";
import { env } from "@/lib/env";
import { AppError, type FieldError, unavailable } from "@/lib/errors/app-error";
import {
  assessIdentity,
  type IdentityAssessment,
  type ProofKind,
  type RequesterVerification,
} from "@/lib/identity/assess-identity";
import type { StoredProof } from "@/lib/identity/store-proofs";
import { activityByKey, currentRegistry, ensureRegistryVersion } from "@/lib/registry";
import type { Registry } from "@/lib/registry/types";
import { missingDetails } from "@/lib/rights/missing-details";
import { effectiveScope, routeRequest, type RequestScope, type RoutedPart } from "@/lib/routing/route-request";
import { partVisibleToRequester, requesterParts, scopeReachesActors } from "./disclosure";
import { findSubject, type SubjectMatch } from "./find-subject";
import { type CaseRows, insertCase, isUniqueViolation } from "./insert-case";
import { REQUEST_VIEW_INCLUDE, type RequestWithParts } from "./present-request";
import { generateReference } from "./reference";
import { nextStatus } from "@/lib/case-file/state-machine";
import type { TSubmitRequest } from "./submit-request.schema";

export type SubmitActor =
  | { type: "requester"; verification: Exclude<RequesterVerification, "none"> }
  | { type: "api"; tokenId: string; staffUserId: string }
  /** A DPO agent registering a request received by post, e-mail, phone or in person. */
  | { type: "staff"; staffUserId: string };

export interface SubmitContext {
  actor: SubmitActor;
  /** Scoped by the caller ("web:<uuid>", "api:<tokenId>:<key>"): a retry returns the first case. */
  idempotencyKey?: string;
  proofs?: StoredProof[];
  registry?: Registry;
}

export interface SubmitResult {
  request: RequestWithParts;
  /** True when the idempotency key had already created this case. */
  replayed: boolean;
  /** Files given that the case does not need (never collect more than identity requires): the caller deletes them. */
  unusedProofs: StoredProof[];
}

/**
 * Registers a rights request: finds the subject, routes it to its controllers with their due dates,
 * assesses identity, and writes the case, its parts, its first event and the acknowledgement e-mail
 * in one statement.
 */
export async function submitRequest(db: Db, input: TSubmitRequest, ctx: SubmitContext): Promise<SubmitResult> {
  const registry = ctx.registry ?? currentRegistry();
  // On the web form the server stamps the receipt time, so a retry differs only by it.
  const bodyHash = ctx.idempotencyKey
    ? hashBody(ctx.actor.type === "requester" ? { ...input, receivedAt: undefined } : input)
    : null;
  if (ctx.idempotencyKey) {
    const existing = await findByIdempotencyKey(db, ctx.idempotencyKey, bodyHash!);
    if (existing) return { request: existing, replayed: true, unusedProofs: ctx.proofs ?? [] };
  }
  checkRegistryKeys(input, registry);
  // The patient's own form asks for every detail its right needs; a request received another way is
  // taken as it came, and flagged to clarify.
  if (ctx.actor.type === "requester") requireDetails(input, registry);

  const verification: RequesterVerification = ctx.actor.type === "requester" ? ctx.actor.verification : "none";
  const proofKinds = (ctx.proofs ?? []).map((p) => p.kind);
  // Reading the records needs no transaction: the writes below are one atomic batch.
  const plan = await planRequest(db, input, verification, registry, proofKinds);
  await ensureRegistryVersion(db, registry);
  const needed = new Set(plan.identity.requiredProofs);
  const kept = (ctx.proofs ?? []).filter((p) => needed.has(p.kind));
  const unusedProofs = (ctx.proofs ?? []).filter((p) => !needed.has(p.kind));

  for (let attempt = 0; ; attempt++) {
    const rows = caseRows(input, { ...ctx, proofs: kept }, registry, plan, bodyHash);
    try {
      await insertCase(db, rows);
      return { request: rows.view, replayed: false, unusedProofs };
    } catch (error) {
      if (ctx.idempotencyKey && isUniqueViolation(error, "idempotencyKey")) {
        // A concurrent retry with the same key won the race: answer with its case.
        const existing = await findByIdempotencyKey(db, ctx.idempotencyKey, bodyHash!);
        if (existing) return { request: existing, replayed: true, unusedProofs: ctx.proofs ?? [] };
      }
      // Otherwise only a collision of the random reference is retried, with a new one; three in a
      // row (40 random bits each) cannot be chance: the client is asked to try again.
      if (!isUniqueViolation(error, "reference")) throw error;
      if (attempt >= 2) throw unavailable();
    }
  }
}

export interface RequestPlan {
  /** The scope the request covers (lib/routing effectiveScope), stored with the case. */
  scope: RequestScope;
  subject: SubjectMatch;
  parts: RoutedPart[];
  identity: IdentityAssessment;
}

/**
 * Everything decided about a request before it is written: who the subject is in the records, the
 * parts and their due dates, and what identity still needs. Used by the preview and by submission.
 */
export async function planRequest(
  tx: Db | Tx,
  input: TSubmitRequest,
  verification: RequesterVerification,
  registry: Registry,
  proofs: readonly ProofKind[] = [],
): Promise<RequestPlan> {
  const chosenIds = input.scope.healthActorIds ?? [];
  const chosenActors = chosenIds.length
    ? await tx.healthActor.findMany({ where: { id: { in: chosenIds } }, select: { id: true, name: true } })
    : [];
  const unknown = chosenIds.filter((id) => !chosenActors.some((a) => a.id === id));
  if (unknown.length) {
    throw AppError.validation(
      unknown.map((id) => ({ path: `scope.healthActorIds.${chosenIds.indexOf(id)}`, key: "unknown_health_actor" })),
    );
  }
  const subject = await findSubject(tx, { ...input.subject, requesterEmail: input.requester.email, verification });
  const scope = effectiveScope(input.right, input.scope, input.details.consents);
  const parts = routeRequest({
    right: input.right,
    scope,
    receivedAt: new Date(input.receivedAt),
    activities: registry.activities,
    subjectHealthActors: subject.healthActors,
    chosenHealthActors: chosenActors,
  });
  const identity = assessIdentity({
    relation: input.subject.relation,
    verification,
    matchesRecords: subject.matchesRecords,
    proofsProvided: proofs,
  });
  return { scope, subject, parts, identity };
}

/**
 * The rows of a new case (ids drawn here, so the answer is built without reading them back) and the
 * case as the views present it.
 */
function caseRows(
  input: TSubmitRequest,
  ctx: SubmitContext,
  registry: Registry,
  plan: RequestPlan,
  bodyHash: string | null,
) {
  const { subject, parts, identity } = plan;
  const now = new Date();
  const receivedAt = new Date(input.receivedAt);
  const transition = identity.status === "verified" ? "submit_verified" : "submit_unverified";
  const requestId = randomUUID();

  const request = {
    id: requestId,
    reference: generateReference(now.getUTCFullYear()),
    right: input.right,
    channel: input.channel,
    status: nextStatus(null, transition),
    receivedAt,
    dueDate: utcDay(latestDueDate(parts.map((p) => p.deadline.dueDate))),
    locale: input.locale,
    registryVersion: registry.version,
    identityStatus: identity.status,
    requesterFirstName: input.requester.firstName,
    requesterLastName: input.requester.lastName,
    requesterNameKey: nameKey(input.requester.lastName),
    requesterEmail: input.requester.email,
    requesterPhone: input.requester.phone ?? null,
    subjectRelation: input.subject.relation,
    subjectFirstName: input.subject.firstName,
    subjectLastName: input.subject.lastName,
    subjectNameKey: nameKey(input.subject.lastName),
    subjectBirthDate: utcDay(input.subject.birthDate),
    subjectEmail: input.subject.email ?? null,
    subjectPatientId: subject.patientId,
    subjectRelativeId: subject.relativeId,
    scope: plan.scope,
    details: input.details,
    needsClarification: missingDetails(input, registry.activities).length > 0,
    pausedDays: 0,
    // Décret 2019-536 art. 77: while the identification information we ask for is awaited, the clock stops.
    pausedSince: identity.status === "documents_required" ? receivedAt : null,
    informationReminderAt: null,
    effectsAppliedAt: null,
    extended: false,
    assigneeId: null,
    legalHoldReason: null,
    idempotencyKey: ctx.idempotencyKey ?? null,
    idempotencyHash: bodyHash,
    createdAt: now,
    updatedAt: now,
  };

  const partRows = parts.map((p) => ({
    id: randomUUID(),
    requestId,
    handler: p.handler,
    healthActorId: p.healthActor?.id ?? null,
    activities: p.activities,
    applicable: p.applicable,
    reason: p.reason ? { fr: p.reason.fr, en: p.reason.en } : null,
    deadlineRule: p.deadline.rule,
    dueDate: utcDay(p.deadline.dueDate),
    olderInformationDueDate: p.deadline.olderInformationDueDate ? utcDay(p.deadline.olderInformationDueDate) : null,
    earliestAnswerAt: p.deadline.earliestAnswerAt,
    outcome: null,
    grounds: [],
    answeredAt: null,
    forwardedAt: null,
    acknowledgedAt: null,
    escalatedAt: null,
    visibleToRequester: p.healthActor
      ? partVisibleToRequester(p.healthActor.id, subject.knownToRequester, plan.scope.healthActorIds)
      : true,
    status: p.handler === "platform" ? ("pending" as const) : ("awaiting_forwarding" as const),
    createdAt: now,
    updatedAt: now,
  }));

  // The first link of the case's trail, made as every other one is (lib/case-file/events.ts).
  const event = chainEvent(
    requestId,
    null,
    {
      type: transition,
      actorType: ctx.actor.type,
      actorId:
        ctx.actor.type === "api"
          ? ctx.actor.tokenId
          : ctx.actor.type === "staff"
            ? ctx.actor.staffUserId
            : input.requester.email,
      payload: {
        channel: input.channel,
        identityStatus: identity.status,
        missingProofs: identity.missingProofs,
        parts: parts.map((p) => ({
          handler: p.handler,
          healthActorId: p.healthActor?.id ?? null,
          dueDate: p.deadline.dueDate,
          rule: p.deadline.rule,
        })),
      },
    },
    now,
  );

  const shown = requesterParts(
    partRows.map((p, i) => ({ ...p, healthActor: parts[i]!.healthActor })),
    scopeReachesActors(plan.scope, registry),
  );
  const ack = acknowledgementEmail(input.locale, {
    reference: request.reference,
    right: input.right,
    receivedAt,
    parts: shown.visible.map((p) => ({
      handlerName: p.healthActor?.name ?? null,
      dueDate: fromDateColumn(p.dueDate),
      applicable: p.applicable,
    })),
    hiddenActors: shown.actorsNote,
    documentsRequired: identity.status === "documents_required",
    casesUrl: `${env().APP_URL}/${input.locale}/mes-demandes`,
  });
  const outbox = {
    id: randomUUID(),
    messageId: newMessageId(),
    to: input.requester.email,
    subject: ack.subject,
    html: ack.html,
    text: ack.text,
    requestId,
    attachments: [{ kind: "receipt" as const, requestId }],
  };

  const view: RequestWithParts = {
    ...request,
    scope: { ...plan.scope },
    details: input.details,
    parts: partRows.map((p, i) => ({ ...p, healthActor: parts[i]!.healthActor })),
    events: [{ ...event, id: 0n }],
  };
  const rows: CaseRows = {
    request,
    parts: partRows,
    proofs: (ctx.proofs ?? []).map((p) => ({
      kind: p.kind,
      storageKey: p.storageKey,
      contentType: p.contentType,
      size: p.size,
    })),
    event,
    outbox,
  };
  return { ...rows, view };
}

/**
 * The checks that need the registry: keys named in the scope and the details must exist, and
 * consents must rest on consent.
 */
export function checkRegistryKeys(input: Pick<TSubmitRequest, "scope" | "details">, registry: Registry): void {
  const byKey = activityByKey(registry);
  const fields: FieldError[] = [];
  (input.scope.activities ?? []).forEach((key, i) => {
    if (!byKey.has(key)) fields.push({ path: `scope.activities.${i}`, key: "unknown_activity" });
  });
  (input.details.consents ?? []).forEach((key, i) => {
    const activity = byKey.get(key);
    if (!activity) fields.push({ path: `details.consents.${i}`, key: "unknown_activity" });
    else if (activity.controller === "platform" && !activity.legalBases.includes("consent")) {
      fields.push({ path: `details.consents.${i}`, key: "not_consent_based" });
    }
  });
  if (fields.length) throw AppError.validation(fields);
}

/** Every detail the right needs (lib/rights/missing-details.ts), as the patient's form asks them. */
export function requireDetails(input: Pick<TSubmitRequest, "right" | "scope" | "details">, registry: Registry): void {
  const missing = missingDetails(input, registry.activities);
  if (missing.length)
    throw AppError.validation(missing.map((field) => ({ path: `details.${field}`, key: "required" })));
}

async function findByIdempotencyKey(db: Db, key: string, bodyHash: string): Promise<RequestWithParts | null> {
  const existing = await db.rightsRequest.findUnique({ where: { idempotencyKey: key }, include: REQUEST_VIEW_INCLUDE });
  if (existing && existing.idempotencyHash !== bodyHash) {
    throw new AppError("conflict", {
      fr: "Cette clé d'idempotence a déjà servi pour une autre demande.",
      en: "This idempotency key was already used for a different request.",
    });
  }
  return existing;
}

function hashBody(input: unknown): string {
  return createHash("sha256").update(canonicalJson(input)).digest("hex");
}
