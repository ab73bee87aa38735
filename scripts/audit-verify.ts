// npm run audit:verify: checks the hash chain of every case's audit trail; exits 1 on a broken link.
import { createDb } from "@/lib/db";
import { verifyTrails } from "@/lib/case-file/verify-trails";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set.");
  process.exit(2);
}
const db = createDb(url, 2);
const report = await verifyTrails(db);
await db.$disconnect();
console.log(`${report.cases} cases, ${report.events} events in intact chains.`);
for (const b of report.broken) console.log(`BROKEN ${b.reference}: event ${b.eventId} (${b.reason})`);
process.exit(report.broken.length ? 1 : 0);
