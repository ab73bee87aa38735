import { z } from "zod";
import type { Db } from "@/lib/db";
import type { FileStorage } from "@/lib/storage";
import {
  acknowledgePart,
  answerActorPart,
  declineActorPart,
  type InstructionReport,
  instructPlatform,
  type MemberActor,
  ZActorAnswer,
  ZActorDecline,
  ZInstruction,
} from "./part-actions";

/** The largest API body: an answer document of 10 MB, in base64. */
export const MAX_ACTOR_ACTION_BYTES = 14 * 1024 * 1024;

/**
 * The actions of `POST /api/v1/actor/parts/{id}/actions`, the inbox's own: `acknowledge`;
 * `answer` with `mode: "portal"` and the document in base64, or `mode: "other"` with `sentOn` and
 * `channel`; `decline` with `reason`; `instruct` with an `instruction` for the platform (ZInstruction).
 */
export const ZActorAction = z.discriminatedUnion(
  "action",
  [
    z.object({ action: z.literal("acknowledge") }),
    z.looseObject({
      action: z.literal("answer"),
      document: z.base64("base64").max(MAX_ACTOR_ACTION_BYTES, "too_long").optional(),
    }),
    z.looseObject({ action: z.literal("decline") }),
    z.object({ action: z.literal("instruct"), instruction: ZInstruction }),
  ],
  { error: "choice" },
);

/** Runs the action; an instruction returns the platform's report of what it did. */
export async function runActorAction(
  db: Db,
  storage: FileStorage,
  member: MemberActor,
  partId: string,
  body: unknown,
): Promise<InstructionReport | void> {
  const action = ZActorAction.parse(body);
  switch (action.action) {
    case "instruct":
      return instructPlatform(db, member, partId, action.instruction);
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
