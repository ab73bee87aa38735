import { APPLICABLE, notApplicable, type RightDefinition } from "../types";

/** GDPR Art. 7(3). */
export const consentWithdrawal: RightDefinition = {
  key: "consent_withdrawal",
  label: { fr: "Retrait du consentement", en: "Consent withdrawal" },
  title: { fr: "Retirer mon consentement", en: "Withdraw my consent" },
  summary: {
    fr: "Arrêter un traitement auquel vous aviez consenti (carte, services personnalisés, prospection…).",
    en: "Stop processing you had consented to (map, personalised services, marketing…).",
  },
  article: "RGPD art. 7(3)",
  appliesTo: (activity) =>
    activity.legalBases.includes("consent")
      ? APPLICABLE
      : notApplicable("consent_withdrawal_basis", activity, {
          fr: "Ce traitement ne repose pas sur votre consentement",
          en: "This processing does not rest on your consent",
        }),
  detailFields: ["consents"],
  openToHeirs: false,
  tellsRecipients: false,
  // Withdrawing consents concerns the processing they were given for, whatever "all my data" says.
  scope: (chosen, details) => (!chosen?.length && details.consents?.length ? details.consents : chosen),
};
