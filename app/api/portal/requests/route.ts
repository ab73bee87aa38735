import { json } from "@/lib/api/respond";
import { db } from "@/lib/db";
import { runAction } from "@/lib/errors/app-error";
import { isForeignOrigin } from "@/lib/http/same-origin";
import { isLocale } from "@/lib/i18n/locale";
import { webIdentity } from "@/lib/requests/requester-access";
import { submitWebRequest } from "@/lib/requests/submit-web-request";
import { getStorage, MAX_UPLOAD_BYTES } from "@/lib/storage";

/** Room for the JSON answers and three proofs of MAX_UPLOAD_BYTES. */
const MAX_BODY_BYTES = 3 * MAX_UPLOAD_BYTES + 256 * 1024;

/**
 * The patient form's submission (multipart: the answers as JSON, a submission id, the proofs).
 * A route of its own so the size limit applies here only; the answer has the server actions' shape.
 */
export async function POST(request: Request) {
  const url = new URL(request.url);
  const lang = isLocale(url.searchParams.get("locale")) ? (url.searchParams.get("locale") as "fr" | "en") : "fr";
  // Cookie-authenticated: only this site's pages may post here.
  if (isForeignOrigin(request)) return json({ ok: false, code: "forbidden", message: "", fields: [] }, 403);
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) {
    const message = lang === "fr" ? "Les fichiers joints dépassent la taille permise (10 Mo chacun)." : "The attached files exceed the size allowed (10 MB each).";
    return json({ ok: false, code: "payload_too_large", message, fields: [] }, 413);
  }
  const result = await runAction(lang, async () => {
    const form = await request.formData();
    const { request: created } = await submitWebRequest(db(), getStorage(), form, await webIdentity());
    return { reference: created.reference };
  });
  return json(result, result.ok ? 201 : 200);
}
