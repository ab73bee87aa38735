"use server";

import { revalidatePath } from "next/cache";
import { createActorKey, revokeActorKey, ZKeyName } from "@/lib/actors/api-keys";
import { currentMember } from "@/lib/actors/current-member";
import type { Membership } from "@/lib/actors/inbox";
import { removeWebhook, setWebhook, ZWebhookUrl } from "@/lib/actors/webhooks";
import { db } from "@/lib/db";
import { AppError, runAction } from "@/lib/errors/app-error";
import { isLocale } from "@/lib/i18n/locale";
import { actionForm } from "@/lib/http/action-form";

/** Runs an admin's integration change with their memberships (each lib function checks the role). */
async function asAdmin<T extends object>(locale: string, change: (memberships: Membership[]) => Promise<T>) {
  const lang = isLocale(locale) ? locale : "fr";
  return runAction(lang, async () => {
    const viewer = await currentMember();
    if (!viewer)
      throw new AppError("unauthenticated", {
        fr: "Session expirée : reconnectez-vous.",
        en: "Session expired: sign in again.",
      });
    const result = await change(viewer.memberships);
    revalidatePath(`/${lang}/pro/integration`);
    return result;
  });
}

export async function createKeyAction(locale: string, healthActorId: string, _previous: unknown, formData: unknown) {
  return asAdmin(locale, async (m) => ({
    secret: (
      await createActorKey(
        db(),
        m,
        healthActorId,
        ZKeyName.parse({ name: actionForm(formData).get("name") ?? "" }).name,
      )
    ).key,
  }));
}

export async function revokeKeyAction(locale: string, healthActorId: string, _previous: unknown, formData: unknown) {
  return asAdmin(locale, async (m) => {
    await revokeActorKey(db(), m, healthActorId, String(actionForm(formData).get("keyId") ?? ""));
    return {};
  });
}

export async function setWebhookAction(locale: string, healthActorId: string, _previous: unknown, formData: unknown) {
  return asAdmin(locale, async (m) =>
    setWebhook(db(), m, healthActorId, ZWebhookUrl.parse({ url: actionForm(formData).get("url") ?? "" }).url).then(
      (r) => ({ secret: r.secret }),
    ),
  );
}

export async function removeWebhookAction(locale: string, healthActorId: string, _previous: unknown, _form: FormData) {
  return asAdmin(locale, async (m) => {
    await removeWebhook(db(), m, healthActorId);
    return {};
  });
}
