import { APPLICABLE, type RightDefinition } from "../types";

/** Loi Informatique et Libertés art. 85. */
export const postMortemDirectives: RightDefinition = {
  key: "post_mortem_directives",
  label: { fr: "Directives post mortem", en: "Post-mortem directives" },
  title: { fr: "Directives après le décès", en: "Directives after death" },
  summary: {
    fr: "Dire ce que deviendront vos données après votre décès, ou faire exécuter celles d'un proche décédé.",
    en: "Say what will happen to your data after your death, or have a deceased relative's directives carried out.",
  },
  article: "Loi Informatique et Libertés art. 85",
  appliesTo: () => APPLICABLE,
  detailFields: ["directives"],
  perProcessing: false,
  openToHeirs: true,
  // Given by the person themselves, or carried out by their heirs or the person they designated.
  subjectRelations: { allowed: ["self", "heir", "designated_person"], error: "post_mortem_relation" },
  tellsRecipients: false,
  actorView: (details) => [
    ...(details.directives?.trim()
      ? [{ label: { fr: "Directives", en: "Directives" }, value: details.directives }]
      : []),
    ...(details.designatedPerson
      ? [
          {
            label: { fr: "Personne désignée pour les exécuter", en: "Person designated to carry them out" },
            value: `${details.designatedPerson.firstName} ${details.designatedPerson.lastName} <${details.designatedPerson.email}>`,
          },
        ]
      : []),
  ],
};
