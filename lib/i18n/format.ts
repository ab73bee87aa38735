import type { Locale } from "./locale";

const dayFormat = {
  fr: new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
  en: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
};
const instantFormat = {
  fr: new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" }),
  en: new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" }),
};

/** "2026-03-05" (or a DATE column's value) -> "5 mars 2026" / "5 March 2026". */
export function formatDay(day: string | Date, locale: Locale): string {
  return dayFormat[locale].format(typeof day === "string" ? new Date(`${day}T00:00:00Z`) : day);
}

/** An instant in Paris time: "5 mars 2026 à 10:00". */
export function formatInstant(instant: Date, locale: Locale): string {
  return instantFormat[locale].format(instant);
}
