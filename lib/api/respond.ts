import { readCapped } from "@/lib/http/read-capped";
import { AppError, errorBody, toAppError } from "@/lib/errors/app-error";
import { localeFromAcceptLanguage, type Locale } from "@/lib/i18n/locale";

export const MAX_JSON_BYTES = 64 * 1024;

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
      const headers: Record<string, string> = appError.retryAfterSeconds ? { "Retry-After": String(appError.retryAfterSeconds) } : {};
      return json(errorBody(appError, locale), appError.status, headers);
    }
    console.error("[api] unexpected error:", error instanceof Error ? error.message : "unknown");
    return json(
      { error: { code: "internal", message: locale === "fr" ? "Erreur interne : réessayez plus tard." : "Internal error: try again later." } },
      500,
    );
  }
}


/**
 * Reads a body as text, 413 past `maxBytes`: a declared length is checked first, and the stream is
 * read with the limit whatever was declared (a chunked body has none).
 */
export async function readText(request: Request, maxBytes: number): Promise<string> {
  const tooLarge = () =>
    new AppError("payload_too_large", { fr: `Le corps dépasse ${Math.round(maxBytes / 1024)} Ko.`, en: `The body is larger than ${Math.round(maxBytes / 1024)} KB.` });
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge();
  return readCapped(request.body, maxBytes, tooLarge);
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
