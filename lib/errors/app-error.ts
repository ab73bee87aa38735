import { z } from "zod";
import type { Localized } from "@/lib/registry/types";
import { fieldMessage, issueKey } from "@/lib/i18n/errors";
import type { Locale } from "@/lib/i18n/locale";
import { isDatabaseUnavailable } from "./db-unavailable";

/** Every failure a user or a client can cause, with the HTTP status it maps to. */
export const ERROR_STATUS = {
  malformed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation: 422,
  rate_limited: 429,
  unavailable: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldError {
  path: string;
  /** A key of FIELD_ERRORS, translated where shown. */
  key: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly userMessage: Localized,
    readonly fields: FieldError[] = [],
    readonly retryAfterSeconds?: number,
  ) {
    super(userMessage.en);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  static validation(fields: FieldError[]): AppError {
    return new AppError(
      "validation",
      { fr: "Certains champs sont invalides.", en: "Some fields are invalid." },
      fields,
    );
  }
}

export function fieldErrorsFromZod(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ path: issue.path.join("."), key: issueKey(issue) }));
}

/** The API's error body: `{ error: { code, message, fields? } }`, messages in the caller's language. */
export function errorBody(error: AppError, locale: Locale) {
  return {
    error: {
      code: error.code,
      message: error.userMessage[locale],
      ...(error.fields.length > 0
        ? { fields: error.fields.map((f) => ({ path: f.path, message: fieldMessage(f.key, locale) })) }
        : {}),
    },
  };
}

/** Seconds a client is told to wait when the database is unavailable. */
export const UNAVAILABLE_RETRY_SECONDS = 30;

export function unavailable(): AppError {
  return new AppError(
    "unavailable",
    {
      fr: "Le service est momentanément indisponible : réessayez dans quelques instants.",
      en: "The service is briefly unavailable: try again in a few moments.",
    },
    [],
    UNAVAILABLE_RETRY_SECONDS,
  );
}

/**
 * Maps a thrown value to an AppError when it is one the user caused, or the database being
 * unavailable (503, whatever was being checked: a token, a session, a key); null for a real failure.
 */
export function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (error instanceof z.ZodError) return AppError.validation(fieldErrorsFromZod(error));
  if (isDatabaseUnavailable(error)) return unavailable();
  return null;
}

export type ActionResult<T> =
  | ({ ok: true } & T)
  | { ok: false; code: ErrorCode | "internal"; message: string; fields: { path: string; message: string }[] };

/** Runs a server action and returns a serializable result with messages in the user's language. */
export async function runAction<T extends object>(locale: Locale, action: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, ...(await action()) };
  } catch (error) {
    const appError = toAppError(error);
    if (!appError) {
      console.error("[action] unexpected error:", error instanceof Error ? error.message : "unknown");
      return {
        ok: false,
        code: "internal",
        message: locale === "fr" ? "Erreur interne : réessayez." : "Internal error: try again.",
        fields: [],
      };
    }
    const body = errorBody(appError, locale).error;
    return { ok: false, code: body.code, message: body.message, fields: body.fields ?? [] };
  }
}
