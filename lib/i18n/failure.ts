import type { Locale } from "./locale";

/**
 * The page shown when a page cannot be built (the database unavailable, most often): kept apart
 * from messages.ts because a browser loads it with every page, before anything fails.
 */
export const FAILURE: Record<Locale, { title: string; text: string; retry: string }> = {
  fr: {
    title: "Service momentanément indisponible",
    text: "Cette page n'a pas pu s'afficher. Réessayez dans quelques instants ; si cela dure, écrivez au délégué à la protection des données.",
    retry: "Réessayer",
  },
  en: {
    title: "Service briefly unavailable",
    text: "This page could not be shown. Try again in a few moments; if it goes on, write to the data protection officer.",
    retry: "Try again",
  },
};
