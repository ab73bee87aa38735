import pg from "pg";
import { createDb, type Db } from "@/lib/db";
import { ensureRegistryVersion } from "@/lib/registry";
import { seedDemo } from "@/prisma/seed/demo";
import { type LocalStack, startLocalStack } from "../lib/stack";

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Runs `work`, with its duration and the process's peak resident memory, sampled every 10 ms. */
export async function measure<T>(
  work: () => Promise<T>,
): Promise<{ result: T; ms: number; peakRss: number; baseRss: number }> {
  global.gc?.();
  const baseRss = process.memoryUsage().rss;
  let peakRss = baseRss;
  const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 10);
  const t0 = performance.now();
  try {
    const result = await work();
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    return { result, ms: performance.now() - t0, peakRss, baseRss };
  } finally {
    clearInterval(timer);
  }
}

/** "<what>: 622 ms, 0.7 MB, peak memory 261.2 MB (34.0 MB above the 227.2 MB before)". */
export function report(what: string, m: { ms: number; peakRss: number; baseRss: number }, bytes: number): string {
  return `${what}: ${m.ms.toFixed(0)} ms, ${mb(bytes)}, peak memory ${mb(m.peakRss)} (${mb(m.peakRss - m.baseRss)} above the ${mb(m.baseRss)} before)`;
}

export interface BenchContext {
  stack: LocalStack;
  db: Db;
  /** A plain pg client, for generating data in bulk. */
  client: pg.Client;
  /** The demo's health actors' ids. */
  actors: string[];
}

/** A benchmark on the real parts: a throwaway PostgreSQL with the demo data, an SMTP catcher, storage. */
export async function runBench(bench: (ctx: BenchContext) => Promise<void>, poolSize = 4): Promise<never> {
  const stack = await startLocalStack();
  const db = createDb(stack.env.DATABASE_URL!, poolSize);
  const client = new pg.Client({ connectionString: stack.env.DATABASE_URL });
  await client.connect();
  try {
    await seedDemo(db);
    await ensureRegistryVersion(db);
    const actors = (await db.healthActor.findMany({ select: { id: true }, orderBy: { name: "asc" } })).map((a) => a.id);
    await bench({ stack, db, client, actors });
  } finally {
    await client.end();
    await db.$disconnect();
    await stack.stop();
  }
  process.exit(0);
}

/** A patient's long history in bulk: appointments an hour apart, documents a day apart, over the given actors. */
export async function addHistory(
  client: pg.Client,
  patientId: string,
  actors: string[],
  counts: { appointments: number; documents: number },
): Promise<void> {
  await client.query(
    `INSERT INTO "Appointment" ("id", "patientId", "healthActorId", "startsAt", "status", "mode", "motive", "createdAt", "updatedAt")
     SELECT gen_random_uuid(), $1, ($2::uuid[])[1 + i % array_length($2::uuid[], 1)], timestamp '2008-01-01' + (i || ' hours')::interval, 'done',
       CASE WHEN i % 9 = 0 THEN 'video' ELSE 'in_person' END::"AppointmentMode", 'Consultation n° ' || i, now(), now()
     FROM generate_series(1, $3::int) AS i`,
    [patientId, actors, counts.appointments],
  );
  await client.query(
    `INSERT INTO "Document" ("id", "patientId", "healthActorId", "title", "kind", "sharedBy", "createdAt", "updatedAt")
     SELECT gen_random_uuid(), $1, ($2::uuid[])[1 + i % array_length($2::uuid[], 1)], 'Compte rendu n° ' || i, 'report', 'health_actor',
       timestamp '2008-01-01' + (i || ' days')::interval, now()
     FROM generate_series(1, $3::int) AS i`,
    [patientId, actors, counts.documents],
  );
  await client.query('ANALYZE "Appointment"; ANALYZE "Document";');
}
