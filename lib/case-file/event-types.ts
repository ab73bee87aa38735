import { z } from "zod";

/**
 * Every event a case's trail may hold, each with the shape of its payload: written and read back
 * through this table only (appendEvent, readPayload), so a payload is never taken on trust.
 */

const text = z.string();
const ids = z.array(z.string());
const nothing = z.object({});
const partOnly = z.object({ partId: text });
/** A health actor's part with its due date (a calendar day). */
const partDue = z.object({ partId: text, healthActorId: text.nullable(), dueDate: text });
const submitted = z.object({
  channel: text,
  identityStatus: text,
  missingProofs: ids,
  parts: z.array(z.object({ handler: text, healthActorId: text.nullable(), dueDate: text, rule: text })),
});
const identityDecided = z.object({ reason: text.nullable(), documents: ids });
/** Information came: registered by the DPO (its receipt time), or sent by the requester from the portal. */
const informationCame = z.object({
  receivedAt: text,
  messageId: text.nullable().optional(),
  kinds: ids.optional(),
  missing: ids.optional(),
});
const legalHold = z.object({ reason: text.nullable() });
const exportRef = z.object({ exportId: text });
const notice = z.object({
  noticeId: text,
  recipient: text,
  channel: z.enum(["email", "opendsr"]).optional(),
  attempts: z.number().optional(),
  reported: text.optional(),
  expectedCompletionAt: text.optional(),
});

export const CASE_EVENTS = {
  // Filing
  submit_verified: submitted,
  submit_unverified: submitted,
  withdraw: nothing,
  // Identity and information
  proofs_submitted: z.object({ kinds: ids, missing: ids }),
  proofs_abandoned: z.object({ kinds: ids, afterDays: z.number() }),
  identity_accepted: identityDecided,
  identity_rejected: identityDecided,
  /** A DPO agent opened a proof (the trail shows who saw an identity document, and when). */
  proof_viewed: z.object({ kind: text }),
  request_information: z.object({ message: text, documents: ids }),
  information_received: informationCame,
  identification_received: informationCame,
  information_reminder: z.object({ closableOn: text }),
  details_clarified: z.object({ fields: ids }),
  // The DPO's handling
  assign: z.object({ agentId: text.nullable() }),
  note: z.object({ text }),
  extend: z.object({ reason: text, dueDate: text }),
  legal_hold_set: legalHold,
  legal_hold_released: legalHold,
  answer_part: z.object({ partId: text, outcome: text, grounds: ids }),
  all_parts_answered: nothing,
  close: z.object({ withoutAnswer: z.boolean().optional() }),
  email_resent: z.object({
    outboxId: text,
    recipient: text,
    subject: text,
    messageId: text,
    refusedWith: text.nullable(),
  }),
  // The rights' effects
  immediate_effects: z.object({ consentsWithdrawn: ids, directMarketingStopped: z.boolean(), at: text }),
  access_copy_ready: z.object({ exportId: text, kind: z.enum(["access", "portability"]), expiresAt: text }),
  access_copy_downloaded: exportRef,
  access_copy_deleted: exportRef,
  erasure_applied: z.object({
    erased: z.array(z.object({ item: text, count: z.number() })),
    kept: ids,
    archivedUntil: text.nullable(),
  }),
  erasure_archive_purged: z.object({ documents: z.number() }),
  restriction_applied: z.object({ at: text }),
  restriction_lift_announced: z.object({ reason: text }),
  restriction_lifted: nothing,
  rectification_applied: z.object({
    changes: z.array(z.object({ field: text, before: text.nullable(), after: text })),
  }),
  objection_balanced: z.object({
    activities: ids,
    decision: z.enum(["objection_upheld", "compelling_grounds"]),
    reason: text,
  }),
  // The health actors' parts
  forward: partDue,
  actor_overdue: partDue,
  actor_acknowledged: partOnly,
  actor_answer: z.discriminatedUnion("mode", [
    z.object({ partId: text, mode: z.literal("portal"), letterId: text }),
    z.object({ partId: text, mode: z.literal("other"), sentOn: text, channel: text }),
  ]),
  actor_decline: partOnly,
  actor_package_downloaded: z.object({ partId: text, format: z.enum(["zip", "pdf"]) }),
  actor_instruction: z.discriminatedUnion("kind", [
    z.object({ partId: text, kind: z.enum(["erase_appointments", "restrict"]), appointments: z.number() }),
    z.object({
      partId: text,
      kind: z.literal("rectify_identity"),
      changes: z.record(z.string(), z.object({ before: text, after: text })),
    }),
  ]),
  // The recipients told (GDPR Art. 19)
  recipients_notice_queued: z.object({ right: text, change: z.number(), count: z.number(), recipients: ids }),
  recipient_notice_sent: notice,
  recipient_notice_in_progress: notice,
  recipient_notice_completed: notice,
  recipient_notice_cancelled: notice,
  recipient_notice_failed: notice,
  recipient_notice_no_contact: notice,
} satisfies Record<string, z.ZodType<Record<string, unknown>>>;

export type CaseEventType = keyof typeof CASE_EVENTS;
/** The payload an event of that type is written with. */
export type EventPayload<T extends CaseEventType> = z.input<(typeof CASE_EVENTS)[T]>;
/** The payload as it is read back. */
export type StoredPayload<T extends CaseEventType> = z.output<(typeof CASE_EVENTS)[T]>;

export function isCaseEventType(type: string): type is CaseEventType {
  return Object.hasOwn(CASE_EVENTS, type);
}

/**
 * Checks a payload against its type's shape before it is written: a field of the wrong shape, or
 * one the table does not know, is a bug, and throws.
 */
export function checkedPayload<T extends CaseEventType>(type: T, payload: EventPayload<T>): StoredPayload<T> {
  const parsed = CASE_EVENTS[type].parse(payload) as StoredPayload<T>;
  const unknown = Object.keys(payload).filter((key) => !Object.hasOwn(parsed, key));
  if (unknown.length) throw new Error(`Event ${type}: fields not in its shape: ${unknown.join(", ")}`);
  return parsed;
}

/**
 * A stored event's payload, parsed by its type's shape; null when the event is not of that type,
 * or when what is stored does not fit it (then nothing is read from it, and a page still shows).
 */
export function readPayload<T extends CaseEventType>(
  type: T,
  event: { type: string; payload: unknown } | null | undefined,
): StoredPayload<T> | null {
  if (!event || event.type !== type) return null;
  const parsed = CASE_EVENTS[type].safeParse(event.payload);
  return parsed.success ? (parsed.data as StoredPayload<T>) : null;
}

/** Any stored event's payload, parsed by its type's shape (an unknown type, or one that does not fit, reads as empty). */
export function eventPayload(event: { type: string; payload: unknown }): Record<string, unknown> {
  if (!isCaseEventType(event.type)) return {};
  const parsed = CASE_EVENTS[event.type].safeParse(event.payload);
  return parsed.success ? parsed.data : {};
}

/** The part an event concerns, when it names one. */
export function eventPartId(event: { type: string; payload: unknown }): string | null {
  const partId = eventPayload(event).partId;
  return typeof partId === "string" ? partId : null;
}
