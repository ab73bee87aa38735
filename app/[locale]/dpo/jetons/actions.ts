"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createApiToken } from "@/lib/auth/api-token";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError, runAction } from "@/lib/errors/app-error";
import { isLocale } from "@/lib/i18n/locale";
import { staffAllowedTo } from "@/lib/staff/current-staff";
import { actionForm } from "@/lib/http/action-form";
import { requireUuid, ZUuid } from "@/lib/validation/ids";
import { requiredLine } from "@/lib/validation/text";

const lang = (locale: string) => (isLocale(locale) ? locale : "fr");

/** Admins create a token for a staff member; the token is shown once and stored hashed. */
export async function createTokenAction(locale: string, _previous: unknown, formData: unknown) {
  return runAction(lang(locale), async () => {
    await staffAllowedTo("api_tokens.manage");
    const form = actionForm(formData);
    const input = z
      .object({
        name: requiredLine(100),
        staffUserId: ZUuid,
        scope: z.enum(["all", "marketing"], "choice").default("all"),
      })
      .parse({ name: form.get("name"), staffUserId: form.get("staffUserId"), scope: form.get("scope") ?? undefined });
    const staff = await db().staffUser.findFirst({
      where: { id: input.staffUserId, disabledAt: null },
      select: { id: true, role: true },
    });
    if (!staff) throw AppError.validation([{ path: "staffUserId", key: "unknown_agent" }]);
    if (input.scope === "marketing" && !can(staff.role, "marketing.sync"))
      throw AppError.validation([{ path: "scope", key: "invalid" }]);
    // A token for the marketing tools reaches only what they need: who may be written to, opt-ins.
    const { token } = await createApiToken(
      db(),
      staff.id,
      input.name,
      input.scope === "marketing" ? { scopes: ["marketing.sync"] } : {},
    );
    revalidatePath(`/${lang(locale)}/dpo/jetons`);
    return { token };
  });
}

export async function revokeTokenAction(locale: string, tokenId: string, _previous: unknown, _form: FormData) {
  return runAction(lang(locale), async () => {
    await staffAllowedTo("api_tokens.manage");
    const id = requireUuid(
      tokenId,
      () => new AppError("not_found", { fr: "Jeton introuvable.", en: "Token not found." }),
    );
    await db().apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
    revalidatePath(`/${lang(locale)}/dpo/jetons`);
    return {};
  });
}
