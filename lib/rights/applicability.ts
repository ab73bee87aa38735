import type { Activity, LegalBasis, Localized } from "@/lib/registry/types";
import { LEGAL_BASIS_LABELS, type RightKey } from "./rights";

export type NotApplicableCode =
  | "portability_basis"
  | "objection_basis"
  | "erasure_legal_obligation"
  | "consent_withdrawal_basis";

export type Applicability = { applicable: true } | { applicable: false; code: NotApplicableCode; reason: Localized };

const APPLICABLE: Applicability = { applicable: true };

/**
 * Whether a right applies to one processing activity (GDPR Art. 15 to 21, each with its own conditions).
 *
 * Where a health actor is controller, the actor decides: the right is always forwarded.
 * Where an activity has several bases, the right applies if it applies under any of them
 * (the DPO then answers for the processing that falls under that basis).
 */
export function rightApplicability(right: RightKey, activity: Activity): Applicability {
  if (activity.controller === "health_actor") return APPLICABLE;
  const bases = new Set(activity.legalBases);
  const has = (b: LegalBasis) => bases.has(b);

  switch (right) {
    case "access":
    case "rectification":
    case "restriction":
    case "post_mortem_directives":
      return APPLICABLE;

    case "portability":
      // Art. 20(1)(a): only processing based on consent or on a contract.
      if (has("consent") || has("contract")) return APPLICABLE;
      return notApplicable("portability_basis", activity, {
        fr: "La portabilité ne concerne que les données traitées sur la base de votre consentement ou d'un contrat",
        en: "Portability only covers data processed on the basis of your consent or of a contract",
      });

    case "objection":
      // Art. 21(1) for legitimate interest or public interest; Art. 21(2)-(3): always for direct marketing.
      if (activity.directMarketing || has("legitimate_interest") || has("public_interest")) return APPLICABLE;
      return notApplicable("objection_basis", activity, {
        fr: "L'opposition vise les traitements fondés sur l'intérêt légitime ou l'intérêt public, et la prospection",
        en: "Objection covers processing based on legitimate interest or public interest, and direct marketing",
      });

    case "erasure":
      // Art. 17(3)(b): erasure does not apply where processing is required by a legal obligation.
      if ([...bases].every((b) => b === "legal_obligation")) {
        return notApplicable("erasure_legal_obligation", activity, {
          fr: "La loi oblige la plateforme à conserver ces données (RGPD art. 17(3)(b))",
          en: "The law requires the platform to keep this data (GDPR Art. 17(3)(b))",
        });
      }
      return APPLICABLE;

    case "consent_withdrawal":
      // Art. 7(3): only where processing rests on consent.
      if (has("consent")) return APPLICABLE;
      return notApplicable("consent_withdrawal_basis", activity, {
        fr: "Ce traitement ne repose pas sur votre consentement",
        en: "This processing does not rest on your consent",
      });
  }
}

function notApplicable(code: NotApplicableCode, activity: Activity, rule: Localized): Applicability {
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
