import { formatDay, formatInstant } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locale";
import type { Registry } from "@/lib/registry/types";
import { requesterParts, scopeReachesActors } from "@/lib/requests/disclosure";
import type { RequestScope } from "@/lib/routing/route-request";
import type { RequestWithParts } from "@/lib/requests/present-request";
import { RIGHT_LABELS, RIGHT_ARTICLES } from "@/lib/rights";
import { PdfWriter } from "@/lib/pdf/layout";

const T = {
  fr: {
    title: "Accusé de réception d'une demande d'exercice de droits",
    footer: "Portail des droits des patients - accusé de réception",
    reference: "Référence",
    right: "Droit exercé",
    receivedAt: "Reçue le (heure de Paris)",
    channel: "Canal",
    requester: "Demandeur",
    subject: "Personne concernée",
    dueDate: "Réponse au plus tard le",
    parts: "Qui traite votre demande",
    head: ["Responsable du traitement", "Règle de délai", "Réponse au plus tard le"],
    platform: "La plateforme (délégué à la protection des données)",
    hiddenActors:
      "Si des acteurs de santé détiennent des données de la personne, chacun recevra sa partie de la demande, et vous serez informé(e) de sa réponse.",
    rule: {
      gdpr_art12: "RGPD art. 12(3) : un mois",
      csp_l1111_7: "Code de la santé publique L1111-7 : 8 jours (2 mois si plus de 5 ans)",
    },
    next: "Chaque responsable vous répondra au plus tard à la date indiquée. Pour les données que votre acteur de santé contrôle, la plateforme lui transmet votre demande : c'est lui qui décide et vous répond. Vous pouvez suivre l'avancement dans « Mes demandes ».",
    complaint:
      "Vous pouvez à tout moment introduire une réclamation auprès de la CNIL (www.cnil.fr) et exercer un recours juridictionnel.",
    channels: {
      web: "Formulaire en ligne",
      email: "E-mail",
      post: "Courrier",
      phone: "Téléphone",
      in_person: "En personne",
    },
  },
  en: {
    title: "Acknowledgement of a data-rights request",
    footer: "Patient rights portal - acknowledgement of receipt",
    reference: "Reference",
    right: "Right exercised",
    receivedAt: "Received on (Paris time)",
    channel: "Channel",
    requester: "Requester",
    subject: "Data subject",
    dueDate: "Answer at the latest on",
    parts: "Who handles your request",
    head: ["Controller", "Time-limit rule", "Answer at the latest on"],
    platform: "The platform (data protection officer)",
    hiddenActors:
      "If health actors hold data about the person, each will receive its part of the request, and you will be told of its answer.",
    rule: {
      gdpr_art12: "GDPR Art. 12(3): one month",
      csp_l1111_7: "Public Health Code L1111-7: 8 days (2 months if over 5 years old)",
    },
    next: 'Each controller will answer at the latest on the date shown. For data your health actor controls, the platform forwards your request to it: the actor decides and answers you. You can follow progress in "My requests".',
    complaint: "You may at any time lodge a complaint with the CNIL (www.cnil.fr) and seek a judicial remedy.",
    channels: { web: "Online form", email: "E-mail", post: "Post", phone: "Phone", in_person: "In person" },
  },
} as const;

/** The PDF receipt of a case, in the requester's language. */
/** `registry`: the one the case was filed under (registryOf). */
export async function buildReceiptPdf(
  request: RequestWithParts,
  locale: Locale,
  registry: Registry,
): Promise<Uint8Array> {
  const t = T[locale];
  const pdf = await PdfWriter.create({
    title: `${t.title} ${request.reference}`,
    lang: locale,
    footer: `${t.footer} ${request.reference}`,
  });
  pdf.heading(t.title);
  pdf.keyValues([
    [t.reference, request.reference],
    [t.right, `${RIGHT_LABELS[request.right][locale]} (${RIGHT_ARTICLES[request.right]})`],
    [t.receivedAt, formatInstant(request.receivedAt, locale)],
    [t.channel, t.channels[request.channel]],
    [t.requester, `${request.requesterFirstName} ${request.requesterLastName} <${request.requesterEmail}>`],
    [t.subject, `${request.subjectFirstName} ${request.subjectLastName}`],
    [t.dueDate, formatDay(request.dueDate, locale)],
  ]);
  pdf.heading(t.parts, 2);
  const { visible, actorsNote } = requesterParts(
    request.parts,
    scopeReachesActors(request.scope as RequestScope, registry),
  );
  pdf.table(
    [...t.head],
    visible.map((p) => [p.healthActor?.name ?? t.platform, t.rule[p.deadlineRule], formatDay(p.dueDate, locale)]),
    [0.42, 0.33, 0.25],
  );
  if (actorsNote) pdf.paragraph(t.hiddenActors);
  pdf.paragraph(t.next);
  pdf.paragraph(t.complaint, { muted: true });
  return pdf.save();
}
