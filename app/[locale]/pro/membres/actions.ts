"use server";

import { revalidatePath } from "next/cache";
import { currentMember } from "@/lib/actors/current-member";
import { inviteMember, removeMember, ZInvite } from "@/lib/actors/members";
import { db } from "@/lib/db";
import { AppError, runAction } from "@/lib/errors/app-error";
import { isLocale } from "@/lib/i18n/locale";
import { actionForm } from "@/lib/http/action-form";

/** An admin's changes to the members of one of their actors (checked again in lib/actors/members). */
export async function membersAction(
  locale: string,
  healthActorId: string,
  action: "invite" | "remove",
  _previous: unknown,
  formData: unknown,
) {
  const lang = isLocale(locale) ? locale : "fr";
  return runAction(lang, async () => {
    const viewer = await currentMember();
    if (!viewer)
      throw new AppError("unauthenticated", {
        fr: "Session expirée : reconnectez-vous.",
        en: "Session expired: sign in again.",
      });
    const form = actionForm(formData);
    if (action === "invite") {
      await inviteMember(
        db(),
        viewer.memberships,
        healthActorId,
        ZInvite.parse({ name: form.get("name") ?? "", email: form.get("email") ?? "", role: form.get("role") ?? "" }),
      );
    } else if (action === "remove") {
      await removeMember(db(), viewer.memberships, healthActorId, String(form.get("memberId") ?? ""));
    } else throw AppError.validation([{ path: "action", key: "choice" }]);
    revalidatePath(`/${lang}/pro/membres`);
    return {};
  });
}
