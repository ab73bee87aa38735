import type { Db } from "@/lib/db";
import { parisDay } from "@/lib/deadlines";
import { TRANSITIONS } from "@/lib/case-file/state-machine";

export interface Dashboard {
  perMonth: { month: string; right: string; count: number }[];
  answered: number;
  answeredOnTime: number;
  medianDaysToAnswer: number | null;
  overdueNow: number;
  extensions: number;
  refusalsByGround: { ground: string; count: number }[];
}

/** The DPO's figures over the last twelve months, each from one aggregate query. */
export async function dashboard(db: Db, now = new Date()): Promise<Dashboard> {
  const since = new Date(now.getTime() - 365 * 24 * 3600_000);
  const today = parisDay(now);
  const open = [...TRANSITIONS.withdraw.from];
  const [perMonth, answers, overdueNow, extensions, refusals] = await Promise.all([
    db.$queryRaw<{ month: string; right: string; count: bigint }[]>`
      SELECT to_char(date_trunc('month', "receivedAt" AT TIME ZONE 'Europe/Paris'), 'YYYY-MM') AS month, "right"::text AS right, count(*) AS count
      FROM "RightsRequest" WHERE "receivedAt" >= ${since} GROUP BY 1, 2 ORDER BY 1, 2`,
    db.$queryRaw<{ answered: bigint; on_time: bigint; median_days: number | null }[]>`
      WITH done AS (
        SELECT r."dueDate", r."receivedAt", max(p."answeredAt") AS answered_at
        FROM "RightsRequest" r JOIN "RequestPart" p ON p."requestId" = r.id
        WHERE r."receivedAt" >= ${since} AND r.status IN ('answered', 'closed')
        GROUP BY r.id HAVING bool_and(p."answeredAt" IS NOT NULL)
      )
      SELECT count(*) AS answered,
        count(*) FILTER (WHERE (answered_at AT TIME ZONE 'Europe/Paris')::date <= "dueDate") AS on_time,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM answered_at - "receivedAt") / 86400) AS median_days
      FROM done`,
    db.rightsRequest.count({ where: { status: { in: open }, dueDate: { lt: new Date(`${today}T00:00:00Z`) } } }),
    db.rightsRequest.count({ where: { extended: true, receivedAt: { gte: since } } }),
    db.$queryRaw<{ ground: string; count: bigint }[]>`
      SELECT g AS ground, count(*) AS count FROM "RequestPart" p, unnest(p.grounds) AS g
      WHERE p."answeredAt" >= ${since} AND p.outcome IN ('refused', 'partly_granted') GROUP BY 1 ORDER BY 2 DESC`,
  ]);
  const a = answers[0];
  return {
    perMonth: perMonth.map((r) => ({ ...r, count: Number(r.count) })),
    answered: Number(a?.answered ?? 0),
    answeredOnTime: Number(a?.on_time ?? 0),
    medianDaysToAnswer:
      a?.median_days === null || a?.median_days === undefined ? null : Math.round(Number(a.median_days) * 10) / 10,
    overdueNow,
    extensions,
    refusalsByGround: refusals.map((r) => ({ ...r, count: Number(r.count) })),
  };
}
