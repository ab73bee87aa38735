import type { RightKey } from "@/lib/rights/rights";
import { erasureCase } from "./erasure";
import { objectionCase } from "./objection";
import { rectificationCase } from "./rectification";
import { restrictionCase } from "./restriction";
import type { RightCasePieces } from "./types";

/** What the DPO's case page adds for each right (the page is composed of these). */
export const RIGHT_CASE_PIECES: Partial<Record<RightKey, RightCasePieces>> = {
  erasure: erasureCase,
  objection: objectionCase,
  rectification: rectificationCase,
  restriction: restrictionCase,
};
