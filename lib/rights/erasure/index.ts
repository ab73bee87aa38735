import { APPLICABLE, notApplicable, type RightDefinition } from "../types";

/** GDPR Art. 17. */
export const erasure: RightDefinition = {
  key: "erasure",
  label: { fr: "Effacement", en: "Erasure" },
  title: { fr: "Effacer mes données", en: "Erase my data" },
  summary: {
    fr: "Faire supprimer vos données, sauf celles que la loi oblige à conserver.",
    en: "Have your data deleted, except what the law requires to be kept.",
  },
  article: "RGPD art. 17",
  appliesTo: (activity) =>
    // Art. 17(3)(b): not where the processing is required by a legal obligation.
    activity.legalBases.every((b) => b === "legal_obligation")
      ? notApplicable("erasure_legal_obligation", activity, {
          fr: "La loi oblige la plateforme à conserver ces données (RGPD art. 17(3)(b))",
          en: "The law requires the platform to keep this data (GDPR Art. 17(3)(b))",
        })
      : APPLICABLE,
  detailFields: [],
  openToHeirs: true,
  tellsRecipients: true,
};
