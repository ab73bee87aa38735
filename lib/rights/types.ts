import type { DeadlineRule } from "@/lib/deadlines";
import type { SubjectRelation } from "@/lib/identity/assess-identity";
import type { Activity, Localized } from "@/lib/registry/types";
import { LEGAL_BASIS_LABELS, type RightKey } from "./rights";

/** The right-specific fields of a request's details (lib/requests/submit-request.schema.ts ZDetails). */
export type DetailField =
  | "rectifications"
  | "consents"
  | "portabilityFormat"
  | "restrictionGround"
  | "directives"
  | "objectionGrounds";

/** Those fields as the rules read them. */
export type DetailsGiven = {
  rectifications?: readonly { field: string; current?: string; corrected: string }[];
  objectionGrounds?: string;
  consents?: readonly string[];
  portabilityFormat?: string;
  restrictionGround?: string;
  directives?: string;
  designatedPerson?: { firstName: string; lastName: string; email: string };
};

/** One line of what a health actor is shown of a request's details. */
export interface DetailLine {
  label: Localized;
  value: string | Localized;
}

export interface RequestToAct {
  right: RightKey;
  /** The processing the requester chose (none: all of them). */
  scope: { activities?: readonly string[] };
  details: DetailsGiven;
}

export type NotApplicableCode =
  | "portability_basis"
  | "objection_basis"
  | "erasure_legal_obligation"
  | "consent_withdrawal_basis";

export type Applicability = { applicable: true } | { applicable: false; code: NotApplicableCode; reason: Localized };

/**
 * What one right is, everything particular to it in one place; lib/rights/index.ts lists them and
 * the rest of the portal asks the list instead of branching on the right.
 */
export interface RightDefinition {
  key: RightKey;
  /** Its name in letters, receipts and e-mails. */
  label: Localized;
  /** What a patient picks on the form and reads on the pages: the right as an action. */
  title: Localized;
  /** What it lets the patient do, in a sentence. */
  summary: Localized;
  /** The article that grants it, as letters and receipts cite it. */
  article: string;
  /** Whether it applies to one of the platform's own processing activities (a health actor decides for its own). */
  appliesTo(activity: Activity): Applicability;
  /** The details fields this right reads. */
  detailFields: readonly DetailField[];
  /** Those it needs to be acted on; by default every one of its fields. */
  needs?(request: RequestToAct, activities: ReadonlyMap<string, Activity>): DetailField[];
  /**
   * False for a right over the person's data as a whole rather than over each processing: the access
   * copy's Art. 15 information does not list it with each processing.
   */
  perProcessing?: false;
  /** LIL art. 85 II: whether heirs may exercise it for a deceased person without directives. */
  openToHeirs: boolean;
  /** Who may be its subject, when not anyone a request may be about, and the error key (lib/i18n/errors.ts) otherwise. */
  subjectRelations?: { allowed: readonly SubjectRelation[]; error: string };
  /** GDPR Art. 19: whether the recipients of the data are told when the platform acts on it. */
  tellsRecipients: boolean;
  /** The rule of a health actor's part, when not the GDPR month (GDPR Art. 12(3)). */
  actorDeadlineRule?(activities: readonly Activity[]): DeadlineRule;
  /** What a health actor is shown of the details (its inbox, its API): what it is asked to decide on. */
  actorView?(details: DetailsGiven): DetailLine[];
  /** The processing the request really covers, when it is not the one chosen. */
  scope?(chosen: readonly string[] | undefined, details: DetailsGiven): readonly string[] | undefined;
}

export const APPLICABLE: Applicability = { applicable: true };

/** "Not applicable", with the rule and the activity's own bases in words a patient reads. */
export function notApplicable(code: NotApplicableCode, activity: Activity, rule: Localized): Applicability {
  const list = (lang: "fr" | "en") => activity.legalBases.map((b) => LEGAL_BASIS_LABELS[b][lang]).join(", ");
  return {
    applicable: false,
    code,
    reason: {
      fr: `${rule.fr} ; « ${activity.purpose.fr} » repose sur ${list("fr")}.`,
      en: `${rule.en}; "${activity.purpose.en}" rests on ${list("en")}.`,
    },
  };
}
