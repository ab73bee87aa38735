import type { Locale } from "@/lib/i18n/locale";
import { renderEmail, type RenderedEmail } from "../layout";

const T = {
  fr: {
    subject: "Votre lien de connexion au portail des droits",
    title: "Connexion au portail des droits",
    intro:
      "Cliquez sur le bouton ci-dessous pour vous connecter. Ce lien est valable 15 minutes et ne sert qu'une fois.",
    button: "Me connecter",
    ignore: "Si vous n'avez pas demandé ce lien, ignorez ce message : personne ne pourra se connecter sans lui.",
  },
  en: {
    subject: "Your sign-in link to the rights portal",
    title: "Sign in to the rights portal",
    intro: "Click the button below to sign in. This link is valid for 15 minutes and works once.",
    button: "Sign me in",
    ignore: "If you did not ask for this link, ignore this message: nobody can sign in without it.",
  },
} as const;

export function magicLinkEmail(locale: Locale, url: string): RenderedEmail {
  const t = T[locale];
  return renderEmail(locale, t.subject, t.title, [
    { kind: "p", text: t.intro },
    { kind: "button", label: t.button, href: url },
    { kind: "p", text: t.ignore },
  ]);
}
