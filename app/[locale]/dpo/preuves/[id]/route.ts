import { Readable } from "node:stream";
import { appendEvent, lockCase } from "@/lib/audit/append-event";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { currentStaff } from "@/lib/staff/current-staff";
import { getStorage } from "@/lib/storage";

/**
 * An identity proof, shown inline to the DPO team only: never a public URL, never cached, the
 * browser told not to guess its type, and each viewing recorded in the case's timeline.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const viewer = await currentStaff();
  if (!viewer || !can(viewer.role, "identity.decide")) return new Response(null, { status: viewer ? 403 : 401 });
  const { id } = await params;
  const proof = /^[0-9a-f-]{36}$/.test(id)
    ? await db().identityProof.findUnique({ where: { id }, select: { requestId: true, kind: true, storageKey: true, contentType: true } })
    : null;
  if (!proof?.storageKey) return new Response(null, { status: 404 });
  await db().$transaction(async (tx) => {
    await lockCase(tx, proof.requestId);
    await appendEvent(tx, proof.requestId, { type: "proof_viewed", actorType: "staff", actorId: viewer.id, payload: { kind: proof.kind } });
  });
  const stream = await getStorage().getStream(proof.storageKey);
  return new Response(Readable.toWeb(stream as Readable) as ReadableStream, {
    headers: {
      "Content-Type": proof.contentType,
      "Content-Disposition": "inline",
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "sandbox; default-src 'none'; img-src 'self'; object-src 'self'",
    },
  });
}
