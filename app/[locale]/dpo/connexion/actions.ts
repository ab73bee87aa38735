"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signToken, verifyToken } from "@/lib/auth/signed-token";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { runAction } from "@/lib/errors/app-error";
import { clientIpFrom } from "@/lib/http/client-ip";
import { isLocale } from "@/lib/i18n/locale";
import {
  SESSION_COOKIE_MAX_AGE,
  STAFF_COOKIE,
  STAFF_PENDING_COOKIE,
  staffCookieOptions,
} from "@/lib/staff/current-staff";
import { checkPassword, checkSecondFactor } from "@/lib/staff/sign-in";
import { actionForm } from "@/lib/http/action-form";

const PENDING_SECONDS = 300;
const ZPassword = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("email")),
  password: z.string().min(1, "required").max(200, "too_long"),
});
const ZCode = z.object({ code: z.string().trim().min(6, "code_invalid").max(14, "code_invalid") });

export async function passwordStepAction(locale: string, _previous: unknown, formData: unknown) {
  const lang = isLocale(locale) ? locale : "fr";
  return runAction(lang, async () => {
    const form = actionForm(formData);
    const input = ZPassword.parse({ email: form.get("email"), password: form.get("password") });
    const staffId = await checkPassword(db(), input.email, input.password, clientIpFrom(await headers()));
    (await cookies()).set(
      STAFF_PENDING_COOKIE,
      signToken(staffId, "staff-pending", PENDING_SECONDS, env().AUTH_SECRET),
      staffCookieOptions(PENDING_SECONDS),
    );
    return { step: "code" as const };
  });
}

export async function codeStepAction(locale: string, _previous: unknown, formData: unknown) {
  const lang = isLocale(locale) ? locale : "fr";
  const jar = await cookies();
  const result = await runAction(lang, async () => {
    const staffId = verifyToken(jar.get(STAFF_PENDING_COOKIE)?.value, "staff-pending", env().AUTH_SECRET);
    if (!staffId) return { step: "password" as const };
    const { code } = ZCode.parse({ code: actionForm(formData).get("code") });
    const token = await checkSecondFactor(db(), staffId, code, clientIpFrom(await headers()), env().AUTH_SECRET);
    jar.delete(STAFF_PENDING_COOKIE);
    jar.set(STAFF_COOKIE, token, staffCookieOptions(SESSION_COOKIE_MAX_AGE));
    return { step: "done" as const };
  });
  if (result.ok && result.step === "done") redirect(`/${lang}/dpo`);
  return result;
}
