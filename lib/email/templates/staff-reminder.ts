import { renderEmail, type RenderedEmail } from "../layout";

export interface ReminderLine {
  reference: string;
  right: string;
  dueDate: string;
  daysLeft: number;
}

/** To the DPO team, in both languages: the cases due soon (a reminder, or the daily digest). */
export function staffReminderEmail(kind: "reminder" | "digest", lines: ReminderLine[], queueUrl: string): RenderedEmail {
  const subject =
    kind === "reminder"
      ? `Rappel : ${lines.length} demande(s) à échéance / Reminder: ${lines.length} request(s) due`
      : `Échéances des 7 prochains jours : ${lines.length} / Due in the next 7 days: ${lines.length}`;
  return renderEmail("fr", subject, subject, [
    {
      kind: "table",
      caption: "Demandes / Requests",
      head: ["Référence / Reference", "Droit / Right", "Échéance / Due", "Jours restants / Days left"],
      rows: lines.map((l) => [l.reference, l.right, l.dueDate, l.daysLeft === 0 ? "aujourd'hui / today" : String(l.daysLeft)]),
    },
    { kind: "button", label: "File des demandes / Request queue", href: queueUrl },
  ]);
}

/** To the agent assigned to a case, in both languages: the requester answered a request for information. */
export function requesterAnsweredEmail(reference: string, caseUrl: string): RenderedEmail {
  const subject = `${reference} : le demandeur a répondu / the requester answered`;
  return renderEmail("fr", subject, subject, [
    { kind: "p", text: "Le demandeur a répondu à la demande de précision ; le délai de réponse court de nouveau." },
    { kind: "p", text: "The requester answered the request for information; the time limit runs again." },
    { kind: "button", label: "Ouvrir la demande / Open the request", href: caseUrl },
  ]);
}
