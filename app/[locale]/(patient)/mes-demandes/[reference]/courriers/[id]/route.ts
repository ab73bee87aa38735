import { routeMethods } from "@/lib/api/methods";
import { handleApi, notFound } from "@/lib/api/respond";
import { db } from "@/lib/db";
import { provenEmails } from "@/lib/requests/requester-access";
import { getStorage, sniffType } from "@/lib/storage";
import { isReference, isUuid } from "@/lib/validation/ids";

/** A letter of the requester's own case: the case's reference and the proven address are in the query. */
async function read(request: Request, { params }: { params: Promise<{ reference: string; id: string }> }) {
  return handleApi(request, async () => {
    const { reference, id } = await params;
    const emails = await provenEmails({ includeCode: false });
    const letter =
      emails.length && isReference(reference) && isUuid(id)
        ? await db().caseLetter.findFirst({
            where: { id, request: { reference, requesterEmail: { in: emails } } },
            select: { storageKey: true, kind: true },
          })
        : null;
    if (!letter) throw notFound({ fr: "Courrier introuvable.", en: "Letter not found." });
    const bytes = await getStorage().get(letter.storageKey);
    // Letters are PDFs; a health actor's own answer may be an image (PDF, JPEG or PNG, checked at upload).
    return new Response(Buffer.from(bytes), {
      headers: {
        "Content-Type": sniffType(bytes) ?? "application/pdf",
        "Content-Disposition": `inline; filename="${reference}-${letter.kind}.pdf"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  });
}

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: read });
