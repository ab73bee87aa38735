import { balanceObjection } from "@/lib/rights/objection/objection";
import { ZBalanceObjection } from "@/lib/rights/objection/objection.schema";
import { rectifySubject } from "@/lib/rights/rectification/rectify";
import { ZRectify } from "@/lib/rights/rectification/rectify.schema";
import { announceLift, liftRestriction } from "@/lib/rights/restriction/restriction";
import { ZAnnounceLift } from "@/lib/rights/restriction/restriction.schema";
import { db } from "@/lib/db";
import { getStorage } from "@/lib/storage";
import { addNote } from "./add-note";
import { answerPart } from "./answer-part";
import { assignCase } from "./assign-case";
import {
  ZAnswerPart,
  ZCaseAction,
  ZClarification,
  ZExtend,
  ZIdentityDecision,
  ZInformationReceived,
  ZLegalHold,
  ZRequestInformation,
} from "./case-action.schema";
import { closeCase } from "./close-case";
import { decideIdentity } from "./decide-identity";
import { extendCase } from "./extend-case";
import { recordClarification } from "./record-clarification";
import { setLegalHold } from "./legal-hold";
import { informationReceived, requestInformation } from "./request-information";
import { resendEmail } from "./resend-email";
import type { CaseActor } from "@/lib/case-file/with-case";

/** Parses one back-office action (API body or form) and runs it: one place for both entry points. */
export async function runCaseAction(reference: string, body: unknown, actor: CaseActor): Promise<void> {
  const action = ZCaseAction.parse(body);
  switch (action.action) {
    case "assign":
      return assignCase(db(), reference, action.agentId, actor);
    case "note":
      return addNote(db(), reference, action.text, actor);
    case "decide_identity":
      return decideIdentity(db(), getStorage(), reference, ZIdentityDecision.parse(action), actor);
    case "request_information":
      return requestInformation(db(), reference, ZRequestInformation.parse(action), actor);
    case "information_received": {
      const { receivedAt } = ZInformationReceived.parse(action);
      return informationReceived(db(), reference, receivedAt ? new Date(receivedAt) : new Date(), actor);
    }
    case "clarify":
      return recordClarification(db(), reference, ZClarification.parse(action), actor);
    case "extend":
      return extendCase(db(), getStorage(), reference, ZExtend.parse(action).reason, actor);
    case "answer_part":
      return answerPart(db(), getStorage(), reference, ZAnswerPart.parse(action), actor);
    case "close":
      return closeCase(db(), getStorage(), reference, actor);
    case "announce_lift":
      return announceLift(db(), reference, ZAnnounceLift.parse(action).reason, actor);
    case "lift_restriction":
      return liftRestriction(db(), reference, actor);
    case "balance_objection":
      return balanceObjection(db(), reference, ZBalanceObjection.parse(action), actor);
    case "rectify":
      await rectifySubject(db(), reference, ZRectify.parse(action), actor);
      return;
    case "set_legal_hold":
      return setLegalHold(db(), reference, ZLegalHold.parse(action).reason, actor);
    case "release_legal_hold":
      return setLegalHold(db(), reference, null, actor);
    case "resend_email":
      return resendEmail(db(), reference, action.outboxId, actor);
  }
}
