import { json } from "@/lib/api/respond";
import { isLocale, type Locale } from "@/lib/i18n/locale";
import { isForeignOrigin } from "./same-origin";

/**
 * The checks every upload of the patient's pages passes before its body is read: posted from this
 * site's pages (cookie-authenticated), and no larger than `maxBytes`. Returns the page's language and,
 * when refused, the answer to send (in the server actions' shape).
 */
export function checkPortalUpload(request: Request, maxBytes: number): { lang: Locale; refusal: Response | null } {
  const wanted = new URL(request.url).searchParams.get("locale");
  const lang: Locale = isLocale(wanted) ? wanted : "fr";
  if (isForeignOrigin(request)) return { lang, refusal: json({ ok: false, code: "forbidden", message: "", fields: [] }, 403) };
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) {
    const message = lang === "fr" ? "Les fichiers joints dépassent la taille permise (10 Mo chacun)." : "The attached files exceed the size allowed (10 MB each).";
    return { lang, refusal: json({ ok: false, code: "payload_too_large", message, fields: [] }, 413) };
  }
  return { lang, refusal: null };
}
