import { exportKeys } from "@/lib/rights/access/data-export";
import type { Db } from "@/lib/db";
import { addMonthsClamped, parisDay, parisMidnight } from "@/lib/deadlines";
import type { FileStorage } from "@/lib/storage";

/** Case files are kept five years from the request (seed 001, section 5), then deleted. */
export function retentionYears(): number {
  return Number(process.env.CASE_RETENTION_YEARS ?? 5);
}

/** Cases received before this instant (midnight, Paris, N years before today) have expired. */
export function retentionCutoff(now: Date, years = retentionYears()): Date {
  return parisMidnight(addMonthsClamped(parisDay(now), -12 * years));
}

export interface PurgeReport {
  cutoff: Date;
  deleted: number;
  /** With dryRun: the references that would be deleted (the first `listLimit`), and how many in all. */
  wouldDelete: string[];
  expired: number;
  onHold: number;
}

/**
 * Deletes the case files whose retention has ended, in batches so the queue is never blocked for
 * long: the case, its parts, events, proofs, letters and outgoing e-mails go, and their files in
 * storage; a deletion record without personal data stays. A legal hold suspends it. A dry run lists.
 */
export async function purgeExpiredCases(
  db: Db,
  storage: FileStorage,
  options: { now?: Date; batch?: number; dryRun?: boolean; listLimit?: number } = {},
): Promise<PurgeReport> {
  const cutoff = retentionCutoff(options.now ?? new Date());
  const expiredWhere = { receivedAt: { lt: cutoff } };
  const [expired, onHold] = await Promise.all([
    db.rightsRequest.count({ where: { ...expiredWhere, legalHoldReason: null } }),
    db.rightsRequest.count({ where: { ...expiredWhere, NOT: { legalHoldReason: null } } }),
  ]);
  const report: PurgeReport = { cutoff, deleted: 0, wouldDelete: [], expired, onHold };
  if (options.dryRun) {
    const rows = await db.rightsRequest.findMany({
      where: { ...expiredWhere, legalHoldReason: null },
      select: { reference: true },
      orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
      take: options.listLimit ?? 100,
    });
    report.wouldDelete = rows.map((r) => r.reference);
    return report;
  }

  for (;;) {
    const batch = await db.rightsRequest.findMany({
      where: { ...expiredWhere, legalHoldReason: null },
      select: { id: true },
      orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
      take: options.batch ?? 500,
    });
    if (batch.length === 0) return report;
    const ids = batch.map((b) => b.id);
    const files = await db.$transaction(async (tx) => {
      const [proofs, letters, copies] = await Promise.all([
        tx.identityProof.findMany({
          where: { requestId: { in: ids }, storageKey: { not: null } },
          select: { storageKey: true },
        }),
        tx.caseLetter.findMany({ where: { requestId: { in: ids } }, select: { storageKey: true } }),
        tx.dataExport.findMany({
          where: { requestId: { in: ids }, deletedAt: null },
          select: { zipKey: true, pdfKey: true },
        }),
      ]);
      await tx.$executeRaw`
        INSERT INTO "DeletionRecord" ("reference", "right", "channel", "receivedOn", "dueOn", "status", "extended", "outcomes")
        SELECT r."reference", r."right", r."channel", (r."receivedAt" AT TIME ZONE 'Europe/Paris')::date, r."dueDate", r."status", r."extended",
          COALESCE((SELECT jsonb_agg(jsonb_build_object('handler', p."handler", 'status', p."status", 'outcome', p."outcome") ORDER BY p."handler")
                    FROM "RequestPart" p WHERE p."requestId" = r."id"), '[]'::jsonb)
        FROM "RightsRequest" r WHERE r."id" = ANY(${ids}::uuid[])
        ON CONFLICT ("reference") DO NOTHING`;
      await tx.outboxEmail.deleteMany({ where: { requestId: { in: ids } } });
      // Parts, events, proofs, letters, messages and copies go with their case (ON DELETE CASCADE).
      await tx.rightsRequest.deleteMany({ where: { id: { in: ids } } });
      return [...[...proofs, ...letters].map((f) => f.storageKey!), ...exportKeys(copies)];
    });
    for (const key of files) await storage.delete(key);
    report.deleted += ids.length;
  }
}
