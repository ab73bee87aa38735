import { fill } from "@/lib/i18n/fill";
import { formatInstant } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locale";
import { messages } from "@/lib/i18n/messages";
import type { CaseNotice } from "@/lib/recipients/case-notices";

/** Statuses after which the DPO team must tell the recipient itself. */
const TELL_OTHER_WAY = ["no_contact", "failed", "cancelled"];

/** A notice "sent" by e-mail whose e-mail the SMTP server then refused is one to tell another way too. */
const stateOf = (x: CaseNotice) => (x.channel === "email" && x.outbox?.status === "failed" ? "email_failed" : x.status);

/**
 * The Art. 19 notices of a case, for the DPO team: each recipient, how and when it was told, where
 * it stands, and which ones the team must tell another way.
 */
export function RecipientNotices({ locale, notices }: { locale: Locale; notices: CaseNotice[] }) {
  if (notices.length === 0) return null;
  const n = messages(locale).backoffice.notices;
  const toTell = notices.filter((x) => [...TELL_OTHER_WAY, "email_failed"].includes(stateOf(x)));
  return (
    <section aria-labelledby="notices-title">
      <h2 id="notices-title">{n.title}</h2>
      <p>{n.intro}</p>
      {toTell.length > 0 ? (
        <p className="notice warn">
          {n.tellOtherWay} ({toTell.map((x) => x.recipient).join(", ")})
        </p>
      ) : null}
      <div className="table-wrap">
        <table>
          <caption>{n.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{n.recipient}</th>
              <th scope="col">{n.change}</th>
              <th scope="col">{n.channel}</th>
              <th scope="col">{n.status}</th>
              <th scope="col">{n.dates}</th>
            </tr>
          </thead>
          <tbody>
            {notices.map((x) => {
              const state = stateOf(x);
              const tell = [...TELL_OTHER_WAY, "email_failed"].includes(state);
              return (
                <tr key={x.id}>
                  <th scope="row">{x.recipient}</th>
                  <td>{x.change}</td>
                  <td>{x.channel ? (n.channels[x.channel] ?? x.channel) : n.noChannel}</td>
                  <td>
                    {tell ? (
                      <>
                        <strong>{n.statuses[state] ?? state}</strong> : {n.tellRow}
                      </>
                    ) : (
                      (n.statuses[state] ?? state)
                    )}
                    {x.status === "failed" && x.lastError ? (
                      <div className="hint">{fill(n.attempts, { count: x.attempts, error: x.lastError })}</div>
                    ) : null}
                  </td>
                  <td>
                    <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
                      <li>{fill(n.queuedOn, { date: formatInstant(x.createdAt, locale) })}</li>
                      {x.sentAt ? <li>{fill(n.sentOn, { date: formatInstant(x.sentAt, locale) })}</li> : null}
                      {x.expectedCompletionAt && !x.settledAt ? (
                        <li>{fill(n.expectedOn, { date: formatInstant(x.expectedCompletionAt, locale) })}</li>
                      ) : null}
                      {x.settledAt ? <li>{fill(n.settledOn, { date: formatInstant(x.settledAt, locale) })}</li> : null}
                    </ul>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
