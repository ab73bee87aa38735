import { NextResponse, type NextRequest } from "next/server";
import { declaresMoreThan, json } from "@/lib/api/respond";
import { AppError, errorBody } from "@/lib/errors/app-error";
import { readCappedBytes } from "@/lib/http/read-capped";
import { localeFromAcceptLanguage } from "@/lib/i18n/locale";

/**
 * The arguments of a server action call, at most (Next.js's own limit, serverActions.bodySizeLimit,
 * which it answers past with a 500): anything larger is a 413 here, declared or sent chunked.
 */
const MAX_SERVER_ACTION_BYTES = 1024 * 1024;

export async function proxy(request: NextRequest) {
  const tooLarge = () =>
    new AppError("payload_too_large", {
      fr: "Les données envoyées dépassent la taille permise (1 Mo).",
      en: "The data sent is larger than allowed (1 MB).",
    });
  try {
    if (declaresMoreThan(request, MAX_SERVER_ACTION_BYTES)) throw tooLarge();
    // A declared length is held to by the HTTP server; a chunked body is counted as it comes.
    if (request.headers.get("content-length") === null)
      await readCappedBytes(request.body, MAX_SERVER_ACTION_BYTES, tooLarge);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return json(errorBody(error, localeFromAcceptLanguage(request.headers.get("accept-language"))), error.status);
  }
  return NextResponse.next();
}

/** Only server action calls (Next.js marks them with this header). */
export const config = { matcher: [{ source: "/:path*", has: [{ type: "header", key: "next-action" }] }] };
