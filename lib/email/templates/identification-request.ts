import type { Locale } from "@/lib/i18n/locale";
import { renderEmail, type RenderedEmail } from "../layout";

export interface IdentificationRequestData {
  reference: string;
  /** The DPO's message, as typed. */
  message: string;
  /** The documents asked, named in the requester's language. */
  documents: string[];
  /** Where to answer and send them (lib/requests/answer-link.ts). */
  answerUrl: string;
}

const T = {
  fr: {
    subject: (ref: string) => `Des justificatifs sont nécessaires pour traiter votre demande (${ref})`,
    title: "Des justificatifs sont nécessaires pour traiter votre demande",
    ref: (ref: string) => `Demande ${ref}`,
    intro:
      "Pour vérifier votre identité ou votre qualité, le délégué à la protection des données vous demande les documents ci-dessous. Le délai de réponse est suspendu jusqu'à votre réponse.",
    message: "Son message :",
    care: "PDF, JPEG ou PNG, 10 Mo au plus par fichier. Vous pouvez masquer sur la copie ce qui n'est pas nécessaire à la vérification (numéro du document, photo…). Les fichiers sont chiffrés, et supprimés dès la vérification faite.",
    button: "Répondre et envoyer les justificatifs",
    link: "Ce lien est personnel : il ne sert qu'à répondre à cette demande. Vous pouvez aussi répondre depuis « Mes demandes », après connexion.",
  },
  en: {
    subject: (ref: string) => `We need documents to handle your request (${ref})`,
    title: "We need documents to handle your request",
    ref: (ref: string) => `Request ${ref}`,
    intro:
      "To check your identity or capacity, the data protection officer asks you for the documents below. The time limit is suspended until you answer.",
    message: "Their message:",
    care: "PDF, JPEG or PNG, at most 10 MB per file. You may black out on the copy what the check does not need (the document's number, the photo…). The files are encrypted, and deleted once checked.",
    button: "Answer and send the documents",
    link: 'This link is personal: it only serves to answer this request. You may also answer from "My requests", after signing in.',
  },
} as const;

/**
 * A request for identification documents while the identity is checked (décret 2019-536 art. 77;
 * EDPB 01/2022 §76-77): what
 * is asked, that the clock stops, that what the check does not need may be blacked out, and the link
 * to answer.
 */
export function identificationRequestEmail(locale: Locale, data: IdentificationRequestData): RenderedEmail {
  const t = T[locale];
  return renderEmail(locale, t.subject(data.reference), t.title, [
    { kind: "p", text: t.ref(data.reference) },
    { kind: "p", text: t.intro },
    { kind: "list", items: data.documents },
    { kind: "p", text: t.message },
    { kind: "p", text: data.message },
    { kind: "p", text: t.care },
    { kind: "button", label: t.button, href: data.answerUrl },
    { kind: "p", text: t.link },
  ]);
}
