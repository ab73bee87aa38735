/** The closed lists of a request's fields (shared by the schema and the form, which must not import zod). */
export const CHANNELS = ["web", "email", "post", "phone", "in_person"] as const;
export const SUBJECT_RELATIONS = ["self", "minor", "protected_adult", "mandate", "heir", "designated_person"] as const;
