"use server";

import { revalidatePath } from "next/cache";
import { CASE_ACTION_PERMISSIONS, type CaseActionName } from "@/lib/cases/case-action.schema";
import { runCaseAction } from "@/lib/cases/run-case-action";
import { runAction } from "@/lib/errors/app-error";
import { isLocale } from "@/lib/i18n/locale";
import { staffAllowedTo } from "@/lib/staff/current-staff";

/** The form's fields as the action's body: empty fields are absent, "grounds" may repeat, no agent is null. */
function bodyOf(action: CaseActionName, form: FormData): Record<string, unknown> {
  const body: Record<string, unknown> = { action };
  for (const [key, value] of form.entries()) {
    if (typeof value === "string" && value.trim() !== "" && key !== "grounds") body[key] = value;
  }
  if (action === "answer_part") body.grounds = form.getAll("grounds").map(String);
  if (action === "assign") body.agentId = typeof body.agentId === "string" ? body.agentId : null;
  return body;
}

/** Every action of the case page: checked against the permission matrix, then run as the API runs it. */
export async function caseFormAction(locale: string, reference: string, action: CaseActionName, _previous: unknown, form: FormData) {
  const lang = isLocale(locale) ? locale : "fr";
  return runAction(lang, async () => {
    const viewer = await staffAllowedTo(CASE_ACTION_PERMISSIONS[action]);
    await runCaseAction(reference, bodyOf(action, form), { type: "staff", staffId: viewer.id, actorId: viewer.id });
    revalidatePath(`/${lang}/dpo/demandes/${reference}`);
    return {};
  });
}
