import { APPLICABLE, type RightDefinition } from "../types";

/** GDPR Art. 16. */
export const rectification: RightDefinition = {
  key: "rectification",
  label: { fr: "Rectification", en: "Rectification" },
  title: { fr: "Corriger mes données", en: "Correct my data" },
  summary: {
    fr: "Faire corriger une information inexacte ou compléter une information incomplète.",
    en: "Have inaccurate information corrected or incomplete information completed.",
  },
  article: "RGPD art. 16",
  appliesTo: () => APPLICABLE,
  detailFields: ["rectifications"],
  openToHeirs: true,
  tellsRecipients: true,
  actorView: (details) =>
    (details.rectifications ?? []).map((r) => ({
      label: { fr: "Correction demandée", en: "Correction asked" },
      value: r.current ? `${r.field} : « ${r.current} » → « ${r.corrected} »` : `${r.field} → « ${r.corrected} »`,
    })),
};
