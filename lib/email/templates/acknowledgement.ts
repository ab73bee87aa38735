import { formatDay, formatInstant } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locale";
import { RIGHT_LABELS, type RightKey } from "@/lib/rights";
import { renderEmail, type RenderedEmail } from "../layout";

export interface AcknowledgementData {
  reference: string;
  right: RightKey;
  receivedAt: Date;
  /** The parts the requester may see (handlerName null for the platform's). */
  parts: { handlerName: string | null; dueDate: string; applicable: boolean }[];
  /** Add the neutral note on health actors the requester is not told of (lib/requests/disclosure.ts). */
  hiddenActors: boolean;
  documentsRequired: boolean;
  casesUrl: string;
}

const T = {
  fr: {
    subject: (ref: string) => `Votre demande ${ref} a bien été reçue`,
    title: "Nous avons bien reçu votre demande",
    intro: (right: string, ref: string, at: string) =>
      `Votre demande « ${right} » a été enregistrée sous la référence ${ref}, reçue le ${at} (heure de Paris).`,
    caption: "Qui traite quoi, et pour quand",
    head: ["Responsable", "Réponse au plus tard le"],
    platform: "La plateforme (délégué à la protection des données)",
    actor: (name: string) => `${name} (acteur de santé, responsable de ses données)`,
    hiddenActors:
      "Si des acteurs de santé détiennent des données de la personne, chacun recevra sa partie de la demande, et vous serez informé(e) de sa réponse.",
    notApplicable: " — le droit ne s'applique pas à ces traitements : la réponse l'expliquera",
    docs: "Pour confirmer votre identité ou votre qualité, un justificatif est nécessaire. Le délai de réponse est suspendu jusqu'à sa réception. Envoyez-le depuis « Mes demandes » (bouton ci-dessous).",
    next: "Chaque responsable vous répondra au plus tard à la date indiquée ; vous serez informé(e) par e-mail à chaque étape. Le récépissé PDF est joint à ce message.",
    button: "Suivre mes demandes",
  },
  en: {
    subject: (ref: string) => `Your request ${ref} has been received`,
    title: "We have received your request",
    intro: (right: string, ref: string, at: string) =>
      `Your "${right}" request has been registered under reference ${ref}, received on ${at} (Paris time).`,
    caption: "Who handles what, and by when",
    head: ["Controller", "Answer at the latest on"],
    platform: "The platform (data protection officer)",
    actor: (name: string) => `${name} (health actor, controller of its data)`,
    hiddenActors:
      "If health actors hold data about the person, each will receive its part of the request, and you will be told of its answer.",
    notApplicable: " — the right does not apply to this processing: the answer will explain why",
    docs: 'A proof is needed to confirm your identity or your capacity. The time limit is suspended until we receive it. Send it from "My requests" (button below).',
    next: "Each controller will answer at the latest on the date shown; you will be told by e-mail at each step. The PDF receipt is attached to this message.",
    button: "Follow my requests",
  },
} as const;

export function acknowledgementEmail(locale: Locale, data: AcknowledgementData): RenderedEmail {
  const t = T[locale];
  return renderEmail(locale, t.subject(data.reference), t.title, [
    {
      kind: "p",
      text: t.intro(RIGHT_LABELS[data.right][locale], data.reference, formatInstant(data.receivedAt, locale)),
    },
    {
      kind: "table",
      caption: t.caption,
      head: [...t.head],
      rows: data.parts.map((p) => [
        (p.handlerName ? t.actor(p.handlerName) : t.platform) + (p.applicable ? "" : t.notApplicable),
        formatDay(p.dueDate, locale),
      ]),
    },
    ...(data.hiddenActors ? [{ kind: "p" as const, text: t.hiddenActors }] : []),
    ...(data.documentsRequired ? [{ kind: "p" as const, text: t.docs }] : []),
    { kind: "p", text: t.next },
    { kind: "button", label: t.button, href: data.casesUrl },
  ]);
}
