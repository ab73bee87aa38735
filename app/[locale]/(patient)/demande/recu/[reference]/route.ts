import { routeMethods } from "@/lib/api/methods";
import { handleApi, notFound } from "@/lib/api/respond";
import { isLocale } from "@/lib/i18n/locale";
import { db } from "@/lib/db";
import { buildReceiptPdf } from "@/lib/requests/receipt";
import { registryOf } from "@/lib/registry/registry-of";
import { findRequesterCase, provenEmails } from "@/lib/requests/requester-access";

/** The PDF receipt, for the requester only (signed in, or having just proven the address by code). */
async function download(request: Request, { params }: { params: Promise<{ locale: string; reference: string }> }) {
  return handleApi(request, async () => {
    const { locale, reference } = await params;
    const lang = isLocale(locale) ? locale : "fr";
    const found = await findRequesterCase(reference, await provenEmails({ includeCode: true }));
    if (!found) throw notFound({ fr: "Demande introuvable.", en: "Request not found." });
    const pdf = await buildReceiptPdf(found, lang, await registryOf(db(), found.registryVersion));
    return new Response(Buffer.from(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${lang === "fr" ? "accuse-reception" : "receipt"}-${found.reference}.pdf"`,
        "Cache-Control": "private, no-store",
      },
    });
  });
}

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: download });
