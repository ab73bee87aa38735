import type { Db } from "@/lib/db";
import { parisDay } from "@/lib/deadlines";
import { AppError } from "@/lib/errors/app-error";
import { formatDay } from "@/lib/i18n/format";
import { deleteProofFiles } from "@/lib/identity/delete-proof-files";
import { nextStatus, TransitionError } from "@/lib/case-file/state-machine";
import type { FileStorage } from "@/lib/storage";
import { notifyRequester, sendLetter } from "./notify-requester";
import { awaitsRequester } from "@/lib/case-file/awaiting-requester";
import { followUpOf, outstandingAsk } from "./request-information";
import { type CaseActor, recordEvent, withCase } from "@/lib/case-file/with-case";

/**
 * Closes a case. An answered case closes with an e-mail. A case still waiting for the requester (an
 * answer to a question, or identification documents asked at filing or since) closes only once they
 * were reminded and the period after the reminder has passed; the closing letter (PDF) says why,
 * with the remedies (Art. 12(4)), and the identity files it holds are deleted.
 */
export async function closeCase(
  db: Db,
  storage: FileStorage,
  reference: string,
  actor: CaseActor,
  now = new Date(),
): Promise<void> {
  let discardLetter: (() => Promise<void>) | undefined;
  try {
    const proofs = await withCase(db, reference, async (tx, request) => {
      const status = nextStatus(request.status, "close");
      if (request.status === "answered") {
        await tx.rightsRequest.update({ where: { id: request.id }, data: { status, pausedSince: null } });
        await recordEvent(tx, request.id, "close", actor, {});
        await notifyRequester(tx, request, { kind: "closed" });
        return [];
      }
      // An open case closes only for want of an answer.
      if (!awaitsRequester(request)) throw new TransitionError("close", request.status);
      const followUp = followUpOf(request, now);
      if (!followUp.closable) {
        throw new AppError(
          "conflict",
          followUp.closableOn === null
            ? {
                fr: `Le demandeur n'a pas encore été relancé (relance prévue le ${formatDay(followUp.remindOn, "fr")}) : la demande ne peut pas encore être close faute de réponse.`,
                en: `The requester has not been reminded yet (reminder due on ${formatDay(followUp.remindOn, "en")}): the request cannot be closed for want of an answer yet.`,
              }
            : {
                fr: `Le délai laissé au demandeur après la relance court jusqu'au ${formatDay(followUp.closableOn, "fr")} : la demande ne peut être close qu'à partir de ce jour.`,
                en: `The requester has until ${formatDay(followUp.closableOn, "en")} after the reminder: the request can only be closed from that day.`,
              },
        );
      }
      const content = {
        kind: "closure" as const,
        askedOn: parisDay(request.pausedSince!),
        remindedOn: parisDay(request.informationReminderAt!),
        question: await outstandingAsk(tx, request),
      };
      await tx.rightsRequest.update({ where: { id: request.id }, data: { status, pausedSince: null } });
      await recordEvent(tx, request.id, "close", actor, { withoutAnswer: true });
      discardLetter = await sendLetter(tx, storage, request, {
        kind: "closure",
        content,
        update: { kind: "closed_no_answer" },
      });
      // No identity check will take place: the files sent for it go (EDPB 01/2022 §79).
      return tx.identityProof.findMany({
        where: { requestId: request.id, storageKey: { not: null } },
        select: { id: true, storageKey: true },
      });
    });
    await deleteProofFiles(db, storage, proofs);
  } catch (error) {
    await discardLetter?.();
    throw error;
  }
}
