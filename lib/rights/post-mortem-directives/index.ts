import { APPLICABLE, type RightDefinition } from "../types";

/** Loi Informatique et Libertés art. 85. */
export const postMortemDirectives: RightDefinition = {
  key: "post_mortem_directives",
  label: { fr: "Directives post mortem", en: "Post-mortem directives" },
  article: "Loi Informatique et Libertés art. 85",
  appliesTo: () => APPLICABLE,
  detailFields: ["directives"],
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
