import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";

/**
 * The one check of the ids and references that reach a query from a URL, a body, a form or a
 * cursor. PostgreSQL refuses a `uuid` that is not one and any text holding NUL, with an error, not
 * an empty answer: what does not pass here never reaches it.
 */

/** A UUID as RFC 9562 writes it (8-4-4-4-12 hex digits, a version and the variant), any case. */
export const ZUuid = z.uuid("uuid");

export function isUuid(value: unknown): value is string {
  return ZUuid.safeParse(value).success;
}

/** A case reference such as "DR-2026-7K4M-Q9TZ" (lib/requests/reference.ts draws them). */
export const REFERENCE_PATTERN = /^DR-\d{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

export function isReference(value: unknown): value is string {
  return typeof value === "string" && REFERENCE_PATTERN.test(value);
}

const requestNotFound = () => new AppError("not_found", { fr: "Demande introuvable.", en: "Request not found." });

/** The reference of a route or an action, or a 404 (the same answer as a reference nobody holds). */
export function requireReference(value: unknown, notFound: () => AppError = requestNotFound): string {
  if (!isReference(value)) throw notFound();
  return value;
}

/** The id of a route or an action, or a 404 (the same answer as an id nobody holds). */
export function requireUuid(value: unknown, notFound: () => AppError): string {
  if (!isUuid(value)) throw notFound();
  return value;
}

/** A pagination position (`cursor`, `after`) that is not one this API wrote: 400, naming the parameter. */
export function badCursor(path: string): AppError {
  return new AppError(
    "malformed",
    {
      fr: `Le paramètre de pagination « ${path} » est invalide : revenez à la première page.`,
      en: `The pagination parameter “${path}” is invalid: go back to the first page.`,
    },
    [{ path, key: "invalid" }],
  );
}
