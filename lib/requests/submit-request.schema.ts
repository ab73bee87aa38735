import { z } from "zod";
import { RIGHTS } from "@/lib/rights/rights";
import { birthDay, pastInstant } from "@/lib/validation/dates";
import { ZUuid } from "@/lib/validation/ids";
import { multilineText, requiredLine, requiredText } from "@/lib/validation/text";

/**
 * The input of a rights request, shared by the patient's form, the staff API and the server.
 * Messages are translation keys (lib/i18n, section "errors").
 */

import { CHANNELS, PORTABILITY_FORMATS, RESTRICTION_GROUNDS, SUBJECT_RELATIONS } from "./submit-request.constants";

export { CHANNELS, PORTABILITY_FORMATS, RESTRICTION_GROUNDS, SUBJECT_RELATIONS };

const name = requiredLine(100);
const email = z.string().trim().toLowerCase().max(254, "too_long").pipe(z.email("email"));
/** The GDPR applies from 25 May 2018: no request is received before. */
const GDPR_START = "2018-05-25";
const phone = z
  .string()
  .trim()
  .max(30, "too_long")
  .regex(/^\+?[0-9 .()-]{6,}$/, "phone");

export const ZPerson = z.object({ firstName: name, lastName: name, email, phone: phone.optional() });

export const ZSubject = z.object({
  relation: z.enum(SUBJECT_RELATIONS, "choice"),
  firstName: name,
  lastName: name,
  birthDate: birthDay(),
  email: email.optional(),
});

export const ZScope = z.object({
  activities: z.array(z.string().max(64)).max(100).optional(),
  healthActorIds: z.array(ZUuid).max(100).optional(),
});

const ZRectificationItem = z.object({
  field: requiredLine(100),
  current: multilineText(500),
  corrected: requiredText(500),
});

/** Right-specific fields, all optional here: which ones a right needs is lib/rights/missing-details.ts. */
export const ZDetails = z.object({
  message: multilineText(5000).optional(),
  rectifications: z.array(ZRectificationItem).max(20).optional(),
  objectionGrounds: multilineText(5000).optional(),
  consents: z.array(z.string().max(64)).max(50).optional(),
  portabilityFormat: z.enum(PORTABILITY_FORMATS, "choice").optional(),
  restrictionGround: z.enum(RESTRICTION_GROUNDS, "choice").optional(),
  directives: multilineText(10_000).optional(),
  designatedPerson: z.object({ firstName: name, lastName: name, email }).optional(),
});

export const ZSubmitRequest = z
  .object({
    right: z.enum(RIGHTS, "choice"),
    channel: z.enum(CHANNELS, "choice"),
    receivedAt: pastInstant(GDPR_START),
    locale: z.enum(["fr", "en"]).default("fr"),
    requester: ZPerson,
    subject: ZSubject,
    scope: ZScope.default({}),
    details: ZDetails.default({}),
  })
  .superRefine((input, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
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
    if (
      input.right === "post_mortem_directives" &&
      relation !== "self" &&
      relation !== "heir" &&
      relation !== "designated_person"
    ) {
      issue(["subject", "relation"], "post_mortem_relation");
    }
  });

export const HEIR_EXCLUDED_RIGHTS = ["portability", "restriction", "consent_withdrawal"] as const;

export type TSubmitRequest = z.infer<typeof ZSubmitRequest>;

/** Under 18 on the day the request was received. */
export function isMinorOn(birthDate: string, at: string): boolean {
  const day = at.slice(0, 10);
  const [y, m, dd] = birthDate.split("-").map(Number) as [number, number, number];
  const eighteenth = `${String(y + 18).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(dd).padStart(2, "0")}`;
  return day < eighteenth;
}
