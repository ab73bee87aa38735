import type { Locale } from "@/lib/i18n/locale";
import { renderEmail, type RenderedEmail } from "../layout";

const T = {
  fr: {
    subject: (code: string) => `${code} : votre code de vérification`,
    title: "Votre code de vérification",
    intro:
      "Saisissez ce code dans le formulaire pour confirmer que cette adresse e-mail est la vôtre. Il expire dans 10 minutes.",
    ignore: "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.",
  },
  en: {
    subject: (code: string) => `${code}: your verification code`,
    title: "Your verification code",
    intro: "Enter this code in the form to confirm that this e-mail address is yours. It expires in 10 minutes.",
    ignore: "If you did not ask for it, ignore this message.",
  },
} as const;

export function emailCodeEmail(locale: Locale, code: string): RenderedEmail {
  const t = T[locale];
  return renderEmail(locale, t.subject(code), t.title, [
    { kind: "p", text: t.intro },
    { kind: "code", text: code },
    { kind: "p", text: t.ignore },
  ]);
}
