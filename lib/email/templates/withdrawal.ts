import type { Locale } from "@/lib/i18n/locale";
import { renderEmail, type RenderedEmail } from "../layout";

const T = {
  fr: {
    subject: (ref: string) => `Votre demande ${ref} a été retirée`,
    title: "Demande retirée",
    text: (ref: string) =>
      `Vous avez retiré la demande ${ref}. Elle ne sera pas traitée plus avant. Vous pouvez déposer une nouvelle demande à tout moment.`,
    button: "Mes demandes",
  },
  en: {
    subject: (ref: string) => `Your request ${ref} was withdrawn`,
    title: "Request withdrawn",
    text: (ref: string) =>
      `You withdrew request ${ref}. It will not be handled further. You may file a new request at any time.`,
    button: "My requests",
  },
} as const;

export function withdrawalEmail(locale: Locale, reference: string, casesUrl: string): RenderedEmail {
  const t = T[locale];
  return renderEmail(locale, t.subject(reference), t.title, [
    { kind: "p", text: t.text(reference) },
    { kind: "button", label: t.button, href: casesUrl },
  ]);
}
