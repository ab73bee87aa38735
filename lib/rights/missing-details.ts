import type { Activity } from "@/lib/registry/types";
import type { RightKey } from "./rights";

/** The right-specific fields of a request (ZDetails) that this rule reads. */
export interface DetailsGiven {
  rectifications?: readonly unknown[];
  objectionGrounds?: string;
  consents?: readonly string[];
  portabilityFormat?: string;
  restrictionGround?: string;
  directives?: string;
}

export const DETAIL_FIELDS = [
  "rectifications",
  "consents",
  "portabilityFormat",
  "restrictionGround",
  "directives",
  "objectionGrounds",
] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];

export interface RequestToAct {
  right: RightKey;
  /** The processing the requester chose (none: all of them). */
  scope: { activities?: readonly string[] };
  details: DetailsGiven;
}

type Rule = (request: RequestToAct, activities: ReadonlyMap<string, Activity>) => DetailField[];

const given = (value: string | readonly unknown[] | undefined) =>
  typeof value === "string" ? value.trim() !== "" : (value?.length ?? 0) > 0;
const needs = (field: DetailField, value: string | readonly unknown[] | undefined): DetailField[] =>
  given(value) ? [] : [field];

/** What each right needs to be acted on, beyond the request itself. */
const NEEDED: Record<RightKey, Rule> = {
  access: () => [],
  erasure: () => [],
  rectification: (r) => needs("rectifications", r.details.rectifications),
  restriction: (r) => needs("restrictionGround", r.details.restrictionGround),
  portability: (r) => needs("portabilityFormat", r.details.portabilityFormat),
  consent_withdrawal: (r) => needs("consents", r.details.consents),
  post_mortem_directives: (r) => needs("directives", r.details.directives),
  // Art. 21(1): objecting to processing on legitimate or public interest needs the person's grounds;
  // objecting to direct marketing (21(2)-(3)) needs none.
  objection: (r, activities) => {
    const chosen = r.scope.activities ?? [];
    const onlyMarketing = chosen.length > 0 && chosen.every((key) => activities.get(key)?.directMarketing === true);
    return onlyMarketing ? [] : needs("objectionGrounds", r.details.objectionGrounds);
  },
};

/**
 * The details a request still lacks for its right, in a fixed order. The clock of a request starts
 * when it is received, whatever it says (GDPR Art. 12(3)): one received by post, e-mail, phone or
 * through the API is registered without them and flagged to clarify, and the DPO asks the requester
 * (Recital 63). The patient's own form asks for them before it submits.
 */
export function missingDetails(request: RequestToAct, activities: readonly Activity[]): DetailField[] {
  const needed = NEEDED[request.right](request, new Map(activities.map((a) => [a.key, a])));
  return DETAIL_FIELDS.filter((field) => needed.includes(field));
}
