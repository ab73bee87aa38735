import { APPLICABLE, notApplicable, type RightDefinition } from "../types";

/** GDPR Art. 21. */
export const objection: RightDefinition = {
  key: "objection",
  label: { fr: "Opposition", en: "Objection" },
  title: { fr: "M'opposer", en: "Object" },
  summary: {
    fr: "Refuser un traitement fondé sur l'intérêt légitime, et toute prospection, à tout moment.",
    en: "Refuse processing based on legitimate interest, and any direct marketing, at any time.",
  },
  article: "RGPD art. 21",
  appliesTo: (activity) =>
    // Art. 21(1) for legitimate or public interest; Art. 21(2)-(3): always for direct marketing.
    activity.directMarketing ||
    activity.legalBases.includes("legitimate_interest") ||
    activity.legalBases.includes("public_interest")
      ? APPLICABLE
      : notApplicable("objection_basis", activity, {
          fr: "L'opposition vise les traitements fondés sur l'intérêt légitime ou l'intérêt public, et la prospection",
          en: "Objection covers processing based on legitimate interest or public interest, and direct marketing",
        }),
  detailFields: ["objectionGrounds"],
  // Art. 21(1): objecting to processing on legitimate or public interest needs the person's grounds;
  // objecting to direct marketing alone (21(2)-(3)) needs none.
  needs: (request, activities) => {
    const chosen = request.scope.activities ?? [];
    const onlyMarketing = chosen.length > 0 && chosen.every((key) => activities.get(key)?.directMarketing === true);
    return onlyMarketing || given(request.details.objectionGrounds) ? [] : ["objectionGrounds"];
  },
  openToHeirs: true,
  tellsRecipients: false,
  actorView: (details) =>
    given(details.objectionGrounds)
      ? [{ label: { fr: "Motifs de l'opposition", en: "Grounds of the objection" }, value: details.objectionGrounds! }]
      : [],
};

const given = (text: string | undefined) => (text ?? "").trim() !== "";
