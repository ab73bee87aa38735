import { formatDay, formatInstant } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locale";
import { RIGHT_LABELS, type RightKey } from "@/lib/rights";
import { renderEmail, type RenderedEmail } from "../layout";

export interface ForwardedPartMail {
  reference: string;
  right: RightKey;
  receivedAt: Date;
  dueDate: string;
  rule: "gdpr_art12" | "csp_l1111_7";
  /** The identity check, in each language (lib/actors/identity-summary.ts). */
  identity: Record<Locale, string>;
  /** Every data the actor holds, or only the categories chosen. */
  wholeScope: boolean;
  partUrl: string;
}

const RULE = {
  gdpr_art12: { fr: "un mois (RGPD art. 12(3))", en: "one month (GDPR Art. 12(3))" },
  csp_l1111_7: {
    fr: "8 jours, pas avant 48 heures ; 2 mois pour les informations de plus de cinq ans (CSP L1111-7)",
    en: "8 days, not before 48 hours; 2 months for information over five years old (public health code L1111-7)",
  },
};

/**
 * To a health actor's members: a part of a request is in their inbox. French, then English. The
 * patient's name and the details stay in the inbox, behind sign-in: the e-mail says only what the
 * request is and by when it is due.
 */
export function partForwardedEmail(m: ForwardedPartMail): RenderedEmail {
  const subject = `Demande de droits à traiter ${m.reference} / Data-rights request to handle`;
  const lines = (locale: Locale) =>
    locale === "fr"
      ? [
          `Droit exercé : ${RIGHT_LABELS[m.right].fr}. Reçue par la plateforme le ${formatInstant(m.receivedAt, "fr")} : le délai court depuis cette date.`,
          `À répondre au plus tard le ${formatDay(m.dueDate, "fr")} (${RULE[m.rule].fr}).`,
          m.identity.fr,
          m.wholeScope
            ? "Portée : toutes les données que vous détenez sur la personne concernée."
            : "Portée : les catégories de données choisies par le demandeur.",
          "Vous êtes responsable de ces données : c'est à vous de décider et de répondre. La plateforme, votre sous-traitant, vous assiste (extraction des données, exécution de vos instructions).",
        ]
      : [
          `Right: ${RIGHT_LABELS[m.right].en}. Received by the platform on ${formatInstant(m.receivedAt, "en")}: the time limit runs from then.`,
          `To answer by ${formatDay(m.dueDate, "en")} at the latest (${RULE[m.rule].en}).`,
          m.identity.en,
          m.wholeScope
            ? "Scope: all the data you hold about the data subject."
            : "Scope: the categories of data the requester chose.",
          "You are the controller of this data: you decide and answer. The platform, your processor, assists you (data extracts, carrying out your instructions).",
        ];
  return renderEmail("fr", subject, `Demande ${m.reference} à traiter / Request ${m.reference} to handle`, [
    ...lines("fr").map((text) => ({ kind: "p" as const, text })),
    { kind: "button", label: "Ouvrir dans votre espace / Open in your inbox", href: m.partUrl },
    ...lines("en").map((text) => ({ kind: "p" as const, text })),
  ]);
}

export interface ActorReminderLine {
  reference: string;
  right: RightKey;
  dueDate: string;
  daysLeft: number;
  url: string;
}

/** To a health actor's members, French then English: its requests due within a few days or today. */
export function actorReminderEmail(actorName: string, lines: ActorReminderLine[]): RenderedEmail {
  const subject = `Rappel : ${lines.length} demande(s) de droits à échéance / Reminder: ${lines.length} data-rights request(s) due`;
  return renderEmail("fr", subject, `${actorName} — ${subject}`, [
    {
      kind: "table",
      caption: "Demandes à traiter / Requests to handle",
      head: ["Référence / Reference", "Droit / Right", "Échéance / Due", "Jours restants / Days left"],
      rows: lines.map((l) => [
        l.reference,
        `${RIGHT_LABELS[l.right].fr} / ${RIGHT_LABELS[l.right].en}`,
        formatDay(l.dueDate, "fr"),
        l.daysLeft === 0 ? "aujourd'hui / today" : String(l.daysLeft),
      ]),
    },
    { kind: "list", items: lines.map((l) => `${l.reference} : ${l.url}`) },
    {
      kind: "p",
      text: "Passé l'échéance, la demande est signalée au délégué à la protection des données de la plateforme. / Once past due, the request is flagged to the platform's data protection officer.",
    },
  ]);
}
