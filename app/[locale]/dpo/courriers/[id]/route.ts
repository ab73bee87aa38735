import { routeMethods } from "@/lib/api/methods";
import { handleApi, notFound } from "@/lib/api/respond";
import { db } from "@/lib/db";
import { staffAllowedTo } from "@/lib/staff/current-staff";
import { getStorage, sniffType } from "@/lib/storage";
import { isUuid } from "@/lib/validation/ids";

/** A letter of the case file, for the DPO team. */
async function read(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleApi(request, async () => {
    await staffAllowedTo("requests.read");
    const { id } = await params;
    const letter = isUuid(id)
      ? await db().caseLetter.findUnique({ where: { id }, select: { storageKey: true } })
      : null;
    if (!letter) throw notFound({ fr: "Courrier introuvable.", en: "Letter not found." });
    const bytes = await getStorage().get(letter.storageKey);
    // Letters are PDFs; a health actor's own answer may be an image (PDF, JPEG or PNG, checked at upload).
    return new Response(Buffer.from(bytes), {
      headers: {
        "Content-Type": sniffType(bytes) ?? "application/pdf",
        "Content-Disposition": "inline",
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  });
}

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: read });
