import type { RightKey } from "@/lib/rights/rights";
import { consentWithdrawalForm } from "./consent-withdrawal";
import { objectionForm } from "./objection";
import { portabilityForm } from "./portability";
import { postMortemDirectivesForm } from "./post-mortem-directives";
import { rectificationForm } from "./rectification";
import { restrictionForm } from "./restriction";
import type { RightFormPiece } from "./types";

/** Nothing asked beyond the request itself and its message. */
const noDetails: RightFormPiece = { payload: () => ({}) };

/** What the request form asks for each right (the details step is composed of these). */
export const RIGHT_FORMS: Record<RightKey, RightFormPiece> = {
  access: noDetails,
  erasure: noDetails,
  rectification: rectificationForm,
  restriction: restrictionForm,
  portability: portabilityForm,
  objection: objectionForm,
  consent_withdrawal: consentWithdrawalForm,
  post_mortem_directives: postMortemDirectivesForm,
};
