import type { ErasureCertificate } from "@/lib/rights/erasure/erasure-plan";
import { REFUSAL_GROUNDS, REMEDIES, type RefusalGround } from "@/lib/cases/grounds";
import { formatDay, formatInstant } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locale";
import { RIGHT_ARTICLES, RIGHT_LABELS, type RightKey } from "@/lib/rights";
import { PdfWriter } from "@/lib/pdf/layout";

export type LetterContent =
  | {
      kind: "answer";
      handlerName: string | null;
      outcome: "granted" | "partly_granted" | "refused";
      grounds: RefusalGround[];
      message: string;
      /** A data copy (access or portability) was prepared: downloadable until this day (YYYY-MM-DD). */
      copyUntil?: string;
      /** An erasure was applied: the deletion certificate. */
      erasure?: ErasureCertificate;
    }
  | { kind: "extension"; reason: string; newDueDate: string }
  /** Closed for want of an answer to a request for information (days as YYYY-MM-DD). */
  | { kind: "closure"; askedOn: string; remindedOn: string; question: string };

export interface LetterData {
  reference: string;
  right: RightKey;
  receivedAt: Date;
  requesterName: string;
  date: Date;
  content: LetterContent;
}

const T = {
  fr: {
    footer: "Délégué à la protection des données de la plateforme",
    subject: (ref: string, right: string) => `Objet : votre demande ${ref} (${right})`,
    receivedOn: (at: string) => `Votre demande nous est parvenue le ${at}.`,
    greeting: (name: string) => `Madame, Monsieur ${name},`,
    answerTitle: "Réponse à votre demande",
    extensionTitle: "Prolongation du délai de réponse",
    closureTitle: "Clôture de votre demande faute de réponse",
    copy: (date: string) =>
      `Vos données sont à télécharger dans « Mes demandes », après connexion, jusqu'au ${date} ; les fichiers seront ensuite supprimés.`,
    asked: (date: string) =>
      `Le ${date}, nous vous avons demandé une précision nécessaire au traitement de votre demande :`,
    closure: (date: string) =>
      `Malgré notre rappel du ${date}, nous n'avons pas reçu votre réponse. Sans cette précision, nous ne pouvons pas donner suite à votre demande et nous la clôturons. Vous pouvez présenter une nouvelle demande à tout moment.`,
    part: (name: string | null) =>
      name
        ? `Partie traitée par ${name}, pour le compte duquel la plateforme vous répond sur ses instructions.`
        : "Partie relative aux traitements dont la plateforme est responsable.",
    outcome: {
      granted: "Nous faisons droit à votre demande.",
      partly_granted: "Nous faisons droit à votre demande en partie.",
      refused: "Nous ne pouvons pas faire droit à votre demande.",
    },
    grounds: "Motifs du refus :",
    extension: (date: string) =>
      `Compte tenu de la complexité ou du nombre de demandes, le délai de réponse est prolongé de deux mois (RGPD art. 12(3)). Nous vous répondrons au plus tard le ${date}. Raisons :`,
    signature: "Le délégué à la protection des données",
    erasedAt: (at: string) => `Effacement effectué le ${at}. Ont été effacés :`,
    nothingErased: "Aucune donnée n'a été effacée.",
    kept: "Données conservées, et pourquoi :",
    erasureGrounds: "Motifs de l'effacement :",
  },
  en: {
    footer: "The platform's data protection officer",
    subject: (ref: string, right: string) => `Re: your request ${ref} (${right})`,
    receivedOn: (at: string) => `We received your request on ${at}.`,
    greeting: (name: string) => `Dear ${name},`,
    answerTitle: "Answer to your request",
    extensionTitle: "Extension of the time limit",
    closureTitle: "Your request is closed for want of an answer",
    copy: (date: string) =>
      `Your data can be downloaded in "My requests", after signing in, until ${date}; the files are deleted after that.`,
    asked: (date: string) => `On ${date}, we asked you for information needed to handle your request:`,
    closure: (date: string) =>
      `Despite our reminder of ${date}, we have not received your answer. Without it we cannot act on your request, and we are closing it. You may file a new request at any time.`,
    part: (name: string | null) =>
      name
        ? `Part handled by ${name}, on whose behalf and instructions the platform answers you.`
        : "Part about the processing the platform is responsible for.",
    outcome: {
      granted: "We grant your request.",
      partly_granted: "We grant your request in part.",
      refused: "We cannot grant your request.",
    },
    grounds: "Grounds of the refusal:",
    extension: (date: string) =>
      `Taking into account the complexity or number of requests, the time limit is extended by two months (GDPR Art. 12(3)). We will answer at the latest on ${date}. Reasons:`,
    signature: "The data protection officer",
    erasedAt: (at: string) => `Erasure carried out on ${at}. Erased:`,
    nothingErased: "No data was erased.",
    kept: "Data kept, and why:",
    erasureGrounds: "Grounds of the erasure:",
  },
} as const;

/** A letter to the requester, in their language; a refusal states its grounds and the remedies (Art. 12(4)). */
export async function buildLetterPdf(data: LetterData, locale: Locale): Promise<Uint8Array> {
  const t = T[locale];
  const title = { answer: t.answerTitle, extension: t.extensionTitle, closure: t.closureTitle }[data.content.kind];
  const pdf = await PdfWriter.create({
    title: `${title} ${data.reference}`,
    lang: locale,
    footer: `${t.footer} · ${data.reference}`,
  });
  pdf.paragraph(formatDay(data.date.toISOString().slice(0, 10), locale), { muted: true });
  pdf.heading(title);
  pdf.paragraph(t.subject(data.reference, `${RIGHT_LABELS[data.right][locale]}, ${RIGHT_ARTICLES[data.right]}`));
  pdf.paragraph(t.greeting(data.requesterName));
  pdf.paragraph(t.receivedOn(formatInstant(data.receivedAt, locale)));
  const content = data.content;
  if (content.kind === "answer") {
    pdf.paragraph(t.part(content.handlerName));
    pdf.paragraph(t.outcome[content.outcome]);
    pdf.paragraph(content.message);
    if (content.copyUntil) pdf.paragraph(t.copy(formatDay(content.copyUntil, locale)));
    if (content.erasure) certificate(pdf, content.erasure, t);
    if (content.outcome !== "granted") {
      pdf.heading(t.grounds, 2);
      for (const ground of content.grounds) pdf.paragraph(`- ${REFUSAL_GROUNDS[ground][locale]}`);
      pdf.paragraph(REMEDIES[locale]);
    }
  } else if (content.kind === "extension") {
    pdf.paragraph(t.extension(formatDay(content.newDueDate, locale)));
    pdf.paragraph(content.reason);
  } else {
    pdf.paragraph(t.asked(formatDay(content.askedOn, locale)));
    pdf.paragraph(content.question);
    pdf.paragraph(t.closure(formatDay(content.remindedOn, locale)));
    // Not acting on the request: the remedies are stated (Art. 12(4)).
    pdf.paragraph(REMEDIES[locale]);
  }
  pdf.paragraph(t.signature);
  return pdf.save();
}

function certificate(pdf: PdfWriter, erasure: ErasureCertificate, t: (typeof T)[Locale]) {
  pdf.heading(erasure.title, 2);
  pdf.paragraph(t.erasedAt(erasure.erasedAt));
  if (erasure.erased.length === 0) pdf.paragraph(t.nothingErased);
  for (const line of erasure.erased) pdf.paragraph(`- ${line}`);
  if (erasure.grounds.length > 0) pdf.heading(t.erasureGrounds, 2);
  for (const line of erasure.grounds) pdf.paragraph(`- ${line}`);
  pdf.heading(t.kept, 2);
  for (const item of erasure.kept) pdf.paragraph(`- ${item.what} ${item.why}`);
}
