import { renderEmail, type RenderedEmail } from "../layout";

export interface ReminderLine {
  reference: string;
  right: string;
  dueDate: string;
  daysLeft: number;
}

/** To the DPO team, in both languages: the cases due soon (a reminder, or the daily digest). */
export function staffReminderEmail(
  kind: "reminder" | "digest",
  lines: ReminderLine[],
  queueUrl: string,
): RenderedEmail {
  const subject =
    kind === "reminder"
      ? `Rappel : ${lines.length} demande(s) à échéance / Reminder: ${lines.length} request(s) due`
      : `Échéances des 7 prochains jours : ${lines.length} / Due in the next 7 days: ${lines.length}`;
  return renderEmail("fr", subject, subject, [
    {
      kind: "table",
      caption: "Demandes / Requests",
      head: ["Référence / Reference", "Droit / Right", "Échéance / Due", "Jours restants / Days left"],
      rows: lines.map((l) => [
        l.reference,
        l.right,
        l.dueDate,
        l.daysLeft === 0 ? "aujourd'hui / today" : String(l.daysLeft),
      ]),
    },
    { kind: "button", label: "File des demandes / Request queue", href: queueUrl },
  ]);
}

/** To the agent assigned to a case, in both languages: something came from the requester. */
function requesterNotice(
  reference: string,
  caseUrl: string,
  subjectTail: string,
  fr: string,
  en: string,
): RenderedEmail {
  const subject = `${reference} : ${subjectTail}`;
  return renderEmail("fr", subject, subject, [
    { kind: "p", text: fr },
    { kind: "p", text: en },
    { kind: "button", label: "Ouvrir la demande / Open the request", href: caseUrl },
  ]);
}

export function requesterAnsweredEmail(reference: string, caseUrl: string): RenderedEmail {
  return requesterNotice(
    reference,
    caseUrl,
    "le demandeur a répondu / the requester answered",
    "Le demandeur a répondu à la demande de précision ; le délai de réponse court de nouveau.",
    "The requester answered the request for information; the time limit runs again.",
  );
}

export function proofsReceivedEmail(reference: string, caseUrl: string): RenderedEmail {
  return requesterNotice(
    reference,
    caseUrl,
    "justificatifs reçus / proofs received",
    "Le demandeur a envoyé les justificatifs attendus : ils sont à examiner ; le délai de réponse court de nouveau.",
    "The requester sent the proofs awaited: they are to be checked; the time limit runs again.",
  );
}
