import type { ComponentProps } from "react";
import { ActionForm } from "@/components/action-form";
import { db } from "@/lib/db";
import { FAILURE_EXPLANATIONS } from "@/lib/email/failure-kind";
import { undeliveredEmails } from "@/lib/email/undelivered-emails";
import { fill } from "@/lib/i18n/fill";
import { formatInstant } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locale";
import { messages } from "@/lib/i18n/messages";

/**
 * The e-mails of a case the mail server refused for good or could not take, for the DPO team: whom
 * each was for, its subject, when it last failed, why in plain words with the server's own answer,
 * and (with the permission) a button that sends it again. Nothing shows while every mail is delivered.
 */
export async function UndeliveredEmails({
  locale,
  request,
  resend,
}: {
  locale: Locale;
  request: { id: string; requesterEmail: string };
  /** The case page's "resend_email" action, or null when the viewer may not resend. */
  resend: ComponentProps<typeof ActionForm>["action"] | null;
}) {
  const mails = await undeliveredEmails(db(), request.id);
  if (mails.length === 0) return null;
  const u = messages(locale).backoffice.undelivered;
  return (
    <section aria-labelledby="undelivered-title">
      <h2 id="undelivered-title">{u.title}</h2>
      <p className="notice warn">{u.intro}</p>
      <div className="table-wrap">
        <table>
          <caption>{u.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{u.recipient}</th>
              <th scope="col">{u.subject}</th>
              <th scope="col">{u.when}</th>
              <th scope="col">{u.reason}</th>
              {resend ? <th scope="col">{u.action}</th> : null}
            </tr>
          </thead>
          <tbody>
            {mails.map((mail) => (
              <tr key={mail.id}>
                <th scope="row">
                  {mail.to}
                  {mail.to.toLowerCase() === request.requesterEmail.toLowerCase() ? ` (${u.requester})` : ""}
                </th>
                <td>{mail.subject}</td>
                <td>
                  {formatInstant(mail.failedAt, locale)}
                  <div className="hint">{fill(u.attempts, { count: mail.attempts })}</div>
                </td>
                <td>
                  {FAILURE_EXPLANATIONS[mail.kind][locale]}
                  <div className="hint">
                    {mail.serverResponse ? fill(u.serverSaid, { answer: mail.serverResponse }) : u.noAnswer}
                  </div>
                </td>
                {resend ? (
                  <td>
                    <ActionForm id={`resend-${mail.id}`} action={resend} submitLabel={u.resend}>
                      <input type="hidden" name="outboxId" value={mail.id} />
                    </ActionForm>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
