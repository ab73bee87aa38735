import type { LegalBasis, Localized } from "@/lib/registry/types";

export const RIGHTS = [
  "access",
  "rectification",
  "erasure",
  "restriction",
  "portability",
  "objection",
  "consent_withdrawal",
  "post_mortem_directives",
] as const;
export type RightKey = (typeof RIGHTS)[number];

export const RIGHT_LABELS: Record<RightKey, Localized> = {
  access: { fr: "Accès à mes données", en: "Access to my data" },
  rectification: { fr: "Rectification", en: "Rectification" },
  erasure: { fr: "Effacement", en: "Erasure" },
  restriction: { fr: "Limitation du traitement", en: "Restriction of processing" },
  portability: { fr: "Portabilité", en: "Portability" },
  objection: { fr: "Opposition", en: "Objection" },
  consent_withdrawal: { fr: "Retrait du consentement", en: "Consent withdrawal" },
  post_mortem_directives: { fr: "Directives post mortem", en: "Post-mortem directives" },
};

export const RIGHT_ARTICLES: Record<RightKey, string> = {
  access: "RGPD art. 15",
  rectification: "RGPD art. 16",
  erasure: "RGPD art. 17",
  restriction: "RGPD art. 18",
  portability: "RGPD art. 20",
  objection: "RGPD art. 21",
  consent_withdrawal: "RGPD art. 7(3)",
  post_mortem_directives: "Loi Informatique et Libertés art. 85",
};

export const LEGAL_BASIS_LABELS: Record<LegalBasis, Localized> = {
  consent: { fr: "votre consentement", en: "your consent" },
  contract: { fr: "le contrat (conditions d'utilisation)", en: "the contract (terms of use)" },
  legal_obligation: { fr: "une obligation légale", en: "a legal obligation" },
  legitimate_interest: { fr: "l'intérêt légitime de la plateforme", en: "the platform's legitimate interest" },
  vital_interests: { fr: "la sauvegarde d'intérêts vitaux", en: "the protection of vital interests" },
  public_interest: { fr: "l'intérêt public", en: "the public interest" },
};
