import { RIGHT_DEFINITIONS } from "@/lib/rights";
import type { Metadata } from "next";
import Link from "next/link";
import { AccessDenied } from "@/components/access-denied";
import { SelectField } from "@/components/select-field";
import { can } from "@/lib/auth/permissions";
import { listCases } from "@/lib/backoffice/list-cases";
import { caseListParams, CASE_LIST_STATUSES, ZCaseListQuery } from "@/lib/backoffice/list-cases.schema";
import { db } from "@/lib/db";
import { toAppError } from "@/lib/errors/app-error";
import { formatDay } from "@/lib/i18n/format";
import { messages } from "@/lib/i18n/messages";
import { pageLocale } from "@/lib/i18n/page-locale";
import { RIGHTS } from "@/lib/rights/rights";
import { CHANNELS } from "@/lib/requests/submit-request.constants";
import { requireStaff } from "@/lib/staff/current-staff";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  return { title: messages(await pageLocale(params)).backoffice.queue };
}

type Search = Record<string, string | string[] | undefined>;

export default async function QueuePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Search>;
}) {
  const locale = await pageLocale(params);
  const viewer = await requireStaff(locale);
  const t = messages(locale);
  const b = t.backoffice;
  if (!can(viewer.role, "requests.read")) return <AccessDenied text={b.denied} />;

  const raw = caseListParams(await searchParams);
  const parsed = ZCaseListQuery.safeParse(raw);
  const query = parsed.success ? parsed.data : ZCaseListQuery.parse({});
  const hideNames = (await searchParams).noms === "0";
  let page: Awaited<ReturnType<typeof listCases>> = { items: [], nextCursor: null };
  let problem: string | null = parsed.success ? null : t.backoffice.empty;
  try {
    page = await listCases(db(), query, { staffId: viewer.id });
  } catch (error) {
    const appError = toAppError(error);
    if (!appError) throw error;
    problem = appError.userMessage[locale];
  }
  // Requester names can be hidden from the list (e.g. on a shared screen): "noms=0".
  const linkWith = (changes: Record<string, string | undefined>, hide = hideNames) => {
    const next = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...raw, ...changes })) if (value) next.set(key, value);
    if (hide) next.set("noms", "0");
    return `/${locale}/dpo?${next.toString()}`;
  };

  return (
    <main>
      <h1>{b.queue}</h1>
      <form
        method="get"
        action={`/${locale}/dpo/registre-export`}
        className="card"
        aria-labelledby="register-title"
        style={{ marginBottom: 16 }}
      >
        <h2 id="register-title">{b.register}</h2>
        <div className="grid">
          <div>
            <label htmlFor="from">{b.registerFrom}</label>
            <input id="from" name="from" type="date" required />
          </div>
          <div>
            <label htmlFor="to">{b.registerTo}</label>
            <input id="to" name="to" type="date" required />
          </div>
        </div>
        <div className="actions">
          <button className="button secondary" type="submit">
            {b.registerExport}
          </button>
        </div>
      </form>
      <form method="get" className="card" aria-labelledby="filters-title">
        <h2 id="filters-title">{b.filters}</h2>
        <div className="grid">
          <SelectField
            id="status"
            label={b.status}
            value={raw.status ?? "open"}
            options={[
              { value: "open", label: b.open },
              { value: "all", label: b.all },
              ...CASE_LIST_STATUSES.filter((s) => s !== "open" && s !== "all").map((s) => ({
                value: s,
                label: t.cases.statuses[s],
              })),
            ]}
          />
          <SelectField
            id="right"
            label={b.right}
            value={raw.right ?? ""}
            options={[
              { value: "", label: b.any },
              ...RIGHTS.map((r) => ({ value: r, label: RIGHT_DEFINITIONS[r].title[locale] })),
            ]}
          />
          <SelectField
            id="channel"
            label={b.channel}
            value={raw.channel ?? ""}
            options={[{ value: "", label: b.any }, ...CHANNELS.map((c) => ({ value: c, label: c }))]}
          />
          <SelectField
            id="assignee"
            label={b.assignee}
            value={raw.assignee ?? ""}
            options={[
              { value: "", label: b.any },
              { value: "me", label: b.me },
              { value: "none", label: b.nobody },
            ]}
          />
          <div>
            <label htmlFor="dueWithin">{b.dueWithin}</label>
            <input id="dueWithin" name="dueWithin" type="number" min={0} max={365} defaultValue={raw.dueWithin ?? ""} />
          </div>
          <div>
            <label htmlFor="q">{b.search}</label>
            <input id="q" name="q" type="search" defaultValue={raw.q ?? ""} />
          </div>
          <SelectField
            id="sort"
            label={b.sort}
            value={raw.sort ?? "due"}
            options={[
              { value: "due", label: b.sortDue },
              { value: "received", label: b.sortReceived },
              { value: "reference", label: b.sortReference },
            ]}
          />
          <label className="choice">
            <input type="checkbox" name="overdue" value="1" defaultChecked={raw.overdue === "1"} />{" "}
            <span>{b.overdue}</span>
          </label>
          <label className="choice">
            <input type="checkbox" name="escalated" value="1" defaultChecked={raw.escalated === "1"} />{" "}
            <span>{b.escalated}</span>
          </label>
          <label className="choice">
            <input type="checkbox" name="clarify" value="1" defaultChecked={raw.clarify === "1"} />{" "}
            <span>{b.clarify}</span>
          </label>
        </div>
        {hideNames ? <input type="hidden" name="noms" value="0" /> : null}
        <div className="actions">
          <button className="button" type="submit">
            {b.apply}
          </button>
          <Link href={linkWith({ cursor: undefined }, !hideNames)}>{hideNames ? b.showNames : b.hideNames}</Link>
        </div>
      </form>

      {problem ? (
        <p className="notice warn" role="alert">
          {problem}
        </p>
      ) : null}
      {page.items.length === 0 ? (
        <p>{b.empty}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{b.queue}</caption>
            <thead>
              <tr>
                <th scope="col">{b.reference}</th>
                <th scope="col">{b.right}</th>
                <th scope="col">{b.requester}</th>
                <th scope="col">{b.status}</th>
                <th scope="col">{b.parts}</th>
                <th scope="col">{b.due}</th>
                <th scope="col">{b.daysLeft}</th>
                <th scope="col">{b.assignee}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((c) => (
                <tr key={c.reference}>
                  <td>
                    <Link href={`/${locale}/dpo/demandes/${c.reference}`}>{c.reference}</Link>
                  </td>
                  <td>{RIGHT_DEFINITIONS[c.right].title[locale]}</td>
                  <td>{hideNames ? "•••" : `${c.requesterName} (${c.subjectRelation})`}</td>
                  <td>
                    {t.cases.statuses[c.status]}
                    {c.paused ? (
                      <>
                        {" "}
                        <span className="tag">{b.pausedTag}</span>
                      </>
                    ) : null}
                    {c.extended ? (
                      <>
                        {" "}
                        <span className="tag">{b.extendedTag}</span>
                      </>
                    ) : null}
                    {c.needsClarification ? (
                      <>
                        {" "}
                        <span className="tag">{b.clarifyTag}</span>
                      </>
                    ) : null}
                  </td>
                  <td>
                    {c.parts.map((p, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: the case's parts in their stored order, never reordered
                      <span key={`${p.handler}-${i}`}>
                        {i > 0 ? ", " : ""}
                        {p.healthActorName ?? t.cases.platform}
                        {p.escalated ? (
                          <>
                            {" "}
                            <span className="tag">{b.escalatedTag}</span>
                          </>
                        ) : null}
                      </span>
                    ))}
                  </td>
                  <td>{formatDay(c.dueDate, locale)}</td>
                  <td>{c.daysLeft < 0 ? <strong>{`${c.daysLeft} · ${b.overdueTag}`}</strong> : c.daysLeft}</td>
                  <td>{c.assignee?.name ?? b.unassigned}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="actions">
        {raw.cursor ? <Link href={linkWith({ cursor: undefined })}>{b.firstPage}</Link> : null}
        {page.nextCursor ? <Link href={linkWith({ cursor: page.nextCursor })}>{b.nextPage}</Link> : null}
      </div>
    </main>
  );
}
