import { beforeAll, describe, expect, it } from "vitest";
import { setLegalHold } from "@/lib/cases/legal-hold";
import { db } from "@/lib/db";
import { purgeExpiredCases, retentionCutoff } from "@/lib/retention/purge-expired-cases";
import { getStorage } from "@/lib/storage";
import { fileParentCase } from "@/prisma/seed/cases";
import { demoData, minimalPdf, staffToken } from "./support";

beforeAll(async () => {
  await demoData();
});

describe("case files are deleted five years after the request", () => {
  it("the cutoff is midnight in Paris, five years before today", () => {
    expect(retentionCutoff(new Date("2031-06-15T10:00:00Z"), 5).toISOString()).toBe("2026-06-14T22:00:00.000Z");
  });

  it("deletes exactly the expired cases not on hold, with their files; keeps a deletion record; a dry run only lists", async () => {
    const { staffId } = await staffToken({ role: "dpo_admin" });
    const expired = await fileParentCase(db(), getStorage(), minimalPdf("ANCIEN"));
    const held = await fileParentCase(db(), getStorage(), minimalPdf("GELE"));
    const recent = await fileParentCase(db(), getStorage(), minimalPdf("RECENT"));
    const longAgo = new Date(Date.now() - (5 * 366 + 10) * 24 * 3600_000);
    await db().rightsRequest.updateMany({
      where: { id: { in: [expired.id, held.id] } },
      data: { receivedAt: longAgo },
    });
    await setLegalHold(db(), held.reference, "Contentieux prud'homal en cours", {
      type: "staff",
      staffId,
      actorId: staffId,
    });
    const expiredProof = await db().identityProof.findFirstOrThrow({ where: { requestId: expired.id } });

    const dry = await purgeExpiredCases(db(), getStorage(), { dryRun: true, listLimit: 10_000 });
    expect(dry.wouldDelete).toContain(expired.reference);
    expect(dry.wouldDelete).not.toContain(held.reference);
    expect(dry.wouldDelete).not.toContain(recent.reference);
    expect(dry.deleted).toBe(0);
    expect(await db().rightsRequest.count({ where: { id: expired.id } })).toBe(1);

    const report = await purgeExpiredCases(db(), getStorage(), { batch: 2 });
    expect(report.deleted).toBeGreaterThanOrEqual(1);
    expect(await db().rightsRequest.count({ where: { id: expired.id } })).toBe(0);
    expect(await db().requestPart.count({ where: { requestId: expired.id } })).toBe(0);
    expect(await db().requestEvent.count({ where: { requestId: expired.id } })).toBe(0);
    expect(await db().outboxEmail.count({ where: { requestId: expired.id } })).toBe(0);
    expect(await getStorage().exists(expiredProof.storageKey!)).toBe(false);
    expect(await db().rightsRequest.count({ where: { id: { in: [held.id, recent.id] } } })).toBe(2);

    const record = await db().deletionRecord.findUniqueOrThrow({ where: { reference: expired.reference } });
    expect(record).toMatchObject({ right: "access", channel: "web", extended: false });
    // No personal data in what remains.
    expect(JSON.stringify(record, (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toMatch(
      /Camille|Martin|Léo|exemple\.fr/,
    );
  });
});

describe("the register of requests", () => {
  it("exports the facts of each case of the range as CSV, without personal data", async () => {
    const { registerCsv } = await import("@/lib/backoffice/register-export");
    const { parisDay } = await import("@/lib/deadlines");
    const request = await fileParentCase(db(), getStorage(), minimalPdf("REGISTRE"));
    const today = parisDay(new Date());
    const bytes = new Uint8Array(await new Response(registerCsv(db(), today, today, 3)).arrayBuffer());
    // A byte-order mark, so spreadsheets read the UTF-8 as such.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    const lines = csv.trim().split("\n");
    expect(lines[0]).toBe(
      "reference,received_at,channel,right,subject_relation,identity,status,extended,paused_days,due_date,legal_hold,parts",
    );
    const line = lines.find((l) => l.startsWith(request.reference));
    expect(line).toContain(",web,access,minor,documents_submitted,awaiting_identity,false,0,");
    expect(csv).not.toMatch(/Camille|Léo|exemple\.fr|LIVRET/);
    // Every line of the day once, in order, across batches of three.
    const references = lines.slice(1).map((l) => l.split(",")[0]);
    expect(new Set(references).size).toBe(references.length);
    expect(await new Response(registerCsv(db(), "2001-01-01", "2001-01-31")).text()).toBe(`${lines[0]}\n`);
  });
});
