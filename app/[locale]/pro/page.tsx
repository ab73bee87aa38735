import type { Metadata } from "next";
import Link from "next/link";
import { listActorParts } from "@/lib/actors/inbox";
import { requireMember } from "@/lib/actors/current-member";
import { db } from "@/lib/db";
import { isIsoDay } from "@/lib/deadlines";
import { fill } from "@/lib/i18n/fill";
import { formatDay, formatInstant } from "@/lib/i18n/format";
import { messages } from "@/lib/i18n/messages";
import { pageLocale } from "@/lib/i18n/page-locale";
import { RIGHT_LABELS, type RightKey } from "@/lib/rights";
import { firstParam } from "@/lib/http/search-params";
import { isReference, isUuid } from "@/lib/validation/ids";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  return { title: messages(await pageLocale(params)).pro.inbox };
}

/** `apres` is "<due day>_<part id>": where the previous page ended. Anything else starts over. */
function cursorOf(text: string | undefined) {
  const [day, id] = (text ?? "").split("_");
  return day && id && isIsoDay(day) && isUuid(id) ? { dueDate: day, id } : null;
}

export default async function ActorInboxPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ vue?: string | string[]; apres?: string | string[]; ref?: string | string[] }>;
}) {
  const locale = await pageLocale(params);
  const t = messages(locale);
  const p = t.pro;
  const viewer = await requireMember(locale);
  if (viewer.memberships.length === 0) {
    return (
      <main className="narrow">
        <h1>{p.inbox}</h1>
        <p className="notice warn">{p.noAccess}</p>
      </main>
    );
  }
  const query = await searchParams;
  const [vue, apres, ref] = [firstParam(query.vue), firstParam(query.apres), firstParam(query.ref)];
  const view = vue === "traitees" ? "done" : "open";
  const reference = ref?.trim().toUpperCase();
  const page = await listActorParts(
    db(),
    viewer.memberships.map((m) => m.healthActorId),
    view,
    cursorOf(apres),
    new Date(),
    isReference(reference) ? reference : undefined,
  );
  const several = viewer.memberships.length > 1;
  const tab = (target: "open" | "done", label: string) => (
    <li>
      <Link
        href={`/${locale}/pro${target === "done" ? "?vue=traitees" : ""}`}
        aria-current={view === target ? "page" : undefined}
      >
        {label}
      </Link>
    </li>
  );
  return (
    <main>
      <h1>{p.inbox}</h1>
      <p>{p.inboxIntro}</p>
      {/* biome-ignore lint/a11y/useSemanticElements: a form with the search role is the landmark every screen reader announces */}
      <form method="get" className="inline-search" role="search">
        {view === "done" ? <input type="hidden" name="vue" value="traitees" /> : null}
        <label htmlFor="ref">{p.searchReference}</label>
        <input id="ref" name="ref" defaultValue={ref ?? ""} placeholder="DR-2026-XXXX-XXXX" autoComplete="off" />
        <button className="button secondary" type="submit">
          {p.search}
        </button>
      </form>
      <nav aria-label={p.inbox}>
        <ul className="tabs">
          {tab("open", p.open)}
          {tab("done", p.done)}
        </ul>
      </nav>
      {page.rows.length === 0 ? (
        <p>{p.none}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{view === "open" ? p.open : p.done}</caption>
            <thead>
              <tr>
                <th scope="col">{p.colReference}</th>
                {several ? <th scope="col">{p.colActor}</th> : null}
                <th scope="col">{p.colRight}</th>
                <th scope="col">{p.colSubject}</th>
                <th scope="col">{p.colReceived}</th>
                <th scope="col">{p.colDue}</th>
                <th scope="col">{p.colStatus}</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((r) => (
                <tr key={r.partId}>
                  <td>
                    <Link href={`/${locale}/pro/demandes/${r.partId}`}>{r.reference}</Link>
                  </td>
                  {several ? <td>{r.actorName}</td> : null}
                  <td>{RIGHT_LABELS[r.right as RightKey][locale]}</td>
                  <td>{r.subjectName}</td>
                  <td>{formatInstant(r.receivedAt, locale)}</td>
                  <td>
                    {formatDay(r.dueDate, locale)}
                    {r.status === "forwarded" ? (
                      <>
                        {" "}
                        <span className={r.daysLeft < 0 ? "tag" : "hint"}>
                          (
                          {r.daysLeft < 0
                            ? fill(p.overdue, { days: -r.daysLeft })
                            : r.daysLeft === 0
                              ? p.dueToday
                              : fill(p.daysLeft, { days: r.daysLeft })}
                          )
                        </span>
                      </>
                    ) : null}
                  </td>
                  <td>
                    {p.statuses[r.status as keyof typeof p.statuses] ?? r.status}
                    {r.status === "forwarded" && r.acknowledged ? ` · ${p.acknowledged}` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page.next ? (
        <p>
          <Link
            href={`/${locale}/pro?${view === "done" ? "vue=traitees&" : ""}apres=${page.next.dueDate}_${page.next.id}`}
          >
            {p.next}
          </Link>
        </p>
      ) : null}
    </main>
  );
}
