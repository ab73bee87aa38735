import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { can, type Permission } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import type { Locale } from "@/lib/i18n/locale";
import { type StaffViewer, SESSION_HOURS, sessionViewer } from "./sign-in";

export const STAFF_COOKIE = "dsr_staff";
export const STAFF_PENDING_COOKIE = "dsr_staff_pending";

export function staffCookieOptions(maxAgeSeconds: number) {
  return {
    httpOnly: true,
    sameSite: "strict" as const,
    secure: env().APP_URL.startsWith("https://"),
    path: "/",
    maxAge: maxAgeSeconds,
  };
}

export const SESSION_COOKIE_MAX_AGE = SESSION_HOURS * 3600;

/** The signed-in staff member, or null. */
export async function currentStaff(): Promise<StaffViewer | null> {
  return sessionViewer(db(), (await cookies()).get(STAFF_COOKIE)?.value);
}

/** A back-office page's viewer: unsigned visitors (patients included) go to the staff sign-in. */
export async function requireStaff(locale: Locale): Promise<StaffViewer> {
  const viewer = await currentStaff();
  if (!viewer) redirect(`/${locale}/dpo/connexion`);
  return viewer;
}

/** For server actions: the viewer, allowed to do `permission`, or an AppError (401/403). */
export async function staffAllowedTo(permission: Permission): Promise<StaffViewer> {
  const viewer = await currentStaff();
  if (!viewer)
    throw new AppError("unauthenticated", {
      fr: "Session expirée : reconnectez-vous.",
      en: "Session expired: sign in again.",
    });
  if (!can(viewer.role, permission)) {
    throw new AppError("forbidden", {
      fr: "Votre rôle ne permet pas cette action.",
      en: "Your role does not allow this action.",
    });
  }
  return viewer;
}
