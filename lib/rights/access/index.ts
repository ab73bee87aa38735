import { APPLICABLE, type RightDefinition } from "../types";

/** GDPR Art. 15; for medical-record content held by a health actor, CSP L1111-7. */
export const access: RightDefinition = {
  key: "access",
  label: { fr: "Accès à mes données", en: "Access to my data" },
  title: { fr: "Accéder à mes données", en: "Access my data" },
  summary: {
    fr: "Savoir quelles données sont détenues sur vous, pourquoi, pour combien de temps et à qui elles sont transmises, et en recevoir une copie.",
    en: "Learn what data is held about you, why, for how long and who receives it, and get a copy.",
  },
  article: "RGPD art. 15",
  appliesTo: () => APPLICABLE,
  detailFields: [],
  openToHeirs: true,
  tellsRecipients: false,
  // CSP L1111-7: 8 days (2 months for information over five years old) for the medical record.
  actorDeadlineRule: (activities) => (activities.some((a) => a.medicalRecord) ? "csp_l1111_7" : "gdpr_art12"),
};
