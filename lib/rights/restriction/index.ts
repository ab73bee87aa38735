import { APPLICABLE, type RightDefinition } from "../types";

/** The cases of GDPR Art. 18(1) the person may invoke. */
export const RESTRICTION_GROUNDS = [
  "accuracy_contested",
  "unlawful_processing",
  "legal_claims",
  "objection_pending",
] as const;

/** GDPR Art. 18. */
export const restriction: RightDefinition = {
  key: "restriction",
  label: { fr: "Limitation du traitement", en: "Restriction of processing" },
  article: "RGPD art. 18",
  appliesTo: () => APPLICABLE,
  detailFields: ["restrictionGround"],
  openToHeirs: false,
  tellsRecipients: true,
};
