import { z } from "zod";
import { HEIR_EXCLUDED_RIGHTS, RIGHT_DEFINITIONS, RIGHTS } from "@/lib/rights";
import { consentWithdrawalDetails } from "@/lib/rights/consent-withdrawal/details";
import { objectionDetails } from "@/lib/rights/objection/details";
import { portabilityDetails } from "@/lib/rights/portability/details";
import { postMortemDirectivesDetails } from "@/lib/rights/post-mortem-directives/details";
import { rectificationDetails } from "@/lib/rights/rectification/details";
import { restrictionDetails } from "@/lib/rights/restriction/details";
import { birthDay, isMinorOn, pastInstant } from "@/lib/validation/dates";
import { ZUuid } from "@/lib/validation/ids";
import { emailAddress as email, multilineText, personName as name } from "@/lib/validation/text";
import { CHANNELS, SUBJECT_RELATIONS } from "./submit-request.constants";

/**
 * The input of a rights request, shared by the patient's form, the staff API and the server.
 * Messages are translation keys (lib/i18n, section "errors").
 */

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

/**
 * The message, and each right's own fields (in its folder, lib/rights/<right>/details.ts), all
 * optional here: which ones a right needs is its definition's (lib/rights/missing-details.ts).
 */
export const ZDetails = z.object({
  message: multilineText(5000).optional(),
  ...rectificationDetails,
  ...objectionDetails,
  ...consentWithdrawalDetails,
  ...portabilityDetails,
  ...restrictionDetails,
  ...postMortemDirectivesDetails,
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
    if (input.subject.relation === "heir" && HEIR_EXCLUDED_RIGHTS.includes(input.right)) {
      issue(["right"], "heir_right");
    }
    const relations = RIGHT_DEFINITIONS[input.right].subjectRelations;
    if (relations && !relations.allowed.includes(input.subject.relation))
      issue(["subject", "relation"], relations.error);
  });

export type TSubmitRequest = z.infer<typeof ZSubmitRequest>;

/** A case's stored details as the schema reads them; what no longer fits it is not read (a page still shows). */
export function storedDetails(value: unknown): z.output<typeof ZDetails> {
  const parsed = ZDetails.safeParse(value);
  return parsed.success ? parsed.data : {};
}
