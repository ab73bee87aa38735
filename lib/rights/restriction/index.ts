import type { Localized } from "@/lib/registry/types";
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
  title: { fr: "Limiter l'utilisation", en: "Restrict its use" },
  summary: {
    fr: "Geler vos données (elles sont conservées mais plus utilisées) pendant une vérification ou un litige.",
    en: "Freeze your data (kept but no longer used) during a check or a dispute.",
  },
  article: "RGPD art. 18",
  appliesTo: () => APPLICABLE,
  detailFields: ["restrictionGround"],
  openToHeirs: false,
  tellsRecipients: true,
  actorView: (details) => {
    const ground = RESTRICTION_GROUNDS.find((g) => g === details.restrictionGround);
    return ground
      ? [{ label: { fr: "Motif (RGPD art. 18(1))", en: "Ground (GDPR Art. 18(1))" }, value: GROUND_WORDS[ground] }]
      : [];
  },
};

/** Each ground as a health actor reads it, with its point of Art. 18(1). */
const GROUND_WORDS: Record<(typeof RESTRICTION_GROUNDS)[number], Localized> = {
  accuracy_contested: {
    fr: "La personne conteste l'exactitude de ses données (a), le temps de la vérifier",
    en: "The person contests the accuracy of their data (a), while it is verified",
  },
  unlawful_processing: {
    fr: "Le traitement est illicite et la personne préfère la limitation à l'effacement (b)",
    en: "The processing is unlawful and the person prefers restriction to erasure (b)",
  },
  legal_claims: {
    fr: "La personne en a besoin pour un droit en justice (c)",
    en: "The person needs the data for legal claims (c)",
  },
  objection_pending: {
    fr: "La personne s'est opposée au traitement, le temps de vérifier les motifs (d)",
    en: "The person objected to the processing, while the grounds are verified (d)",
  },
};
