import { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";
import { PROOF_KINDS } from "@/lib/identity/assess-identity";
import { ZDetails } from "@/lib/requests/submit-request.schema";
import { pastInstant } from "@/lib/validation/dates";
import { ZUuid } from "@/lib/validation/ids";
import { multilineText, requiredText } from "@/lib/validation/text";
import { REFUSAL_GROUND_CODES } from "./grounds";

/**
 * The back-office actions available through the API, one shape per action; each action's own schema
 * (lib/cases) then checks its fields, the same as the pages' forms.
 */
export const ZCaseAction = z.discriminatedUnion(
  "action",
  [
    z.object({ action: z.literal("assign"), agentId: ZUuid.nullable() }),
    z.object({ action: z.literal("note"), text: requiredText(5000) }),
    z.object({
      action: z.literal("decide_identity"),
      decision: z.enum(["accepted", "rejected"], "choice"),
      reason: multilineText(2000).optional(),
    }),
    z.object({
      action: z.literal("request_information"),
      message: z.string(),
      documents: z.array(z.string()).optional(),
    }),
    z.object({ action: z.literal("clarify"), details: z.unknown() }),
    z.object({ action: z.literal("information_received"), receivedAt: z.string().optional() }),
    z.object({ action: z.literal("extend"), reason: z.string() }),
    z.object({
      action: z.literal("answer_part"),
      partId: z.string(),
      outcome: z.string(),
      grounds: z.array(z.string()).optional(),
      grantedActivities: z.array(z.string()).optional(),
      message: z.string(),
    }),
    z.object({ action: z.literal("close") }),
    z.object({ action: z.literal("rectify"), changes: z.array(z.unknown()) }),
    z.object({ action: z.literal("announce_lift"), reason: z.string() }),
    z.object({ action: z.literal("lift_restriction") }),
    z.object({ action: z.literal("balance_objection"), decision: z.string(), reasons: z.string() }),
    z.object({ action: z.literal("set_legal_hold"), reason: z.string() }),
    z.object({ action: z.literal("release_legal_hold") }),
    z.object({ action: z.literal("resend_email"), outboxId: ZUuid }),
  ],
  { error: "choice" },
);
export type TCaseAction = z.infer<typeof ZCaseAction>;
export type CaseActionName = TCaseAction["action"];

/** The permission each action needs (lib/auth/permissions.ts), whoever calls it: a page or the API. */
export const CASE_ACTION_PERMISSIONS: Record<CaseActionName, Permission> = {
  assign: "requests.assign",
  note: "requests.note",
  decide_identity: "identity.decide",
  request_information: "requests.request_information",
  information_received: "requests.request_information",
  clarify: "requests.answer",
  extend: "requests.extend",
  answer_part: "requests.answer",
  close: "requests.close",
  rectify: "requests.answer",
  announce_lift: "requests.answer",
  lift_restriction: "requests.answer",
  balance_objection: "requests.answer",
  set_legal_hold: "legal_hold.manage",
  release_legal_hold: "legal_hold.manage",
  resend_email: "emails.resend",
};

/**
 * The action a body names, when it names one of CASE_ACTION_PERMISSIONS' own keys; null otherwise
 * (a name such as "constructor" or "__proto__" is a property of every object, never an action).
 */
export function caseActionName(body: unknown): CaseActionName | null {
  const name =
    typeof body === "object" && body !== null && Object.hasOwn(body, "action")
      ? (body as { action: unknown }).action
      : undefined;
  return typeof name === "string" && Object.hasOwn(CASE_ACTION_PERMISSIONS, name) ? (name as CaseActionName) : null;
}

/* Each action's own fields, read by the action (lib/cases) and by the page's form as you type. */

export const ZAnswerPart = z
  .object({
    partId: ZUuid,
    outcome: z.enum(["granted", "partly_granted", "refused"], "choice"),
    grounds: z.array(z.enum(REFUSAL_GROUND_CODES, "choice")).max(10).default([]),
    /** An erasure granted in part: the processing erased (the part's own activities); the rest is kept on the grounds given. */
    grantedActivities: z.array(z.string().max(64)).max(50).default([]),
    /** The answer itself, and for Art. 12(5) grounds the facts that show the request unfounded or excessive. */
    message: requiredText(10_000),
  })
  .refine((a) => a.outcome === "granted" || a.grounds.length > 0, { path: ["grounds"], message: "required" });
export type TAnswerPart = z.infer<typeof ZAnswerPart>;
export type TAnswerPartInput = z.input<typeof ZAnswerPart>;

export const ZIdentityDecision = z
  .object({
    decision: z.enum(["accepted", "rejected"], "choice"),
    reason: multilineText(2000).optional(),
  })
  .refine((d) => d.decision === "accepted" || (d.reason?.length ?? 0) > 0, { path: ["reason"], message: "required" });
export type TIdentityDecision = z.infer<typeof ZIdentityDecision>;

export const ZRequestInformation = z.object({
  message: requiredText(5000),
  /** Identification documents asked with the question (only while the identity is checked). */
  documents: z.array(z.enum(PROOF_KINDS, "choice")).max(PROOF_KINDS.length, "too_long").default([]),
});
export type TRequestInformation = z.input<typeof ZRequestInformation>;
/** The requester's answer, typed in "Mes demandes" (the same limit as the DPO's question); files may come with it. */
export const ZRequesterReply = z.object({
  message: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    multilineText(5000).optional(),
  ),
});
export const ZInformationReceived = z.object({ receivedAt: pastInstant().optional() });

export const ZExtend = z.object({ reason: requiredText(5000) });

export const ZLegalHold = z.object({ reason: requiredText(2000) });

/** What the DPO records: the right's own fields, as the form asks them (the requester's message stays as written). */
export const ZClarification = z.object({ details: ZDetails.omit({ message: true }) });
export type TClarification = z.input<typeof ZClarification>;
