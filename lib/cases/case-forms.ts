import { z } from "zod";
import { defineForm, type FormDefinition, formList, formText, textFields } from "@/lib/forms/definition";
import { receivedAtFromForm } from "@/lib/http/form-received-at";
import { ZBalanceObjection } from "@/lib/rights/objection/objection.schema";
import { RECTIFY_ROWS, rectifyChanges, ZRectify } from "@/lib/rights/rectification/rectify.schema";
import { ZAnnounceLift } from "@/lib/rights/restriction/restriction.schema";
import { ZUuid } from "@/lib/validation/ids";
import { requiredText } from "@/lib/validation/text";
import {
  type CaseActionName,
  ZAnswerPart,
  ZClarification,
  ZExtend,
  ZIdentityDecision,
  ZInformationReceived,
  ZLegalHold,
  ZRequestInformation,
} from "./case-action.schema";

const ZNothing = z.object({});

/**
 * The case page's form of each back-office action: the body its server action gives the action, the
 * same as the API's (lib/cases/run-case-action.ts), and the schema the action checks it with.
 */
export const CASE_FORMS = {
  assign: defineForm(z.object({ agentId: ZUuid.nullable() }), (form) => ({
    agentId: formText(form, "agentId") ?? null,
  })),
  note: defineForm(z.object({ text: requiredText(5000) })),
  decide_identity: defineForm(ZIdentityDecision),
  request_information: defineForm(ZRequestInformation, (form) => ({
    message: formText(form, "message"),
    documents: formList(form, "documents"),
  })),
  information_received: defineForm(ZInformationReceived, (form) => ({
    receivedAt: receivedAtFromForm(form, "received", "receivedAt", new Date()),
  })),
  clarify: defineForm(ZClarification, (form) => ({ details: clarifiedDetails(form) })),
  extend: defineForm(ZExtend),
  answer_part: defineForm(ZAnswerPart, (form) => ({
    ...textFields(form),
    grounds: formList(form, "grounds"),
    grantedActivities: formList(form, "grantedActivities"),
  })),
  close: defineForm(ZNothing, () => ({})),
  rectify: defineForm(ZRectify, (form) => ({ changes: rectifyChanges(form) })),
  announce_lift: defineForm(ZAnnounceLift),
  lift_restriction: defineForm(ZNothing, () => ({})),
  balance_objection: defineForm(ZBalanceObjection),
  set_legal_hold: defineForm(ZLegalHold),
  release_legal_hold: defineForm(ZNothing, () => ({})),
  resend_email: defineForm(z.object({ outboxId: ZUuid })),
} satisfies Record<CaseActionName, FormDefinition>;

/** An action's body from its form: whatever the form holds, the action is the one named. */
export function caseActionBody(action: CaseActionName, form: FormData): Record<string, unknown> {
  return { ...(CASE_FORMS[action].body(form) as object), action };
}

/** The clarification form's fields as the request's details (components/case-clarification.tsx): what is left empty is absent. */
function clarifiedDetails(form: FormData): Record<string, unknown> {
  const rectifications = RECTIFY_ROWS.map((i) => ({
    field: formText(form, `rect_field_${i}`),
    current: formText(form, `rect_current_${i}`) ?? "",
    corrected: formText(form, `rect_corrected_${i}`),
  })).filter((r) => r.field !== undefined || r.corrected !== undefined);
  const consents = formList(form, "consents");
  return {
    rectifications: rectifications.length > 0 ? rectifications : undefined,
    consents: consents.length > 0 ? consents : undefined,
    portabilityFormat: formText(form, "portabilityFormat"),
    restrictionGround: formText(form, "restrictionGround"),
    directives: formText(form, "directives"),
    objectionGrounds: formText(form, "objectionGrounds"),
  };
}
