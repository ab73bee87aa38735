import type { Localized } from "@/lib/registry/types";

/**
 * Why an outbox mail failed, in the terms the DPO team acts on (FAILURE_EXPLANATIONS). Read from the server's stored answer: its enhanced status code
 * (RFC 3463, "5.1.1") when it gave one, else its reply code (RFC 5321).
 */
export const FAILURE_KINDS = [
  "no_such_address",
  "no_such_domain",
  "mailbox_unavailable",
  "mailbox_disabled",
  "mailbox_full",
  "too_large",
  "policy",
  "refused",
  "not_delivered",
] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

/** What each failure means, and what the DPO team can do, as the back office shows it. */
export const FAILURE_EXPLANATIONS: Record<FailureKind, Localized> = {
  no_such_address: {
    fr: "L'adresse n'existe pas chez son fournisseur de messagerie : vérifiez-la avec la personne, un nouvel envoi à la même adresse échouera de nouveau.",
    en: "The address does not exist at its mail provider: check it with the person; sending again to the same address will fail again.",
  },
  no_such_domain: {
    fr: "Le domaine de l'adresse (après @) n'existe pas ou ne reçoit pas d'e-mails : l'adresse est sans doute mal écrite.",
    en: "The address's domain (after @) does not exist or takes no e-mail: the address is probably misspelt.",
  },
  mailbox_unavailable: {
    fr: "La boîte de destination est indisponible (le plus souvent, l'adresse n'existe pas).",
    en: "The destination mailbox is unavailable (most often, the address does not exist).",
  },
  mailbox_disabled: {
    fr: "La boîte de destination est désactivée : la personne ne l'utilise sans doute plus.",
    en: "The destination mailbox is disabled: the person probably no longer uses it.",
  },
  mailbox_full: {
    fr: "La boîte de destination est pleine : renvoyez l'e-mail plus tard.",
    en: "The destination mailbox is full: send the e-mail again later.",
  },
  too_large: {
    fr: "L'e-mail, avec ses pièces jointes, dépasse la taille que le destinataire accepte : envoyez-lui le document par un autre moyen.",
    en: "The e-mail, with its attachments, is larger than the recipient accepts: send them the document another way.",
  },
  policy: {
    fr: "Le serveur du destinataire l'a refusé par sa politique (filtre anti-spam, authentification de l'expéditeur) : voyez avec l'administrateur de la messagerie avant de renvoyer.",
    en: "The recipient's server refused it by its policy (spam filter, sender authentication): see the mail administrator before sending it again.",
  },
  refused: {
    fr: "Le serveur l'a refusé définitivement.",
    en: "The server refused it for good.",
  },
  not_delivered: {
    fr: "Le serveur d'envoi n'a pas pu le remettre (injoignable, ou refus temporaires répétés) : renvoyez-le une fois le service rétabli.",
    en: "The mail server could not deliver it (unreachable, or repeated temporary refusals): send it again once the service is back.",
  },
};

const BY_ENHANCED: [RegExp, FailureKind][] = [
  [/^5\.1\.[0136]$|^5\.1\.10$/, "no_such_address"],
  [/^5\.1\.2$|^5\.4\.4$/, "no_such_domain"],
  [/^5\.2\.1$/, "mailbox_disabled"],
  [/^5\.2\.2$/, "mailbox_full"],
  [/^5\.2\.3$|^5\.3\.4$/, "too_large"],
  [/^5\.7\.\d{1,3}$/, "policy"],
];

/** Without an enhanced code: 550 and 551 say the mailbox is unavailable (most often, no such address; sometimes a policy). */
const BY_REPLY: Record<number, FailureKind> = {
  550: "mailbox_unavailable",
  551: "mailbox_unavailable",
  552: "mailbox_full",
  553: "no_such_address",
};

export function failureKind(answer: { code: number | null; response: string | null }): FailureKind {
  // A 4xx answer or none at all: the attempts ran out (or kept being cut) without a refusal for good.
  if (answer.code === null || answer.code < 500) return "not_delivered";
  const enhanced = /\b(5\.\d{1,3}\.\d{1,3})\b/.exec(answer.response ?? "")?.[1];
  if (enhanced) return BY_ENHANCED.find(([pattern]) => pattern.test(enhanced))?.[1] ?? "refused";
  return BY_REPLY[answer.code] ?? "refused";
}
