import { formatDay } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locale";
import { messages } from "@/lib/i18n/messages";
import type { Localized } from "@/lib/registry/types";
import { requesterVisibleActorName } from "@/lib/requests/disclosure";
import type { RequestWithParts } from "@/lib/requests/present-request";

/** The parts of a case: who handles each, its status and due date, and why a right does not apply. */
export function PartsTable({ request, locale }: { request: RequestWithParts; locale: Locale }) {
  const t = messages(locale);
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t.confirmation.parts}</th>
            <th scope="col">{t.cases.status}</th>
            <th scope="col">{t.confirmation.due}</th>
          </tr>
        </thead>
        <tbody>
          {request.parts.map((p) => (
            <tr key={p.id}>
              <td>
                {p.healthActor ? (requesterVisibleActorName(request, p) ?? t.cases.hiddenActor) : t.cases.platform}
                {p.reason ? <p className="hint">{(p.reason as unknown as Localized)[locale]}</p> : null}
              </td>
              <td>{t.cases.partStatuses[p.status]}</td>
              <td>{formatDay(p.dueDate.toISOString().slice(0, 10), locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
