import type { CaseEventType, EventPayload } from "./event-types";
import { appendEvent } from "./events";
import type { Db, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import type { RightsRequest } from "@/lib/generated/prisma/client";
import { TransitionError } from "./state-machine";
import { isReference } from "@/lib/validation/ids";

export interface CaseActor {
  type: "staff" | "api";
  /** The staff member acting (directly, or through their API token). */
  staffId: string;
  /** What is recorded as the actor: the staff id, or the API token id. */
  actorId: string;
}

/**
 * Runs a back-office action on one case inside a transaction, with the case's row locked so two
 * actions on the same case never interleave. A transition the state machine refuses becomes a 409.
 */
export async function withCase<T>(
  db: Db,
  reference: string,
  action: (tx: Tx, request: RightsRequest) => Promise<T>,
  options: { timeoutMs?: number } = {},
): Promise<T> {
  // A reference comes from a URL or a client's arguments: anything not shaped like one is no case.
  if (!isReference(reference)) throw caseNotFound(null);
  try {
    return await db.$transaction(
      async (tx) => {
        const locked = await tx.$queryRaw<
          { id: string }[]
        >`SELECT id FROM "RightsRequest" WHERE reference = ${reference} FOR UPDATE`;
        if (locked.length === 0) throw caseNotFound(reference);
        const request = await tx.rightsRequest.findUniqueOrThrow({ where: { id: locked[0]!.id } });
        return action(tx, request);
      },
      { timeout: options.timeoutMs ?? 5000 },
    );
  } catch (error) {
    if (error instanceof TransitionError) {
      throw new AppError("conflict", {
        fr: `Cette action n'est pas possible au statut actuel de la demande (« ${error.from} »).`,
        en: `This action is not possible in the request's current status ("${error.from}").`,
      });
    }
    throw error;
  }
}

/** A 404 naming the reference, when it is one (anything else is not echoed). */
export const caseNotFound = (reference: string | null) =>
  reference
    ? new AppError("not_found", { fr: `Aucune demande ${reference}.`, en: `No request ${reference}.` })
    : new AppError("not_found", { fr: "Aucune demande à cette référence.", en: "No request with this reference." });

/** Records a step of the DPO team in the case's trail (typed and hash-chained: events.ts). */
export async function recordEvent<T extends CaseEventType>(
  tx: Tx,
  requestId: string,
  type: T,
  actor: CaseActor,
  payload: EventPayload<T>,
) {
  await appendEvent(tx, requestId, { type, actorType: actor.type, actorId: actor.actorId, payload });
}
