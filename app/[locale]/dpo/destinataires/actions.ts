"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { runAction } from "@/lib/errors/app-error";
import { isLocale } from "@/lib/i18n/locale";
import { saveRecipientContact } from "@/lib/recipients/contacts";
import { staffAllowedTo } from "@/lib/staff/current-staff";
import { actionForm } from "@/lib/http/action-form";

const lang = (locale: string) => (isLocale(locale) ? locale : "fr");

/** Admins set how a recipient is told of changes (GDPR Art. 19): e-mail, OpenDSR service, or both. */
export async function saveContactAction(locale: string, name: string, _previous: unknown, formData: unknown) {
  return runAction(lang(locale), async () => {
    const viewer = await staffAllowedTo("recipients.manage");
    const form = actionForm(formData);
    await saveRecipientContact(db(), viewer, { name, email: form.get("email"), opendsrUrl: form.get("opendsrUrl") });
    revalidatePath(`/${lang(locale)}/dpo/destinataires`);
    return {};
  });
}
