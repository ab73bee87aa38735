import type { Db } from "@/lib/db";
import { RIGHT_EFFECTS } from "@/lib/rights/effects-by-right";
import { AppError } from "@/lib/errors/app-error";
import { isOpenPart, nextStatus, OPEN_PART_STATUSES, TransitionError } from "@/lib/case-file/state-machine";
import type { FileStorage } from "@/lib/storage";
import { sendLetter } from "./notify-requester";
import { type CaseActor, recordEvent, withCase } from "@/lib/case-file/with-case";
import { type TAnswerPartInput, ZAnswerPart } from "@/lib/cases/case-action.schema";

/** An answer that prepares a data copy writes it in its transaction: a heavy subject takes seconds. */
const EXPORT_TIMEOUT_MS = 120_000;

/**
 * Answers one part: granted, partly granted or refused on legal grounds. A letter in the requester's
 * language (with the grounds, the CNIL complaint and the judicial remedy when anything is refused)
 * is e-mailed and kept in the case file. A health actor's part is marked answered by the DPO with
 * the actor's answer as the message. The case is answered when its last part is.
 */
export async function answerPart(
  db: Db,
  storage: FileStorage,
  reference: string,
  answer: TAnswerPartInput,
  actor: CaseActor,
): Promise<void> {
  const input = ZAnswerPart.parse(answer);
  let discardLetter: (() => Promise<void>) | undefined;
  let discardDone: (() => Promise<void>) | undefined;
  try {
    await withCase(
      db,
      reference,
      async (tx, request) => {
        const part = await tx.requestPart.findFirst({
          where: { id: input.partId, requestId: request.id },
          include: { healthActor: { select: { name: true } } },
        });
        if (!part) throw AppError.validation([{ path: "partId", key: "invalid" }]);
        if (!isOpenPart(part.status)) {
          throw new AppError("conflict", {
            fr: "Cette partie a déjà sa réponse.",
            en: "This part already has its answer.",
          });
        }
        // Parts are answered while the case is in hand: received (handling starts now) or in progress,
        // not while identity or information is awaited.
        const handling = request.status === "received" ? nextStatus(request.status, "start_handling") : request.status;
        if (handling !== "in_progress") throw new TransitionError("all_parts_answered", request.status);
        // What the platform grants must be clear first (lib/rights/missing-details.ts); a refusal need not wait.
        if (request.needsClarification && part.handler === "platform" && input.outcome !== "refused") {
          throw new AppError("conflict", {
            fr: "La demande est à préciser : enregistrez d'abord la précision (ou demandez-la au demandeur) avant d'y faire droit.",
            en: "The request is to be clarified: record the clarification first (or ask the requester for it) before granting it.",
          });
        }
        await tx.requestPart.update({
          where: { id: part.id },
          data: {
            status: input.outcome === "refused" ? "refused" : "answered",
            outcome: input.outcome,
            grounds: input.grounds,
            answeredAt: new Date(),
          },
        });
        const open = await tx.requestPart.count({
          where: { requestId: request.id, status: { in: [...OPEN_PART_STATUSES] } },
        });
        const status = open === 0 ? nextStatus(handling, "all_parts_answered") : handling;
        await tx.rightsRequest.update({ where: { id: request.id }, data: { status } });
        await recordEvent(tx, request.id, "answer_part", actor, {
          partId: part.id,
          outcome: input.outcome,
          grounds: input.grounds,
        });
        // The platform's part granted: what the right does is done with the answer (lib/rights/effects-by-right.ts).
        const onGrant = RIGHT_EFFECTS[request.right]?.onPlatformGrant;
        const done =
          onGrant && part.handler === "platform" && input.outcome !== "refused"
            ? await onGrant({
                tx,
                storage,
                request,
                grant: {
                  activities: part.activities,
                  outcome: input.outcome,
                  grantedActivities: input.grantedActivities,
                },
                actor,
              })
            : {};
        discardDone = done.discard;
        discardLetter = await sendLetter(tx, storage, request, {
          kind: "answer",
          partId: part.id,
          content: {
            kind: "answer",
            handlerName: part.healthActor?.name ?? null,
            outcome: input.outcome,
            grounds: input.grounds,
            message: input.message,
            copyUntil: done.copyUntil,
            erasure: done.erasure,
          },
          update: { kind: "answer" },
        });
      },
      { timeoutMs: EXPORT_TIMEOUT_MS },
    );
  } catch (error) {
    await discardLetter?.();
    await discardDone?.();
    throw error;
  }
}
