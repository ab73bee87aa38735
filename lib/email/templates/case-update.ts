import type { Locale } from "@/lib/i18n/locale";
import { renderEmail, type RenderedEmail } from "../layout";

/** The steps of a case the requester is told of by e-mail, beyond the acknowledgement. */
export type CaseUpdate =
  | { kind: "identity_accepted" }
  | { kind: "identity_rejected"; reason: string }
  | { kind: "answer" }
  | { kind: "extension" }
  | { kind: "information_request"; message: string }
  | { kind: "closed" };

const T = {
  fr: {
    identity_accepted: { subject: "Votre identité est vérifiée", text: "Les justificatifs ont été vérifiés puis supprimés. Votre demande est maintenant traitée ; le délai de réponse a repris." },
    identity_rejected: { subject: "Votre identité n'a pas pu être vérifiée", text: "Les justificatifs envoyés ne permettent pas d'établir votre identité ou votre qualité ; ils ont été supprimés. Motif :" },
    answer: { subject: "Réponse à votre demande", text: "Vous trouverez notre réponse dans le courrier joint (PDF)." },
    extension: { subject: "Le délai de réponse à votre demande est prolongé", text: "Vous trouverez les raisons de cette prolongation et la nouvelle date dans le courrier joint (PDF)." },
    information_request: { subject: "Une précision est nécessaire pour traiter votre demande", text: "Le délai de réponse est suspendu jusqu'à votre réponse. Notre question :" },
    closed: { subject: "Votre demande est close", text: "Le traitement de votre demande est terminé. Vous pouvez en retrouver l'historique dans « Mes demandes »." },
    ref: (r: string) => `Demande ${r}`,
    button: "Suivre ma demande",
  },
  en: {
    identity_accepted: { subject: "Your identity is verified", text: "Your proofs were checked, then deleted. Your request is now being handled; the time limit runs again." },
    identity_rejected: { subject: "Your identity could not be verified", text: "The proofs sent do not establish your identity or capacity; they were deleted. Reason:" },
    answer: { subject: "Answer to your request", text: "Our answer is in the attached letter (PDF)." },
    extension: { subject: "The time limit of your request is extended", text: "The reasons for the extension and the new date are in the attached letter (PDF)." },
    information_request: { subject: "We need more information to handle your request", text: "The time limit is suspended until you answer. Our question:" },
    closed: { subject: "Your request is closed", text: "The handling of your request is over. Its history stays in \"My requests\"." },
    ref: (r: string) => `Request ${r}`,
    button: "Follow my request",
  },
} as const;

export function caseUpdateEmail(locale: Locale, reference: string, update: CaseUpdate, caseUrl: string): RenderedEmail {
  const t = T[locale];
  const extra = update.kind === "identity_rejected" ? update.reason : update.kind === "information_request" ? update.message : null;
  return renderEmail(locale, `${t[update.kind].subject} (${reference})`, t[update.kind].subject, [
    { kind: "p", text: t.ref(reference) },
    { kind: "p", text: t[update.kind].text },
    ...(extra ? [{ kind: "p" as const, text: extra }] : []),
    { kind: "button", label: t.button, href: caseUrl },
  ]);
}
