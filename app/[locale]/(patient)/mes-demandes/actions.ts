"use server";

import { redirect } from "next/navigation";
import { signedInEmail } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError, runAction } from "@/lib/errors/app-error";
import { isLocale } from "@/lib/i18n/locale";
import { withdrawRequest } from "@/lib/requests/withdraw-request";
import { getStorage } from "@/lib/storage";
import { actionForm } from "@/lib/http/action-form";
import { requireReference } from "@/lib/validation/ids";

/**
 * A step the signed-in requester takes on one of their cases: redirected to sign in first, then
 * `step` runs with their proven address; on success the case page opens with `notice` set.
 */
async function requesterStep(
  locale: string,
  reference: string,
  notice: string,
  step: (email: string) => Promise<void>,
) {
  const lang = isLocale(locale) ? locale : "fr";
  const email = await signedInEmail();
  if (!email) redirect(`/${lang}/connexion`);
  const result = await runAction(lang, async () => {
    requireReference(reference);
    await step(email);
    return {};
  });
  if (result.ok) redirect(`/${lang}/mes-demandes/${reference}?${notice}=1`);
  return result;
}

export async function withdrawAction(locale: string, reference: string, _previous: unknown, formData: unknown) {
  return requesterStep(locale, reference, "retiree", async (email) => {
    if (actionForm(formData).get("confirm") !== "yes")
      throw AppError.validation([{ path: "confirm", key: "required" }]);
    await withdrawRequest(db(), getStorage(), reference, email);
  });
}
