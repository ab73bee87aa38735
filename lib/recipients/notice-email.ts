import type { RectifiableField } from "@/lib/rights/rectification/rectifiable-fields";
import { formatDay } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locale";
import type { NoticeContent } from "./notice-payload";
import type { Localized } from "@/lib/registry/types";
import { RIGHT_LABELS } from "@/lib/rights";
import { type EmailBlock, renderEmail, type RenderedEmail } from "@/lib/email/layout";

export interface RecipientNoticeMail {
  reference: string;
  /** The recipient, as the registry names it. */
  recipient: string;
  content: NoticeContent;
}

const FIELDS: Record<RectifiableField, Localized> = {
  firstName: { fr: "Prénom", en: "First name" },
  lastName: { fr: "Nom", en: "Last name" },
  birthName: { fr: "Nom de naissance", en: "Birth name" },
  birthDate: { fr: "Date de naissance", en: "Date of birth" },
  birthPlace: { fr: "Lieu de naissance", en: "Place of birth" },
  phone: { fr: "Téléphone", en: "Phone" },
  street: { fr: "Adresse", en: "Street address" },
  postalCode: { fr: "Code postal", en: "Postal code" },
  city: { fr: "Ville", en: "City" },
};

const ASK = {
  rectification: {
    fr: "Conformément à l'article 19 du RGPD, nous vous demandons d'apporter la même rectification aux données de cette personne que vous détenez.",
    en: "Under Article 19 of the GDPR, we ask you to make the same rectification to the data you hold about this person.",
  },
  erasure: {
    fr: "Conformément à l'article 19 du RGPD, nous vous demandons d'effacer de même les données de cette personne que vous détenez pour les traitements concernés.",
    en: "Under Article 19 of the GDPR, we ask you to erase likewise the data you hold about this person for the processing concerned.",
  },
  restriction: {
    fr: "Conformément à l'article 19 du RGPD, nous vous demandons de limiter de même le traitement des données de cette personne : hormis leur conservation, elles ne doivent plus être traitées (RGPD art. 18(2)) jusqu'à ce que nous vous informions de la levée de la limitation.",
    en: "Under Article 19 of the GDPR, we ask you to restrict likewise the processing of this person's data: apart from storing it, it must no longer be processed (GDPR Art. 18(2)) until we tell you the restriction is lifted.",
  },
  lifted: {
    fr: "La limitation du traitement des données de cette personne, dont nous vous avions informé, est levée : vous pouvez de nouveau les traiter comme avant.",
    en: "The restriction of processing of this person's data, which we told you of, is lifted: you may process it again as before.",
  },
} as const;

function section(m: RecipientNoticeMail, locale: Locale): EmailBlock[] {
  const { content } = m;
  const fr = locale === "fr";
  const right = content.lifted
    ? fr
      ? "levée de la limitation du traitement"
      : "lifting of the restriction of processing"
    : RIGHT_LABELS[content.right][locale].toLowerCase();
  const blocks: EmailBlock[] = [
    {
      kind: "p",
      text: fr
        ? `Vous recevez des données personnelles de la plateforme (${m.recipient}). À la suite de la demande ${m.reference} de la personne concernée, nous avons procédé à : ${right}.`
        : `You receive personal data from the platform (${m.recipient}). Following the data subject's request ${m.reference}, we carried out: ${right}.`,
    },
    {
      kind: "table",
      caption: fr ? "Personne concernée" : "Data subject",
      head: fr ? ["Donnée", "Valeur"] : ["Item", "Value"],
      rows: [
        [fr ? "Nom" : "Last name", content.subject.lastName],
        [fr ? "Prénom" : "First name", content.subject.firstName],
        [fr ? "Date de naissance" : "Date of birth", formatDay(content.subject.birthDate, locale)],
        [fr ? "Adresse e-mail" : "E-mail address", content.subject.email ?? (fr ? "aucune" : "none")],
      ],
    },
  ];
  if (content.changes?.length) {
    blocks.push({
      kind: "table",
      caption: fr ? "Nouvelles valeurs" : "New values",
      head: fr ? ["Donnée", "Nouvelle valeur"] : ["Item", "New value"],
      rows: content.changes.map((c) => [
        FIELDS[c.field][locale],
        c.field === "birthDate" ? formatDay(c.after, locale) : c.after,
      ]),
    });
  }
  if (content.erasedCategories?.length) {
    blocks.push(
      { kind: "p", text: fr ? "Données effacées :" : "Data erased:" },
      { kind: "list", items: content.erasedCategories },
    );
  }
  if (content.purposes?.length) {
    blocks.push(
      { kind: "p", text: fr ? "Pour ces traitements :" : "For this processing:" },
      { kind: "list", items: content.purposes },
    );
  }
  blocks.push(
    { kind: "p", text: ASK[content.lifted ? "lifted" : content.right][locale] },
    {
      kind: "p",
      text: fr
        ? `Merci de nous confirmer que c'est fait en répondant à ce message, avec la référence ${m.reference}.`
        : `Please confirm it is done by replying to this message, quoting reference ${m.reference}.`,
    },
  );
  return blocks;
}

/**
 * To a recipient of the data (GDPR Art. 19), French then English: the case reference, the change
 * made (the new values of a rectification, the data erased, or the restriction), who the data
 * subject is, and the request to apply the same change.
 */
export function recipientNoticeEmail(m: RecipientNoticeMail): RenderedEmail {
  const right = m.content.lifted
    ? { fr: "Levée de la limitation", en: "Restriction lifted" }
    : RIGHT_LABELS[m.content.right];
  const subject = `${m.reference} : ${right.fr.toLowerCase()} à répercuter (RGPD art. 19) / ${right.en.toLowerCase()} to pass on (GDPR Art. 19)`;
  return renderEmail("fr", subject, `Demande ${m.reference} : ${right.fr} / Request ${m.reference}: ${right.en}`, [
    ...section(m, "fr"),
    ...section(m, "en"),
  ]);
}
