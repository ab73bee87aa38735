import type { Db } from "@/lib/db";
import { canExtend } from "@/lib/deadlines";
import { AppError } from "@/lib/errors/app-error";
import { isOpen } from "@/lib/case-file/state-machine";
import type { FileStorage } from "@/lib/storage";
import { sendLetter } from "./notify-requester";
import { recomputeDueDates } from "@/lib/case-file/resume-clock";
import { type CaseActor, recordEvent, withCase } from "@/lib/case-file/with-case";

/**
 * Extends the GDPR time limit by two months (Art. 12(3)): once, within the first month, with the reasons sent
 * to the requester in a letter of its own (GDPR Art. 12(3); EDPB 01/2022 §157). The health-law limits of a
 * medical-record part are never extended (CSP L1111-7).
 */
export async function extendCase(
  db: Db,
  storage: FileStorage,
  reference: string,
  reason: string,
  actor: CaseActor,
  now = new Date(),
): Promise<void> {
  let discardLetter: (() => Promise<void>) | undefined;
  try {
    await withCase(db, reference, async (tx, request) => {
      if (!isOpen(request.status))
        throw new AppError("conflict", { fr: "Cette demande est close.", en: "This request is closed." });
      if (request.extended)
        throw new AppError("conflict", {
          fr: "Le délai a déjà été prolongé une fois.",
          en: "The time limit was already extended once.",
        });
      if (!canExtend(request.receivedAt, now, false)) {
        throw new AppError("conflict", {
          fr: "La prolongation n'est possible que dans le premier mois suivant la réception.",
          en: "The extension is only possible within the first month after receipt.",
        });
      }
      await tx.rightsRequest.update({ where: { id: request.id }, data: { extended: true } });
      const newDueDate = await recomputeDueDates(tx, request, { pausedDays: request.pausedDays, extended: true });
      await recordEvent(tx, request.id, "extend", actor, { reason, dueDate: newDueDate });
      discardLetter = await sendLetter(tx, storage, request, {
        kind: "extension",
        content: { kind: "extension", reason, newDueDate },
        update: { kind: "extension" },
      });
    });
  } catch (error) {
    await discardLetter?.();
    throw error;
  }
}
