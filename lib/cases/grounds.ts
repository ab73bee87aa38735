import type { Localized } from "@/lib/registry/types";

/** The legal grounds a refusal (full or partial) may rest on, as the letter states them. */
export const REFUSAL_GROUNDS = {
  manifestly_unfounded: {
    fr: "Demande manifestement infondée (RGPD art. 12(5)) : les faits qui le démontrent sont exposés ci-dessus.",
    en: "Manifestly unfounded request (GDPR Art. 12(5)): the facts that show it are set out above.",
  },
  excessive: {
    fr: "Demande excessive, notamment par son caractère répétitif (RGPD art. 12(5)) : les faits qui le démontrent sont exposés ci-dessus.",
    en: "Excessive request, in particular because of its repetitive character (GDPR Art. 12(5)): the facts that show it are set out above.",
  },
  art_17_3_a: {
    fr: "Exercice du droit à la liberté d'expression et d'information (RGPD art. 17(3)(a)).",
    en: "Exercise of the right of freedom of expression and information (GDPR Art. 17(3)(a)).",
  },
  art_17_3_b: {
    fr: "Respect d'une obligation légale qui requiert le traitement, ou mission d'intérêt public (RGPD art. 17(3)(b)).",
    en: "Compliance with a legal obligation which requires processing, or a task in the public interest (GDPR Art. 17(3)(b)).",
  },
  art_17_3_c: {
    fr: "Motifs d'intérêt public dans le domaine de la santé publique (RGPD art. 17(3)(c)).",
    en: "Reasons of public interest in the area of public health (GDPR Art. 17(3)(c)).",
  },
  art_17_3_d: {
    fr: "Archivage dans l'intérêt public, recherche scientifique ou historique, ou statistiques (RGPD art. 17(3)(d)).",
    en: "Archiving in the public interest, scientific or historical research, or statistics (GDPR Art. 17(3)(d)).",
  },
  art_17_3_e: {
    fr: "Constatation, exercice ou défense de droits en justice (RGPD art. 17(3)(e)).",
    en: "Establishment, exercise or defence of legal claims (GDPR Art. 17(3)(e)).",
  },
  not_applicable: {
    fr: "Le droit exercé ne s'applique pas à ce traitement.",
    en: "The right exercised does not apply to this processing.",
  },
  identity_not_established: {
    fr: "Votre identité ou votre qualité pour agir n'a pas pu être établie (RGPD art. 12(2) et 12(6)).",
    en: "Your identity or your capacity to act could not be established (GDPR Art. 12(2) and 12(6)).",
  },
  other: { fr: "Autre motif, exposé ci-dessus.", en: "Another ground, set out above." },
} as const satisfies Record<string, Localized>;

export type RefusalGround = keyof typeof REFUSAL_GROUNDS;
export const REFUSAL_GROUND_CODES = Object.keys(REFUSAL_GROUNDS) as [RefusalGround, ...RefusalGround[]];

/** Art. 12(4): every refusal tells the person how to challenge it. */
export const REMEDIES: Localized = {
  fr: "Vous pouvez introduire une réclamation auprès de la Commission nationale de l'informatique et des libertés (CNIL), 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07, www.cnil.fr (RGPD art. 77), et former un recours juridictionnel (RGPD art. 79).",
  en: "You may lodge a complaint with the French data protection authority, the CNIL, 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07, www.cnil.fr (GDPR Art. 77), and seek a judicial remedy (GDPR Art. 79).",
};
