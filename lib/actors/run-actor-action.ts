import { z } from "zod";
import type { Db } from "@/lib/db";
import type { FileStorage } from "@/lib/storage";
import { acknowledgePart, answerActorPart, declineActorPart, type MemberActor, ZActorAnswer, ZActorDecline } from "./part-actions";

/** The largest API body: an answer document of 10 MB, in base64. */
export const MAX_ACTOR_ACTION_BYTES = 14 * 1024 * 1024;

/**
 * The actions of `POST /api/v1/actor/parts/{id}/actions`, the inbox's own: `acknowledge`;
 * `answer` with `mode: "portal"` and the document in base64, or `mode: "other"` with `sentOn` and
 * `channel`; `decline` with `reason`.
 */
export const ZActorAction = z.discriminatedUnion(
  "action",
  [
    z.object({ action: z.literal("acknowledge") }),
    z.looseObject({ action: z.literal("answer"), document: z.base64("base64").max(MAX_ACTOR_ACTION_BYTES, "too_long").optional() }),
    z.looseObject({ action: z.literal("decline") }),
  ],
  { error: "choice" },
);

export async function runActorAction(db: Db, storage: FileStorage, member: MemberActor, partId: string, body: unknown): Promise<void> {
  const action = ZActorAction.parse(body);
  switch (action.action) {
    case "acknowledge":
      return acknowledgePart(db, member, partId);
    case "answer": {
      const answer = ZActorAnswer.parse(action);
      const document = action.document ? new Uint8Array(Buffer.from(action.document, "base64")) : null;
      return answerActorPart(db, storage, member, partId, answer, document);
    }
    case "decline":
      return declineActorPart(db, storage, member, partId, ZActorDecline.parse(action).reason);
  }
}
