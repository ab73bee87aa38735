import { APPLICABLE, type RightDefinition } from "../types";

/** GDPR Art. 16. */
export const rectification: RightDefinition = {
  key: "rectification",
  label: { fr: "Rectification", en: "Rectification" },
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
