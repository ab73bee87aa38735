import type { Db } from "@/lib/db";
import { type StoredEvent, verifyChain } from "./chain";

export interface TrailReport {
  cases: number;
  events: number;
  broken: { reference: string; eventId: string; reason: string }[];
}

/** Verifies every case's audit chain, in batches of cases (keyset on id), and lists the broken links. */
export async function verifyTrails(db: Db, options: { batch?: number; maxBroken?: number } = {}): Promise<TrailReport> {
  const batch = options.batch ?? 500;
  const report: TrailReport = { cases: 0, events: 0, broken: [] };
  let after: string | undefined;
  for (;;) {
    const cases = await db.rightsRequest.findMany({
      where: after ? { id: { gt: after } } : {},
      select: { id: true, reference: true },
      orderBy: { id: "asc" },
      take: batch,
    });
    if (cases.length === 0) return report;
    after = cases.at(-1)!.id;
    const events = await db.requestEvent.findMany({
      where: { requestId: { in: cases.map((c) => c.id) } },
      orderBy: [{ requestId: "asc" }, { id: "asc" }],
    });
    const byCase = new Map<string, StoredEvent[]>();
    for (const e of events) byCase.set(e.requestId, [...(byCase.get(e.requestId) ?? []), e]);
    for (const c of cases) {
      const check = verifyChain(byCase.get(c.id) ?? []);
      report.cases += 1;
      if (check.ok) report.events += check.events;
      else if (report.broken.length < (options.maxBroken ?? 100))
        report.broken.push({ reference: c.reference, eventId: check.eventId, reason: check.reason });
    }
  }
}
