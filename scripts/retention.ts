// npm run retention [-- --dry-run]: deletes the case files whose retention has ended (the worker does it nightly).
import { createDb } from "@/lib/db";
import { purgeExpiredCases } from "@/lib/retention/purge-expired-cases";
import { getStorage } from "@/lib/storage";

const dryRun = process.argv.includes("--dry-run");
const db = createDb(process.env.DATABASE_URL ?? "", 2);
const report = await purgeExpiredCases(db, getStorage(), { dryRun });
await db.$disconnect();
console.log(
  `Received before ${report.cutoff.toISOString()}: ${report.expired} expired, ${report.onHold} on legal hold.`,
);
if (dryRun) console.log(`Would delete ${report.expired}:\n${report.wouldDelete.join("\n")}`);
else console.log(`Deleted ${report.deleted} case files.`);
