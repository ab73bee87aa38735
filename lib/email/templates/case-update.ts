import { fill } from "@/lib/i18n/fill";
import type { Locale } from "@/lib/i18n/locale";
import { renderEmail, type RenderedEmail } from "../layout";

/** The steps of a case the requester is told of by e-mail, beyond the acknowledgement. */
export type CaseUpdate =
  | { kind: "identity_accepted" }
  | { kind: "identity_rejected"; reason: string }
  | { kind: "answer" }
  | { kind: "extension" }
  | { kind: "information_request"; message: string }
  /** No answer yet: `closeOn` is the day (formatted) from which the case may be closed. */
  | { kind: "information_reminder"; message: string; closeOn: string }
  | { kind: "closed" }
  | { kind: "closed_no_answer" }
  /** Art. 18(3): the restriction will be lifted, and why. */
  | { kind: "restriction_lift"; reason: string }
  /** A health actor's own answer, attached. */
  | { kind: "actor_answer"; actorName: string }
  /** A health actor answered by other means: the day (formatted) and how. */
  | { kind: "actor_answered_elsewhere"; actorName: string; date: string; channel: string };

const T = {
  fr: {
    identity_accepted: {
      subject: "Votre identité est vérifiée",
      text: "Les justificatifs ont été vérifiés puis supprimés. Votre demande est maintenant traitée ; le délai de réponse a repris.",
    },
    identity_rejected: {
      subject: "Votre identité n'a pas pu être vérifiée",
      text: "Les justificatifs envoyés ne permettent pas d'établir votre identité ou votre qualité ; ils ont été supprimés. Motif :",
    },
    answer: { subject: "Réponse à votre demande", text: "Vous trouverez notre réponse dans le courrier joint (PDF)." },
    extension: {
      subject: "Le délai de réponse à votre demande est prolongé",
      text: "Vous trouverez les raisons de cette prolongation et la nouvelle date dans le courrier joint (PDF).",
    },
    information_request: {
      subject: "Une précision est nécessaire pour traiter votre demande",
      text: "Le délai de réponse est suspendu jusqu'à votre réponse. Notre question :",
    },
    information_reminder: {
      subject: "Rappel : une précision est nécessaire pour traiter votre demande",
      text: "Nous n'avons pas reçu votre réponse à la question ci-dessous. Le délai de réponse reste suspendu. Sans réponse de votre part, votre demande pourra être close à partir du {closeOn}.",
    },
    closed: {
      subject: "Votre demande est close",
      text: "Le traitement de votre demande est terminé. Vous pouvez en retrouver l'historique dans « Mes demandes ».",
    },
    actor_answer: {
      subject: "Réponse de l'acteur de santé à votre demande",
      text: "{actor} a répondu à la partie de votre demande qui le concerne. Sa réponse peut contenir des données de santé : lisez-la dans « Mes demandes », après connexion (bouton ci-dessous).",
    },
    actor_answered_elsewhere: {
      subject: "L'acteur de santé a répondu à votre demande",
      text: "{actor} indique vous avoir répondu le {date} ({channel}) pour la partie de votre demande qui le concerne.",
    },
    restriction_lift: {
      subject: "La limitation du traitement de vos données va être levée",
      text: "Nous vous informons, comme la loi le prévoit, que la limitation du traitement de vos données va être levée. Motif :",
    },
    closed_no_answer: {
      subject: "Votre demande est close faute de réponse",
      text: "Sans réponse à notre demande de précision malgré notre rappel, nous clôturons votre demande. Le courrier joint (PDF) en donne les raisons et vos voies de recours ; vous pouvez présenter une nouvelle demande à tout moment.",
    },
    ref: (r: string) => `Demande ${r}`,
    button: "Suivre ma demande",
  },
  en: {
    identity_accepted: {
      subject: "Your identity is verified",
      text: "Your proofs were checked, then deleted. Your request is now being handled; the time limit runs again.",
    },
    identity_rejected: {
      subject: "Your identity could not be verified",
      text: "The proofs sent do not establish your identity or capacity; they were deleted. Reason:",
    },
    answer: { subject: "Answer to your request", text: "Our answer is in the attached letter (PDF)." },
    extension: {
      subject: "The time limit of your request is extended",
      text: "The reasons for the extension and the new date are in the attached letter (PDF).",
    },
    information_request: {
      subject: "We need more information to handle your request",
      text: "The time limit is suspended until you answer. Our question:",
    },
    information_reminder: {
      subject: "Reminder: we need more information to handle your request",
      text: "We have not received your answer to the question below. The time limit remains suspended. Without an answer, your request may be closed from {closeOn}.",
    },
    closed: {
      subject: "Your request is closed",
      text: 'The handling of your request is over. Its history stays in "My requests".',
    },
    actor_answer: {
      subject: "The health actor's answer to your request",
      text: '{actor} answered the part of your request that concerns it. Its answer may hold health data: read it in "My requests", after signing in (button below).',
    },
    actor_answered_elsewhere: {
      subject: "The health actor answered your request",
      text: "{actor} states it answered you on {date} ({channel}) for the part of your request that concerns it.",
    },
    restriction_lift: {
      subject: "The restriction of the processing of your data will be lifted",
      text: "As the law requires, we inform you that the restriction of the processing of your data will be lifted. Reason:",
    },
    closed_no_answer: {
      subject: "Your request is closed for want of an answer",
      text: "As our request for information remained unanswered despite our reminder, we are closing your request. The attached letter (PDF) gives the reasons and your remedies; you may file a new request at any time.",
    },
    ref: (r: string) => `Request ${r}`,
    button: "Follow my request",
  },
} as const;

export function caseUpdateEmail(locale: Locale, reference: string, update: CaseUpdate, caseUrl: string): RenderedEmail {
  const t = T[locale];
  const extra =
    update.kind === "identity_rejected" || update.kind === "restriction_lift"
      ? update.reason
      : update.kind === "information_request" || update.kind === "information_reminder"
        ? update.message
        : null;
  return renderEmail(locale, `${t[update.kind].subject} (${reference})`, t[update.kind].subject, [
    { kind: "p", text: t.ref(reference) },
    { kind: "p", text: fill(t[update.kind].text, placeholders(update)) },
    ...(extra ? [{ kind: "p" as const, text: extra }] : []),
    { kind: "button", label: t.button, href: caseUrl },
  ]);
}

function placeholders(update: CaseUpdate): Record<string, string> {
  switch (update.kind) {
    case "information_reminder":
      return { closeOn: update.closeOn };
    case "actor_answer":
      return { actor: update.actorName };
    case "actor_answered_elsewhere":
      return { actor: update.actorName, date: update.date, channel: update.channel };
    default:
      return {};
  }
}
