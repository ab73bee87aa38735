import type { LegalBasis, Localized } from "@/lib/registry/types";

/** The rights a request may exercise; what each one is lives in its folder (lib/rights/index.ts). */
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

export const LEGAL_BASIS_LABELS: Record<LegalBasis, Localized> = {
  consent: { fr: "votre consentement", en: "your consent" },
  contract: { fr: "le contrat (conditions d'utilisation)", en: "the contract (terms of use)" },
  legal_obligation: { fr: "une obligation légale", en: "a legal obligation" },
  legitimate_interest: { fr: "l'intérêt légitime de la plateforme", en: "the platform's legitimate interest" },
  vital_interests: { fr: "la sauvegarde d'intérêts vitaux", en: "the protection of vital interests" },
  public_interest: { fr: "l'intérêt public", en: "the public interest" },
};
