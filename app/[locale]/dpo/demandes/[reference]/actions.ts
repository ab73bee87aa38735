"use server";

import { revalidatePath } from "next/cache";
import { CASE_ACTION_PERMISSIONS, caseActionName, type CaseActionName } from "@/lib/cases/case-action.schema";
import { caseActionBody } from "@/lib/cases/case-forms";
import { runCaseAction } from "@/lib/cases/run-case-action";
import { AppError, runAction } from "@/lib/errors/app-error";
import { actionForm } from "@/lib/http/action-form";
import { isLocale } from "@/lib/i18n/locale";
import { staffAllowedTo } from "@/lib/staff/current-staff";

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
    await runCaseAction(reference, caseActionBody(action, actionForm(formData)), {
      type: "staff",
      staffId: viewer.id,
      actorId: viewer.id,
    });
    revalidatePath(`/${lang}/dpo/demandes/${reference}`);
    return {};
  });
}
