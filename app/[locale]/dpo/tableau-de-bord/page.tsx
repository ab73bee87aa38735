import { RIGHT_DEFINITIONS } from "@/lib/rights";
import type { Metadata } from "next";
import { AccessDenied } from "@/components/access-denied";
import { can } from "@/lib/auth/permissions";
import { dashboard } from "@/lib/backoffice/dashboard";
import { db } from "@/lib/db";
import { messages } from "@/lib/i18n/messages";
import { pageLocale } from "@/lib/i18n/page-locale";
import { RIGHTS, type RightKey } from "@/lib/rights/rights";
import { requireStaff } from "@/lib/staff/current-staff";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  return { title: messages(await pageLocale(params)).backoffice.dashboard };
}

const COLORS = ["#0b4f9c", "#1b6e32", "#a4161a", "#6b3fa0", "#8a5a00", "#00707a", "#4a4f55", "#b0306a"];

/** The figures, each chart doubled by a table (the accessible reading of it). */
export default async function DashboardPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await pageLocale(params);
  const viewer = await requireStaff(locale);
  const t = messages(locale);
  const b = t.backoffice;
  if (!can(viewer.role, "requests.read")) return <AccessDenied text={b.denied} />;
  const d = await dashboard(db());
  const months = [...new Set(d.perMonth.map((r) => r.month))];
  const totals = months.map((m) => d.perMonth.filter((r) => r.month === m).reduce((s, r) => s + r.count, 0));
  const max = Math.max(1, ...totals);
  const onTime = d.answered ? Math.round((100 * d.answeredOnTime) / d.answered) : null;
  return (
    <main>
      <h1>{b.dashboard}</h1>
      <p className="lead">{b.dashboardIntro}</p>
      <ul className="grid">
        <li className="card">
          <strong>{b.onTime}</strong>
          <p style={{ fontSize: "2rem", margin: 0 }}>{onTime === null ? "—" : `${onTime} %`}</p>
          <span className="hint">
            {d.answeredOnTime} / {d.answered}
          </span>
        </li>
        <li className="card">
          <strong>{b.medianDays}</strong>
          <p style={{ fontSize: "2rem", margin: 0 }}>{d.medianDaysToAnswer ?? "—"}</p>
        </li>
        <li className="card">
          <strong>{b.overdueNow}</strong>
          <p style={{ fontSize: "2rem", margin: 0 }}>{d.overdueNow}</p>
        </li>
        <li className="card">
          <strong>{b.extensions}</strong>
          <p style={{ fontSize: "2rem", margin: 0 }}>{d.extensions}</p>
        </li>
      </ul>

      <h2>{b.perMonth}</h2>
      <svg
        viewBox={`0 0 ${Math.max(1, months.length) * 40} 160`}
        width="100%"
        height="180"
        aria-hidden="true"
        focusable="false"
      >
        {months.map((m, i) => {
          let y = 150;
          return RIGHTS.map((right, k) => {
            const count = d.perMonth.find((r) => r.month === m && r.right === right)?.count ?? 0;
            const h = (count / max) * 140;
            y -= h;
            return <rect key={`${m}-${right}`} x={i * 40 + 6} y={y} width={28} height={h} fill={COLORS[k]} />;
          });
        })}
      </svg>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{b.perMonth}</caption>
          <thead>
            <tr>
              <th scope="col">{b.month}</th>
              {RIGHTS.map((r, k) => (
                <th key={r} scope="col">
                  <span aria-hidden="true" style={{ color: COLORS[k] }}>
                    ■{" "}
                  </span>
                  {RIGHT_DEFINITIONS[r].title[locale]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr key={m}>
                <th scope="row">{m}</th>
                {RIGHTS.map((r: RightKey) => (
                  <td key={r}>{d.perMonth.find((x) => x.month === m && x.right === r)?.count ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{b.refusals}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{b.ground}</th>
            <th scope="col">{b.count}</th>
          </tr>
        </thead>
        <tbody>
          {d.refusalsByGround.map((r) => (
            <tr key={r.ground}>
              <td>{r.ground}</td>
              <td>{r.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
