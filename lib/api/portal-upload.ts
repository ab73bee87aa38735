import { json, readForm } from "./respond";
import { type ActionResult, AppError, ERROR_STATUS, UNAVAILABLE_RETRY_SECONDS } from "@/lib/errors/app-error";
import { isLocale, type Locale } from "@/lib/i18n/locale";
import { isForeignOrigin } from "@/lib/http/same-origin";

const tooLarge = () =>
  new AppError("payload_too_large", {
    fr: "Les fichiers joints dépassent la taille permise (10 Mo chacun).",
    en: "The attached files exceed the size allowed (10 MB each).",
  });

/**
 * The checks every upload of the patient's pages passes before its body is read: posted from this
 * site's pages (cookie-authenticated), and declaring no more than `maxBytes`. Returns the page's
 * language and, when refused, the answer to send (in the server actions' shape).
 */
export function checkPortalUpload(request: Request, maxBytes: number): { lang: Locale; refusal: Response | null } {
  const wanted = new URL(request.url).searchParams.get("locale");
  const lang: Locale = isLocale(wanted) ? wanted : "fr";
  if (isForeignOrigin(request))
    return { lang, refusal: json({ ok: false, code: "forbidden", message: "", fields: [] }, 403) };
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) {
    return {
      lang,
      refusal: uploadAnswer({
        ok: false,
        code: "payload_too_large",
        message: tooLarge().userMessage[lang],
        fields: [],
      }),
    };
  }
  return { lang, refusal: null };
}

/** The upload's form, cut at `maxBytes` whatever its transfer (a chunked body declares no length): 413 past it. */
export function readUploadForm(request: Request, maxBytes: number): Promise<FormData> {
  return readForm(request, maxBytes, tooLarge);
}

/** An upload's result, in the server actions' shape, with the HTTP status of its error code. */
export function uploadAnswer<T extends object>(result: ActionResult<T>, okStatus = 200): Response {
  if (result.ok) return json(result, okStatus);
  if (result.code === "internal") return json(result, 500);
  return json(
    result,
    ERROR_STATUS[result.code],
    result.code === "unavailable" ? { "Retry-After": String(UNAVAILABLE_RETRY_SECONDS) } : {},
  );
}
