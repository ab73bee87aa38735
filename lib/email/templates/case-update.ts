import type { Locale } from "@/lib/i18n/locale";
import { renderEmail, type RenderedEmail } from "../layout";

/** The steps of a case the requester is told of by e-mail, beyond the acknowledgement. */
export type CaseUpdate = { kind: "identity_accepted" } | { kind: "identity_rejected"; reason: string };

const T = {
  fr: {
    identity_accepted: { subject: "Votre identité est vérifiée", text: "Les justificatifs ont été vérifiés puis supprimés. Votre demande est maintenant traitée ; le délai de réponse a repris." },
    identity_rejected: { subject: "Votre identité n'a pas pu être vérifiée", text: "Les justificatifs envoyés ne permettent pas d'établir votre identité ou votre qualité ; ils ont été supprimés. Motif :" },
    ref: (r: string) => `Demande ${r}`,
    button: "Suivre ma demande",
  },
  en: {
    identity_accepted: { subject: "Your identity is verified", text: "Your proofs were checked, then deleted. Your request is now being handled; the time limit runs again." },
    identity_rejected: { subject: "Your identity could not be verified", text: "The proofs sent do not establish your identity or capacity; they were deleted. Reason:" },
    ref: (r: string) => `Request ${r}`,
    button: "Follow my request",
  },
} as const;

export function caseUpdateEmail(locale: Locale, reference: string, update: CaseUpdate, caseUrl: string): RenderedEmail {
  const t = T[locale];
  const text = update.kind === "identity_rejected" ? `${t[update.kind].text} ${update.reason}` : t[update.kind].text;
  return renderEmail(locale, `${t[update.kind].subject} (${reference})`, t[update.kind].subject, [
    { kind: "p", text: t.ref(reference) },
    { kind: "p", text },
    { kind: "button", label: t.button, href: caseUrl },
  ]);
}
