/**
 * Seeds the French demo dataset into DATABASE_URL (the tables must exist: apply the migrations
 * first). Idempotent: a second run creates nothing.
 *
 *   tsx prisma/seed/run.ts
 */
import { createDb } from "@/lib/db";
import { seedDemo } from "./demo";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set.");
  process.exit(1);
}
const db = createDb(url, 2);
try {
  const started = performance.now();
  const { created } = await seedDemo(db);
  const total = Object.values(created).reduce((a, b) => a + b, 0);
  const detail = Object.entries(created)
    .map(([table, n]) => `${table} ${n}`)
    .join(", ");
  const ms = Math.round(performance.now() - started);
  console.log(
    total === 0 ? `Demo data already present: nothing created (${ms} ms).` : `Demo data seeded in ${ms} ms: ${detail}.`,
  );
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
