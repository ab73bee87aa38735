"use server";

import { revalidatePath } from "next/cache";
import { memberActor } from "@/lib/actors/current-member";
import {
  acknowledgePart,
  declineActorPart,
  instructPlatform,
  ZActorDecline,
  ZInstruction,
} from "@/lib/actors/part-actions";
import { db } from "@/lib/db";
import { AppError, runAction } from "@/lib/errors/app-error";
import { isLocale } from "@/lib/i18n/locale";
import { getStorage } from "@/lib/storage";
import { actionForm } from "@/lib/http/action-form";

/** The inbox's actions without a file: each scoped to the member's actors in lib/actors. */
export async function actorPartAction(
  locale: string,
  partId: string,
  action: "acknowledge" | "decline" | "instruct",
  _previous: unknown,
  formData: unknown,
) {
  const lang = isLocale(locale) ? locale : "fr";
  return runAction(lang, async () => {
    const member = await memberActor();
    const form = actionForm(formData);
    if (action === "decline")
      await declineActorPart(
        db(),
        getStorage(),
        member,
        partId,
        ZActorDecline.parse({ reason: form.get("reason") ?? "" }).reason,
      );
    else if (action === "instruct") {
      // Empty identity fields are fields left as they are.
      const fields = Object.fromEntries(
        [...form.entries()].filter(([k, v]) => typeof v === "string" && v.trim() !== "" && !k.startsWith("$")),
      );
      await instructPlatform(db(), member, partId, ZInstruction.parse(fields));
    } else if (action === "acknowledge") await acknowledgePart(db(), member, partId);
    else throw AppError.validation([{ path: "action", key: "choice" }]);
    revalidatePath(`/${lang}/pro/demandes/${partId}`);
    return {};
  });
}
