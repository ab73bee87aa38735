import { appendEvent, lockCase } from "@/lib/case-file/events";
import type { Db } from "@/lib/db";
import { queueEmail } from "@/lib/email/outbox";
import { withdrawalEmail } from "@/lib/email/templates/withdrawal";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import type { FileStorage } from "@/lib/storage";
import { deleteProofFiles } from "@/lib/identity/delete-proof-files";
import { OPEN_PART_STATUSES, TRANSITIONS } from "@/lib/case-file/state-machine";

const WITHDRAWABLE = TRANSITIONS.withdraw.from;

/**
 * The requester withdraws their request. Scoped by reference and the requester's proven address;
 * parts not yet answered are withdrawn with it, and the identity files it holds are deleted: with no
 * request left to verify, nothing justifies keeping them (EDPB 01/2022 §79).
 */
export async function withdrawRequest(
  db: Db,
  storage: FileStorage,
  reference: string,
  requesterEmail: string,
): Promise<void> {
  const proofs = await db.$transaction(async (tx) => {
    const request = await tx.rightsRequest.findFirst({
      where: { reference, requesterEmail },
      select: { id: true, locale: true },
    });
    if (!request) throw new AppError("not_found", { fr: "Demande introuvable.", en: "Request not found." });
    await lockCase(tx, request.id);
    // The status is checked in the update itself: of two simultaneous withdrawals, one wins.
    const changed = await tx.rightsRequest.updateMany({
      where: { id: request.id, status: { in: [...WITHDRAWABLE] } },
      data: { status: TRANSITIONS.withdraw.to, pausedSince: null },
    });
    if (changed.count === 0) {
      throw new AppError("conflict", {
        fr: "Cette demande ne peut plus être retirée : elle est déjà close ou répondue.",
        en: "This request can no longer be withdrawn: it is already closed or answered.",
      });
    }
    await tx.requestPart.updateMany({
      where: { requestId: request.id, status: { in: [...OPEN_PART_STATUSES] } },
      data: { status: "withdrawn" },
    });
    await appendEvent(tx, request.id, {
      type: "withdraw",
      actorType: "requester",
      actorId: requesterEmail,
      payload: {},
    });
    await queueEmail(
      tx,
      requesterEmail,
      withdrawalEmail(request.locale, reference, `${env().APP_URL}/${request.locale}/mes-demandes`),
      {
        requestId: request.id,
      },
    );
    return tx.identityProof.findMany({
      where: { requestId: request.id, storageKey: { not: null } },
      select: { id: true, storageKey: true },
    });
  });
  await deleteProofFiles(db, storage, proofs);
}
