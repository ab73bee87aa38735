/**
 * The lifecycle of a rights request: every status and every allowed transition, in one table.
 * Each transition is recorded as a RequestEvent of the same name (with actor and time).
 */

export const REQUEST_STATUSES = [
  "received",
  "awaiting_identity",
  "in_progress",
  "awaiting_information",
  "answered",
  "closed",
  "withdrawn",
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

type Transition = { from: readonly RequestStatus[]; to: RequestStatus };

/** The statuses of a case someone still has to work on ("open" in the queue). */
export const OPEN_STATUSES = [
  "received",
  "awaiting_identity",
  "in_progress",
  "awaiting_information",
] as const satisfies readonly RequestStatus[];

export const TRANSITIONS = {
  /** Identity established at filing (signed in, or e-mail code and records match). */
  submit_verified: { from: [], to: "received" },
  /** Identity still to establish: a code, a document or a proof is awaited or must be checked. */
  submit_unverified: { from: [], to: "awaiting_identity" },
  identity_accepted: { from: ["awaiting_identity"], to: "received" },
  /** Identity not established: the DPO answers with a refusal on that ground (Art. 12(2), 12(6)). */
  identity_rejected: { from: ["awaiting_identity"], to: "in_progress" },
  start_handling: { from: ["received"], to: "in_progress" },
  /**
   * Information or clarification asked of the requester: the clock pauses (décret 2019-536 art. 77; GDPR
   * Recital 63). While the identity is checked too: an ID document, a proof of authority, or what the request
   * lacks.
   */
  request_information: { from: ["received", "awaiting_identity", "in_progress"], to: "awaiting_information" },
  information_received: { from: ["awaiting_information"], to: "in_progress" },
  /** The answer to a question asked while the identity was checked: the identity decision follows. */
  identification_received: { from: ["awaiting_information"], to: "awaiting_identity" },
  /**
   * Every part has its answer. From awaiting_identity only when health actors, who decide the
   * identity of a parent or an heir themselves (CSP L1111-5, LIL art. 85), answered every part.
   */
  all_parts_answered: { from: ["received", "awaiting_identity", "in_progress"], to: "answered" },
  /** Closing an open case is only for want of an answer, once the requester was reminded (close-case.ts). */
  close: { from: ["answered", "awaiting_identity", "awaiting_information"], to: "closed" },
  withdraw: { from: OPEN_STATUSES, to: "withdrawn" },
} as const satisfies Record<string, Transition>;

export type TransitionName = keyof typeof TRANSITIONS;

export class TransitionError extends Error {
  constructor(
    readonly transition: TransitionName,
    readonly from: RequestStatus | null,
  ) {
    super(`Transition "${transition}" is not allowed from status "${from ?? "(new)"}"`);
    this.name = "TransitionError";
  }
}

export function canTransition(from: RequestStatus | null, transition: TransitionName): boolean {
  const allowed: readonly RequestStatus[] = TRANSITIONS[transition].from;
  return from === null ? allowed.length === 0 : allowed.includes(from);
}

/** The status after a transition, or a TransitionError when the table does not allow it. */
export function nextStatus(from: RequestStatus | null, transition: TransitionName): RequestStatus {
  if (!canTransition(from, transition)) throw new TransitionError(transition, from);
  return TRANSITIONS[transition].to;
}

export function isOpen(status: RequestStatus): boolean {
  return (OPEN_STATUSES as readonly RequestStatus[]).includes(status);
}

/** A part still waiting for its answer: the platform's, or a health actor's before or after forwarding. */
export const OPEN_PART_STATUSES = ["pending", "awaiting_forwarding", "forwarded"] as const;

export function isOpenPart(status: string): boolean {
  return (OPEN_PART_STATUSES as readonly string[]).includes(status);
}
