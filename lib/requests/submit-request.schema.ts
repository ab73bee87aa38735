import { z } from "zod";
import { RIGHTS } from "@/lib/rights/rights";

/**
 * The input of a rights request, shared by the patient's form, the staff API and the server.
 * Messages are translation keys (lib/i18n, section "errors").
 */

import { CHANNELS, PORTABILITY_FORMATS, RESTRICTION_GROUNDS, SUBJECT_RELATIONS } from "./submit-request.constants";

export { CHANNELS, PORTABILITY_FORMATS, RESTRICTION_GROUNDS, SUBJECT_RELATIONS };

/** Text a person typed: no control characters, valid Unicode (what PostgreSQL can store). */
const typed = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "too_long")
    .refine((s) => s.isWellFormed() && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), "characters");
const name = typed(100).pipe(z.string().min(1, "required"));
const email = z.string().trim().toLowerCase().max(254, "too_long").pipe(z.email("email"));
/** The GDPR applies from 25 May 2018: no request is received before. */
const GDPR_START = Date.parse("2018-05-25T00:00:00Z");
const phone = z
  .string()
  .trim()
  .max(30, "too_long")
  .regex(/^\+?[0-9 .()-]{6,}$/, "phone");
const text = (max: number) => typed(max).pipe(z.string().min(1, "required"));
const isoDay = z.iso.date("date").refine((d) => d >= "1900-01-01", "date_range");

export const ZPerson = z.object({ firstName: name, lastName: name, email, phone: phone.optional() });

export const ZSubject = z.object({
  relation: z.enum(SUBJECT_RELATIONS, "choice"),
  firstName: name,
  lastName: name,
  birthDate: isoDay,
  email: email.optional(),
});

export const ZScope = z.object({
  activities: z.array(z.string().max(64)).max(100).optional(),
  healthActorIds: z.array(z.uuid("uuid")).max(100).optional(),
});

const ZRectificationItem = z.object({ field: text(100), current: typed(500), corrected: text(500) });

/** Right-specific fields, all optional here: which ones a right needs is lib/rights/missing-details.ts. */
export const ZDetails = z.object({
  message: typed(5000).optional(),
  rectifications: z.array(ZRectificationItem).max(20).optional(),
  objectionGrounds: typed(5000).optional(),
  consents: z.array(z.string().max(64)).max(50).optional(),
  portabilityFormat: z.enum(PORTABILITY_FORMATS, "choice").optional(),
  restrictionGround: z.enum(RESTRICTION_GROUNDS, "choice").optional(),
  directives: typed(10_000).optional(),
  designatedPerson: z.object({ firstName: name, lastName: name, email }).optional(),
});

export const ZSubmitRequest = z
  .object({
    right: z.enum(RIGHTS, "choice"),
    channel: z.enum(CHANNELS, "choice"),
    receivedAt: z.iso.datetime({ offset: true, error: "datetime" }),
    locale: z.enum(["fr", "en"]).default("fr"),
    requester: ZPerson,
    subject: ZSubject,
    scope: ZScope.default({}),
    details: ZDetails.default({}),
  })
  .superRefine((input, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
    if (Date.parse(input.receivedAt) > Date.now() + 60_000) issue(["receivedAt"], "future");
    if (Date.parse(input.receivedAt) < GDPR_START) issue(["receivedAt"], "date_range");
    if (input.subject.birthDate > new Date().toISOString().slice(0, 10)) issue(["subject", "birthDate"], "future");
    if (input.subject.relation === "minor" && !isMinorOn(input.subject.birthDate, input.receivedAt)) {
      issue(["subject", "birthDate"], "not_minor");
    }
    // LIL art. 85 II: without directives, heirs act only to settle the estate and to have the death
    // taken into account (access, rectification, erasure, objection, execution of directives).
    if (input.subject.relation === "heir" && (HEIR_EXCLUDED_RIGHTS as readonly string[]).includes(input.right)) {
      issue(["right"], "heir_right");
    }
    // Which details a right needs is lib/rights/missing-details.ts: a request received by post, e-mail,
    // phone or through the API is registered without them and flagged to clarify; the patient's form
    // asks for them (requireDetails).
    const relation = input.subject.relation;
    if (input.right === "post_mortem_directives" && relation !== "self" && relation !== "heir" && relation !== "designated_person") {
      issue(["subject", "relation"], "post_mortem_relation");
    }
  });

export const HEIR_EXCLUDED_RIGHTS = ["portability", "restriction", "consent_withdrawal"] as const;

export type TSubmitRequest = z.infer<typeof ZSubmitRequest>;
export type TSubmitRequestInput = z.input<typeof ZSubmitRequest>;

/** Under 18 on the day the request was received. */
export function isMinorOn(birthDate: string, at: string): boolean {
  const day = at.slice(0, 10);
  const [y, m, dd] = birthDate.split("-").map(Number) as [number, number, number];
  const eighteenth = `${String(y + 18).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(dd).padStart(2, "0")}`;
  return day < eighteenth;
}
