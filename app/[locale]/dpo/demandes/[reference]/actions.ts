"use server";

import { revalidatePath } from "next/cache";
import { CASE_ACTION_PERMISSIONS, caseActionName, type CaseActionName } from "@/lib/cases/case-action.schema";
import { runCaseAction } from "@/lib/cases/run-case-action";
import { AppError, runAction } from "@/lib/errors/app-error";
import { actionForm } from "@/lib/http/action-form";
import { receivedAtFromForm } from "@/lib/http/form-received-at";
import { isLocale } from "@/lib/i18n/locale";
import { staffAllowedTo } from "@/lib/staff/current-staff";

/** Form fields read apart (or not at all: a field named "action" cannot change the action). */
const NOT_COPIED = new Set(["action", "grounds", "grantedActivities", "receivedDay", "receivedTime", "__proto__"]);

/** The rows of the rectification form (and of the clarification's corrections). */
const RECTIFY_ROWS = [0, 1, 2];

/**
 * The form's fields as the action's body: empty fields are absent, "grounds" and "grantedActivities" may repeat, no agent is
 * null, and a receipt typed as a Paris date and time becomes the instant the API takes.
 */
function bodyOf(action: CaseActionName, form: FormData): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === "string" && value.trim() !== "" && !NOT_COPIED.has(key)) body[key] = value;
  }
  // The action is the one whose permission was checked, whatever the form holds.
  body.action = action;
  if (action === "answer_part") {
    body.grounds = form.getAll("grounds").map(String);
    body.grantedActivities = form.getAll("grantedActivities").map(String);
  }
  if (action === "assign") body.agentId = typeof body.agentId === "string" ? body.agentId : null;
  if (action === "information_received")
    body.receivedAt = receivedAtFromForm(form, "received", "receivedAt", new Date());
  if (action === "rectify") {
    body.changes = RECTIFY_ROWS.map((i) => ({ field: form.get(`field_${i}`), value: form.get(`value_${i}`) })).filter(
      (c) => c.field && c.value,
    );
  }
  if (action === "request_information") body.documents = form.getAll("documents").map(String);
  if (action === "clarify") return { action, details: clarifiedDetails(form) };
  return body;
}

/** The clarification form's fields as the request's details (components/case-clarification.tsx): what is left empty is absent. */
function clarifiedDetails(form: FormData): Record<string, unknown> {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" && value.trim() !== "" ? value : undefined;
  };
  const rectifications = RECTIFY_ROWS.map((i) => ({
    field: text(`rect_field_${i}`),
    current: text(`rect_current_${i}`) ?? "",
    corrected: text(`rect_corrected_${i}`),
  })).filter((r) => r.field !== undefined || r.corrected !== undefined);
  const consents = form.getAll("consents").map(String);
  return {
    rectifications: rectifications.length > 0 ? rectifications : undefined,
    consents: consents.length > 0 ? consents : undefined,
    portabilityFormat: text("portabilityFormat"),
    restrictionGround: text("restrictionGround"),
    directives: text("directives"),
    objectionGrounds: text("objectionGrounds"),
  };
}

/** Every action of the case page: checked against the permission matrix, then run as the API runs it. */
export async function caseFormAction(
  locale: string,
  reference: string,
  actionName: CaseActionName,
  _previous: unknown,
  formData: unknown,
) {
  const lang = isLocale(locale) ? locale : "fr";
  return runAction(lang, async () => {
    // The action name comes from the page, but a server action can be called with anything.
    const action = caseActionName({ action: actionName });
    if (!action) throw AppError.validation([{ path: "action", key: "choice" }]);
    const viewer = await staffAllowedTo(CASE_ACTION_PERMISSIONS[action]);
    await runCaseAction(reference, bodyOf(action, actionForm(formData)), {
      type: "staff",
      staffId: viewer.id,
      actorId: viewer.id,
    });
    revalidatePath(`/${lang}/dpo/demandes/${reference}`);
    return {};
  });
}
