"use server";

import { isLocale } from "@/lib/i18n/locale";
import { fieldMessage } from "@/lib/i18n/errors";
import { fieldErrorsFromZod } from "@/lib/errors/app-error";
import { ZSendEmailCode } from "@/lib/identity/email-code.schema";

/** The sign-in address, checked with the server's schema: its error message, or null when valid. */
export async function checkSignInEmailAction(locale: string, email: string): Promise<string | null> {
  const result = ZSendEmailCode.safeParse({ email });
  if (result.success) return null;
  return fieldMessage(fieldErrorsFromZod(result.error)[0]?.key ?? "email", isLocale(locale) ? locale : "fr");
}
