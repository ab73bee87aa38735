import { formatDay } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locale";
import { messages } from "@/lib/i18n/messages";
import type { Localized, Registry } from "@/lib/registry/types";
import { requesterParts, scopeReachesActors } from "@/lib/requests/disclosure";
import type { RequestScope } from "@/lib/routing/route-request";
import type { RequestWithParts } from "@/lib/requests/present-request";

/**
 * The parts of a case: who handles each (under which deadline rule, for the DPO team), its status
 * and due date, and why a right does not apply. The requester's view leaves out the health actors
 * they may not know of (lib/requests/disclosure.ts).
 */
export function PartsTable({
  request,
  locale,
  audience,
  registry,
}: {
  request: RequestWithParts;
  locale: Locale;
  audience: "requester" | "staff";
  /** The registry the case was filed under (registryOf). */
  registry: Registry;
}) {
  const t = messages(locale);
  const { visible, actorsNote } =
    audience === "staff"
      ? { visible: request.parts, actorsNote: false }
      : requesterParts(request.parts, scopeReachesActors(request.scope as RequestScope, registry));
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
          {visible.map((p) => (
            <tr key={p.id}>
              <td>
                {p.healthActor?.name ?? t.cases.platform}
                {audience === "staff" ? ` (${p.deadlineRule})` : null}
                {p.reason ? <p className="hint">{(p.reason as unknown as Localized)[locale]}</p> : null}
              </td>
              <td>{t.cases.partStatuses[p.status]}</td>
              <td>{formatDay(p.dueDate, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {actorsNote ? <p className="notice">{t.cases.hiddenActors}</p> : null}
    </div>
  );
}
