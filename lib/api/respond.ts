import { readCapped, readCappedBytes } from "@/lib/http/read-capped";
import { AppError, errorBody, toAppError } from "@/lib/errors/app-error";
import { localeFromAcceptLanguage, type Locale } from "@/lib/i18n/locale";

export const MAX_JSON_BYTES = 64 * 1024;
/** A form of a few short fields (a sign-out form holds the page's language). */
export const MAX_SMALL_FORM_BYTES = 4096;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

/**
 * Runs an API handler and maps every failure to the JSON error shape in the caller's language.
 * Unexpected errors become a 500 with no detail; their message (never a request body) is logged.
 */
export async function handleApi(request: Request, handler: (locale: Locale) => Promise<Response>): Promise<Response> {
  const locale = localeFromAcceptLanguage(request.headers.get("accept-language"));
  try {
    return await handler(locale);
  } catch (error) {
    const appError = toAppError(error);
    if (appError) {
      const headers: Record<string, string> = appError.retryAfterSeconds
        ? { "Retry-After": String(appError.retryAfterSeconds) }
        : {};
      return json(errorBody(appError, locale), appError.status, headers);
    }
    console.error("[api] unexpected error:", error instanceof Error ? error.message : "unknown");
    return json(
      {
        error: {
          code: "internal",
          message: locale === "fr" ? "Erreur interne : réessayez plus tard." : "Internal error: try again later.",
        },
      },
      500,
    );
  }
}

const bodyTooLarge = (maxBytes: number) => () =>
  new AppError("payload_too_large", {
    fr: `Le corps dépasse ${Math.round(maxBytes / 1024)} Ko.`,
    en: `The body is larger than ${Math.round(maxBytes / 1024)} KB.`,
  });

/** Whether the request declares a body longer than `maxBytes` (a chunked body declares none). */
export function declaresMoreThan(request: Request, maxBytes: number): boolean {
  return Number(request.headers.get("content-length") ?? 0) > maxBytes;
}

/**
 * Reads a body as text, 413 past `maxBytes`: a declared length is checked first, and the stream is
 * read with the limit whatever was declared (a chunked body has none).
 */
export async function readText(request: Request, maxBytes: number): Promise<string> {
  const tooLarge = bodyTooLarge(maxBytes);
  if (declaresMoreThan(request, maxBytes)) throw tooLarge();
  return readCapped(request.body, maxBytes, tooLarge);
}

/**
 * Reads a multipart (or URL-encoded) form, 413 past `maxBytes` whatever its transfer: the stream is
 * cut at the limit, never read whole first. 400 when it is not a form.
 */
export async function readForm(
  request: Request,
  maxBytes: number,
  tooLarge: () => AppError = bodyTooLarge(maxBytes),
): Promise<FormData> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(type)) {
    throw new AppError("unsupported_media_type", {
      fr: "Le corps doit être un formulaire (multipart/form-data).",
      en: "The body must be a form (multipart/form-data).",
    });
  }
  if (declaresMoreThan(request, maxBytes)) throw tooLarge();
  const bytes = await readCappedBytes(request.body, maxBytes, tooLarge);
  try {
    return await new Response(new Uint8Array(bytes), { headers: { "content-type": type } }).formData();
  } catch {
    throw new AppError("malformed", { fr: "Formulaire mal formé.", en: "Malformed form." });
  }
}

/** Reads a JSON body: 415 unless application/json, 413 past the size limit, 400 when malformed. */
export async function readJson(request: Request, maxBytes = MAX_JSON_BYTES): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) {
    throw new AppError("unsupported_media_type", {
      fr: "Le corps doit être en JSON (Content-Type: application/json).",
      en: "The body must be JSON (Content-Type: application/json).",
    });
  }
  const text = await readText(request, maxBytes);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("malformed", { fr: "JSON mal formé.", en: "Malformed JSON." });
  }
}

export function notFound(what: { fr: string; en: string }): AppError {
  return new AppError("not_found", what);
}
