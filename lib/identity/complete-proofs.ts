import { readPayload } from "@/lib/case-file/event-types";
import { appendEvent, lockCase } from "@/lib/case-file/events";
import { resumeClock } from "@/lib/case-file/resume-clock";
import type { Db, Tx } from "@/lib/db";
import { queueEmail } from "@/lib/email/outbox";
import { proofsReceivedEmail } from "@/lib/email/templates/staff-reminder";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import type { FileStorage } from "@/lib/storage";
import { PROOF_KINDS, type ProofKind } from "./assess-identity";
import { storeProofs, type UploadedProof } from "./store-proofs";

/**
 * The proofs a case still waits for: those asked (missing at filing, or asked by the DPO since), and
 * those whose file was deleted before anyone decided (an abandoned upload), less those on file now.
 * In the form's order.
 */
export function stillMissingProofs(
  asked: readonly string[],
  proofs: { kind: string; storageKey: string | null }[],
): ProofKind[] {
  const onFile = new Set(proofs.filter((p) => p.storageKey !== null).map((p) => p.kind));
  const deleted = proofs.filter((p) => p.storageKey === null).map((p) => p.kind);
  const wanted = new Set([...asked, ...deleted]);
  return PROOF_KINDS.filter((kind) => wanted.has(kind) && !onFile.has(kind));
}

/**
 * What a case waiting for proofs looks like to its requester: null when none is awaited. Proofs are
 * awaited while the identity is checked, including while the requester is asked a question then. A
 * kind the DPO asks for again (a copy that cannot be read) is awaited anew: only a file sent since
 * the question counts.
 */
export async function awaitedProofs(db: Db | Tx, requestId: string): Promise<ProofKind[] | null> {
  const request = await db.rightsRequest.findUnique({
    where: { id: requestId },
    select: {
      status: true,
      identityStatus: true,
      proofs: { select: { kind: true, storageKey: true, uploadedAt: true } },
      events: {
        where: { type: { in: ["submit_unverified", "request_information"] } },
        select: { type: true, payload: true, createdAt: true },
        orderBy: { id: "asc" },
      },
    },
  });
  if (
    !request ||
    !["awaiting_identity", "awaiting_information"].includes(request.status) ||
    request.identityStatus !== "documents_required"
  )
    return null;
  const askedAt = new Map<string, Date>();
  for (const e of request.events) {
    const asked =
      readPayload("submit_unverified", e)?.missingProofs ?? readPayload("request_information", e)?.documents;
    for (const kind of asked ?? []) askedAt.set(kind, e.createdAt);
  }
  const sinceAsked = request.proofs.filter((p) => !askedAt.has(p.kind) || p.uploadedAt >= askedAt.get(p.kind)!);
  return stillMissingProofs([...askedAt.keys()], sinceAsked);
}

const notAwaited = () =>
  new AppError("conflict", {
    fr: "Aucun justificatif n'est attendu pour cette demande.",
    en: "No proof is awaited for this request.",
  });

/**
 * The requester sends the proofs their request still waits for while its identity is checked, from
 * "Mes demandes" or the e-mail's answer link (scoped by reference and proven address; a question
 * open meanwhile is answered, files included, by replyToInformationRequest). Each file's type is
 * checked from its content and it is stored encrypted. Once none is missing, the DPO has them to
 * decide, the clock runs again from now (décret 2019-536 art. 77) and the assigned agent is told.
 */
export async function completeProofs(
  db: Db,
  storage: FileStorage,
  reference: string,
  requesterEmail: string,
  uploads: UploadedProof[],
  now = new Date(),
) {
  const found = await db.rightsRequest.findFirst({
    where: { reference, requesterEmail },
    select: { id: true, status: true },
  });
  if (!found) throw new AppError("not_found", { fr: "Demande introuvable.", en: "Request not found." });
  const before = found.status === "awaiting_identity" ? await awaitedProofs(db, found.id) : null;
  if (before === null || before.length === 0) throw notAwaited();
  const unasked = uploads.filter((u) => !before.includes(u.kind));
  if (uploads.length === 0 || unasked.length > 0) {
    throw AppError.validation(
      uploads.length === 0
        ? before.map((kind) => ({ path: `proofs.${kind}`, key: "proof_missing" }))
        : unasked.map((u) => ({ path: `proofs.${u.kind}`, key: "invalid" })),
    );
  }
  const { proofs, discard } = await storeProofs(storage, uploads);
  try {
    return await db.$transaction(async (tx) => {
      await lockCase(tx, found.id);
      // Checked again under the lock: a decision or a withdrawal may have come in meanwhile.
      const request = await tx.rightsRequest.findUniqueOrThrow({
        where: { id: found.id },
        include: { assignee: { select: { email: true, disabledAt: true } } },
      });
      if (request.status !== "awaiting_identity" || request.identityStatus !== "documents_required") throw notAwaited();
      await tx.identityProof.createMany({
        data: proofs.map((p) => ({ requestId: request.id, ...p, uploadedAt: now })),
      });
      const missing = before.filter((kind) => !uploads.some((u) => u.kind === kind));
      if (missing.length === 0) {
        await tx.rightsRequest.update({ where: { id: request.id }, data: { identityStatus: "documents_submitted" } });
        await resumeClock(tx, request, now);
      }
      await appendEvent(tx, request.id, {
        type: "proofs_submitted",
        actorType: "requester",
        actorId: requesterEmail,
        payload: { kinds: proofs.map((p) => p.kind), missing },
      });
      if (missing.length === 0 && request.assignee && !request.assignee.disabledAt) {
        await queueEmail(
          tx,
          request.assignee.email,
          proofsReceivedEmail(request.reference, `${env().APP_URL}/fr/dpo/demandes/${request.reference}`),
          { requestId: request.id },
        );
      }
      return { missing };
    });
  } catch (error) {
    await discard();
    throw error;
  }
}
