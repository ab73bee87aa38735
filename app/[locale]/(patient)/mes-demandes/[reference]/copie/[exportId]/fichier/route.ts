import { Readable } from "node:stream";
import { routeMethods } from "@/lib/api/methods";
import { handleApi, notFound } from "@/lib/api/respond";
import { findRequesterExport, isAvailable, markDownloaded } from "@/lib/rights/access/data-export";
import { db } from "@/lib/db";
import { isLocale } from "@/lib/i18n/locale";
import { provenEmails } from "@/lib/requests/requester-access";
import { getStorage } from "@/lib/storage";

const NOT_FOUND = { fr: "Copie introuvable.", en: "Copy not found." };

/**
 * One file of the requester's access copy, decrypted as it streams. Past the window, back to the
 * copy's page, which says the link has expired.
 */
async function download(
  request: Request,
  { params }: { params: Promise<{ locale: string; reference: string; exportId: string }> },
) {
  return handleApi(request, async () => {
    const { locale, reference, exportId } = await params;
    const copy = await findRequesterExport(db(), reference, await provenEmails({ includeCode: true }), exportId);
    if (!copy) throw notFound(NOT_FOUND);
    const lang = isLocale(locale) ? locale : "fr";
    if (!isAvailable(copy))
      return Response.redirect(new URL(`/${lang}/mes-demandes/${reference}/copie/${copy.id}`, request.url), 303);
    const format = new URL(request.url).searchParams.get("format") === "pdf" ? "pdf" : "zip";
    const key = format === "pdf" ? copy.pdfKey : copy.zipKey;
    if (!key) throw notFound(NOT_FOUND);
    const stream = await getStorage().getStream(key);
    await markDownloaded(db(), copy);
    return new Response(
      Readable.toWeb(Readable.from(stream as AsyncIterable<Uint8Array>)) as ReadableStream<Uint8Array>,
      {
        headers: {
          "Content-Type": format === "pdf" ? "application/pdf" : "application/zip",
          "Content-Disposition": `attachment; filename="copie-${reference}.${format}"`,
          "Cache-Control": "private, no-store",
          "X-Content-Type-Options": "nosniff",
        },
      },
    );
  });
}

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: download });
