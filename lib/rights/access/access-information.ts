import type { Locale } from "@/lib/i18n/locale";
import type { Activity, Registry } from "@/lib/registry/types";
import { rightApplicability } from "@/lib/rights/applicability";
import { LEGAL_BASIS_LABELS, RIGHT_DEFINITIONS, RIGHT_LABELS, RIGHTS } from "@/lib/rights";

/**
 * The information of GDPR Art. 15(1)(a)-(h) and 15(2), generated from the registry for exactly the
 * activities an access answer covers (the platform's own, as controller).
 */
export interface ActivityInformation {
  key: string;
  /** (a) */
  purpose: string;
  legalBasis: string;
  /** (b) */
  categories: string[];
  /** (c), named */
  recipients: string[];
  /** (d) */
  retention: string;
  /** (e) the rights that apply to this processing, and those that do not, with why. */
  rights: string[];
  rightsNotApplicable: string[];
}

export interface AccessInformation {
  activities: ActivityInformation[];
  /** (f) */
  complaint: string;
  /** (g) */
  source: string;
  /** (h) */
  automatedDecisions: string;
  /** 15(2) */
  transfers: string;
}

const GENERAL = {
  fr: {
    complaint:
      "Vous pouvez introduire une réclamation auprès de la CNIL (3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07, www.cnil.fr), autorité chef de file.",
    source:
      "Ces données ont été fournies par vous (ou par le titulaire du compte pour un proche), créées par votre utilisation du service, ou transmises par les professionnels de santé auprès desquels vous avez pris rendez-vous.",
    automatedDecisions:
      "Aucune décision fondée exclusivement sur un traitement automatisé, y compris le profilage, ne produit d'effets juridiques à votre égard ni ne vous affecte de manière significative.",
    transfers:
      "Les données de santé sont hébergées dans l'Union européenne par un hébergeur certifié HDS. Si un prestataire situé hors de l'Union européenne intervient, le transfert est encadré par les clauses contractuelles types de la Commission européenne (RGPD art. 46) et des mesures supplémentaires.",
  },
  en: {
    complaint:
      "You may lodge a complaint with the CNIL (3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07, www.cnil.fr), the lead supervisory authority.",
    source:
      "This data was provided by you (or by the account holder for a relative), created by your use of the service, or sent by the health professionals you booked appointments with.",
    automatedDecisions:
      "No decision based solely on automated processing, including profiling, produces legal effects concerning you or similarly significantly affects you.",
    transfers:
      "Health data is hosted in the European Union by a certified health-data host (HDS). Where a provider outside the European Union takes part, the transfer relies on the European Commission's standard contractual clauses (GDPR Art. 46) and supplementary measures.",
  },
} as const;

function activityInformation(activity: Activity, locale: Locale): ActivityInformation {
  const rights: string[] = [];
  const rightsNotApplicable: string[] = [];
  for (const right of RIGHTS) {
    if (RIGHT_DEFINITIONS[right].perProcessing === false) continue;
    const verdict = rightApplicability(right, activity);
    if (verdict.applicable) rights.push(RIGHT_LABELS[right][locale]);
    else rightsNotApplicable.push(`${RIGHT_LABELS[right][locale]} : ${verdict.reason[locale]}`);
  }
  return {
    key: activity.key,
    purpose: activity.purpose[locale],
    legalBasis:
      activity.legalBasisDetail[locale] || activity.legalBases.map((b) => LEGAL_BASIS_LABELS[b][locale]).join(", "),
    categories: activity.dataCategories.map((c) => c[locale]),
    recipients: activity.recipients,
    retention: activity.retention[locale],
    rights,
    rightsNotApplicable,
  };
}

/** The information for the given activity keys (only the platform's own; unknown keys are ignored). */
export function accessInformation(
  registry: Registry,
  activityKeys: readonly string[],
  locale: Locale,
): AccessInformation {
  const wanted = new Set(activityKeys);
  const activities = registry.activities
    .filter((a) => a.controller === "platform" && wanted.has(a.key))
    .map((a) => activityInformation(a, locale));
  return { activities, ...GENERAL[locale] };
}
