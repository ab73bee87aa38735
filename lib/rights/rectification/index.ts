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
};
