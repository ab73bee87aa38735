/** The fields of a subject's record a rectification may change (GDPR Art. 16). */
export const RECTIFIABLE_FIELDS = [
  "firstName",
  "lastName",
  "birthName",
  "birthDate",
  "birthPlace",
  "phone",
  "street",
  "postalCode",
  "city",
] as const;
export type RectifiableField = (typeof RECTIFIABLE_FIELDS)[number];
