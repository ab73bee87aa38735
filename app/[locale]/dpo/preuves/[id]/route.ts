import { Readable } from "node:stream";
import { routeMethods } from "@/lib/api/methods";
import { handleApi, notFound } from "@/lib/api/respond";
import { appendEvent, lockCase } from "@/lib/case-file/events";
import { db } from "@/lib/db";
import { staffAllowedTo } from "@/lib/staff/current-staff";
import { getStorage } from "@/lib/storage";
import { isUuid } from "@/lib/validation/ids";

/**
 * An identity proof, shown inline to the DPO team only: never a public URL, never cached, the
 * browser told not to guess its type, and each viewing recorded in the case's timeline.
 */
async function view(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleApi(request, async () => {
    const viewer = await staffAllowedTo("identity.decide");
    const { id } = await params;
    const proof = isUuid(id)
      ? await db().identityProof.findUnique({
          where: { id },
          select: { requestId: true, kind: true, storageKey: true, contentType: true },
        })
      : null;
    if (!proof?.storageKey)
      throw notFound({ fr: "Justificatif introuvable ou déjà supprimé.", en: "Proof not found or already deleted." });
    await db().$transaction(async (tx) => {
      await lockCase(tx, proof.requestId);
      await appendEvent(tx, proof.requestId, {
        type: "proof_viewed",
        actorType: "staff",
        actorId: viewer.id,
        payload: { kind: proof.kind },
      });
    });
    const stream = await getStorage().getStream(proof.storageKey!);
    return new Response(Readable.toWeb(stream as Readable) as ReadableStream, {
      headers: {
        "Content-Type": proof.contentType,
        "Content-Disposition": "inline",
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "sandbox; default-src 'none'; img-src 'self'; object-src 'self'",
      },
    });
  });
}

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: view });
