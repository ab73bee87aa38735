import { APPLICABLE, notApplicable, type RightDefinition } from "../types";

export const PORTABILITY_FORMATS = ["json", "csv"] as const;

/** GDPR Art. 20. */
export const portability: RightDefinition = {
  key: "portability",
  label: { fr: "Portabilité", en: "Portability" },
  title: { fr: "Récupérer mes données", en: "Get my data back" },
  summary: {
    fr: "Recevoir les données que vous avez fournies dans un format réutilisable (JSON ou CSV).",
    en: "Receive the data you provided in a reusable format (JSON or CSV).",
  },
  article: "RGPD art. 20",
  appliesTo: (activity) =>
    // Art. 20(1)(a): only processing based on consent or on a contract.
    activity.legalBases.includes("consent") || activity.legalBases.includes("contract")
      ? APPLICABLE
      : notApplicable("portability_basis", activity, {
          fr: "La portabilité ne concerne que les données traitées sur la base de votre consentement ou d'un contrat",
          en: "Portability only covers data processed on the basis of your consent or of a contract",
        }),
  detailFields: ["portabilityFormat"],
  openToHeirs: false,
  tellsRecipients: false,
  actorView: (details) =>
    details.portabilityFormat
      ? [{ label: { fr: "Format demandé", en: "Format asked" }, value: details.portabilityFormat.toUpperCase() }]
      : [],
};
