import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { currentStaff } from "@/lib/staff/current-staff";
import { getStorage, sniffType } from "@/lib/storage";

/** A letter of the case file, for the DPO team. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const viewer = await currentStaff();
  if (!viewer || !can(viewer.role, "requests.read")) return new Response(null, { status: viewer ? 403 : 401 });
  const { id } = await params;
  const letter = /^[0-9a-f-]{36}$/.test(id) ? await db().caseLetter.findUnique({ where: { id }, select: { storageKey: true } }) : null;
  if (!letter) return new Response(null, { status: 404 });
  const bytes = await getStorage().get(letter.storageKey);
  // Letters are PDFs; a health actor's own answer may be an image (PDF, JPEG or PNG, checked at upload).
  return new Response(Buffer.from(bytes), {
    headers: { "Content-Type": sniffType(bytes) ?? "application/pdf", "Content-Disposition": "inline", "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" },
  });
}
