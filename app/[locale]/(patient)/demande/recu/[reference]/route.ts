import { isLocale } from "@/lib/i18n/locale";
import { buildReceiptPdf } from "@/lib/pdf/receipt";
import { findRequesterCase, provenEmails } from "@/lib/requests/requester-access";

/** The PDF receipt, for the requester only (signed in, or having just proven the address by code). */
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string; reference: string }> }) {
  const { locale, reference } = await params;
  const lang = isLocale(locale) ? locale : "fr";
  const found = await findRequesterCase(reference, await provenEmails({ includeCode: true }));
  if (!found) return new Response(lang === "fr" ? "Demande introuvable." : "Request not found.", { status: 404 });
  const pdf = await buildReceiptPdf(found, lang);
  return new Response(Buffer.from(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${lang === "fr" ? "accuse-reception" : "receipt"}-${found.reference}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
