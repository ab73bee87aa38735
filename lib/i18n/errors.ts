import type { Localized } from "@/lib/registry/types";
import type { Locale } from "./locale";

/** Field-level validation messages: the keys used in zod schemas, in both languages. */
export const FIELD_ERRORS = {
  required: { fr: "Ce champ est obligatoire.", en: "This field is required." },
  url: {
    fr: "Saisissez une adresse web complète, par exemple https://logiciel.exemple.fr/rgpd.",
    en: "Enter a full web address, for example https://software.example.com/gdpr.",
  },
  url_private: {
    fr: "Cette adresse ne mène pas à un serveur public sur internet.",
    en: "This address does not lead to a public server on the internet.",
  },
  url_https: {
    fr: "L'adresse doit commencer par https:// (connexion chiffrée).",
    en: "The address must start with https:// (encrypted connection).",
  },
  too_long: { fr: "Ce texte est trop long.", en: "This text is too long." },
  email: {
    fr: "Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.",
    en: "Enter a valid e-mail address, for example name@example.com.",
  },
  phone: { fr: "Saisissez un numéro de téléphone valide.", en: "Enter a valid phone number." },
  date: { fr: "Saisissez une date au format AAAA-MM-JJ.", en: "Enter a date in the format YYYY-MM-DD." },
  datetime: {
    fr: "Saisissez une date et une heure au format RFC 3339 avec fuseau (ex. 2026-03-05T10:00:00+01:00).",
    en: "Enter a date and time in RFC 3339 format with an offset (e.g. 2026-03-05T10:00:00+01:00).",
  },
  date_range: { fr: "Cette date est trop ancienne.", en: "This date is too far in the past." },
  date_too_late: { fr: "Cette date est trop lointaine.", en: "This date is too far in the future." },
  date_order: { fr: "Cette date précède la date de début.", en: "This date is before the start date." },
  before_receipt: {
    fr: "Cette date précède la réception de la demande.",
    en: "This date is before the request was received.",
  },
  before_question: {
    fr: "Cette date précède la demande de précisions.",
    en: "This date is before the request for information.",
  },
  line_break: {
    fr: "Ce champ tient sur une seule ligne, sans tabulation.",
    en: "This field holds a single line, without tabs.",
  },
  characters: {
    fr: "Ce texte contient des caractères non autorisés.",
    en: "This text contains characters that are not allowed.",
  },
  heir_right: {
    fr: "Un héritier peut demander l'accès, la rectification, l'effacement, s'opposer ou faire exécuter des directives, pour régler la succession ou faire prendre en compte le décès (loi Informatique et Libertés, art. 85).",
    en: "An heir may ask for access, rectification, erasure, object or have directives carried out, to settle the estate or have the death taken into account (French Data Protection Act, art. 85).",
  },
  future: { fr: "Cette date ne peut pas être dans le futur.", en: "This date cannot be in the future." },
  not_minor: {
    fr: "La personne doit avoir moins de 18 ans à la date de la demande.",
    en: "The person must be under 18 on the date of the request.",
  },
  choice: { fr: "Choisissez une des options proposées.", en: "Choose one of the options offered." },
  uuid: { fr: "Identifiant invalide.", en: "Invalid identifier." },
  unknown_activity: {
    fr: "Ce traitement n'existe pas dans le registre.",
    en: "This processing does not exist in the registry.",
  },
  unknown_health_actor: { fr: "Cet acteur de santé est inconnu.", en: "This health actor is unknown." },
  not_consent_based: {
    fr: "Ce traitement ne repose pas sur votre consentement.",
    en: "This processing does not rest on your consent.",
  },
  post_mortem_relation: {
    fr: "Les directives post mortem sont déposées par la personne elle-même, ou exécutées par la personne désignée ou un héritier.",
    en: "Post-mortem directives are filed by the person themself, or carried out by the designated person or an heir.",
  },
  proof_missing: { fr: "Ce justificatif est nécessaire.", en: "This proof is required." },
  file_type: { fr: "Le fichier doit être un PDF, un JPEG ou un PNG.", en: "The file must be a PDF, JPEG or PNG." },
  file_size: { fr: "Le fichier dépasse 10 Mo.", en: "The file is larger than 10 MB." },
  code_invalid: { fr: "Ce code est incorrect.", en: "This code is incorrect." },
  code_expired: {
    fr: "Ce code a expiré ou a été trop souvent essayé : demandez-en un nouveau.",
    en: "This code has expired or was tried too often: ask for a new one.",
  },
  email_not_verified: {
    fr: "Vérifiez d'abord cette adresse e-mail avec le code envoyé, ou connectez-vous.",
    en: "First verify this e-mail address with the code sent, or sign in.",
  },
  identity_decided: {
    fr: "L'identité est déjà décidée : aucun justificatif ne peut plus être demandé.",
    en: "The identity is already decided: no document can be asked for any more.",
  },
  unknown_agent: {
    fr: "Cet agent n'existe pas ou n'est plus actif.",
    en: "This agent does not exist or is no longer active.",
  },
  invalid: { fr: "Valeur invalide.", en: "Invalid value." },
} satisfies Record<string, Localized>;

export type FieldErrorKey = keyof typeof FIELD_ERRORS;

/** One of FIELD_ERRORS' own keys (never a property every object has, such as "constructor"). */
export function isFieldErrorKey(key: string): key is FieldErrorKey {
  return Object.hasOwn(FIELD_ERRORS, key);
}

export function fieldMessage(key: string, locale: Locale): string {
  return isFieldErrorKey(key) ? FIELD_ERRORS[key][locale] : FIELD_ERRORS.invalid[locale];
}

/**
 * The key of a zod issue: our schemas give keys of FIELD_ERRORS as messages; where a schema gives
 * none, a missing field is "required" and anything else "invalid".
 */
export function issueKey(issue: { message?: string; input?: unknown }): FieldErrorKey {
  if (issue.message && isFieldErrorKey(issue.message)) return issue.message;
  const missing = "input" in issue ? issue.input === undefined : issue.message?.endsWith("received undefined");
  return missing ? "required" : "invalid";
}

/** What every form says around its fields. */
export const FORM_NOTICES = {
  summary: { fr: "Corrigez les champs suivants :", en: "Correct the following fields:" },
  done: { fr: "C'est enregistré.", en: "Saved." },
} satisfies Record<string, Localized>;
