"use server";

import { redirect } from "next/navigation";
import { signedInEmail } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError, runAction } from "@/lib/errors/app-error";
import { isLocale } from "@/lib/i18n/locale";
import { REFERENCE_PATTERN } from "@/lib/requests/reference";
import { withdrawRequest } from "@/lib/requests/withdraw-request";
import { replyToInformationRequest, ZRequesterReply } from "@/lib/cases/request-information";
import { getStorage } from "@/lib/storage";

export async function withdrawAction(locale: string, reference: string, _previous: unknown, form: FormData) {
  const lang = isLocale(locale) ? locale : "fr";
  const email = await signedInEmail();
  if (!email) redirect(`/${lang}/connexion`);
  const result = await runAction(lang, async () => {
    if (!REFERENCE_PATTERN.test(String(reference))) throw new AppError("not_found", { fr: "Demande introuvable.", en: "Request not found." });
    if (form.get("confirm") !== "yes") throw AppError.validation([{ path: "confirm", key: "required" }]);
    await withdrawRequest(db(), getStorage(), reference, email);
    return {};
  });
  if (result.ok) redirect(`/${lang}/mes-demandes/${reference}?retiree=1`);
  return result;
}

/** The requester answers the DPO's request for information: the clock starts again. */
export async function replyAction(locale: string, reference: string, _previous: unknown, form: FormData) {
  const lang = isLocale(locale) ? locale : "fr";
  const email = await signedInEmail();
  if (!email) redirect(`/${lang}/connexion`);
  const result = await runAction(lang, async () => {
    if (!REFERENCE_PATTERN.test(String(reference))) throw new AppError("not_found", { fr: "Demande introuvable.", en: "Request not found." });
    const { message } = ZRequesterReply.parse({ message: form.get("message") ?? "" });
    await replyToInformationRequest(db(), reference, email, message);
    return {};
  });
  if (result.ok) redirect(`/${lang}/mes-demandes/${reference}?repondu=1`);
  return result;
}
