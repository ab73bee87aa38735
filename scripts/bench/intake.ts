/**
 * npm run bench:intake [-- --concurrency 20 --requests 3000 --embedded]
 * Throughput and latency of POST /api/v1/requests against a production build on a real PostgreSQL,
 * compared with a baseline route on the same server doing one plain INSERT of the same body, the two
 * taking turns in rounds.
 */
import { parseArgs } from "node:util";
import { createApiToken } from "@/lib/auth/api-token";
import { createDb } from "@/lib/db";
import { DEMO_PATIENTS, seedDemo } from "@/prisma/seed/demo";
import { startLocalStack } from "../lib/stack";
import { percentile } from "../lib/load";

const { values } = parseArgs({
  options: {
    concurrency: { type: "string", default: "20" },
    requests: { type: "string", default: "3000" },
    "skip-build": { type: "boolean", default: false },
    // The PostgreSQL server npm installs (the demo's) instead of the machine's own.
    embedded: { type: "boolean", default: false },
  },
});
const CONCURRENCY = Number(values.concurrency);
const REQUESTS = Number(values.requests);
const ROUNDS = 3;

interface Result {
  label: string;
  count: number;
  errors: number;
  seconds: number;
  latencies: number[];
}

async function load(
  label: string,
  url: string,
  headers: Record<string, string>,
  body: (i: number) => string,
  total: number,
  concurrency: number,
): Promise<Result> {
  let next = 0;
  let errors = 0;
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        const response = await fetch(url, { method: "POST", headers, body: body(i) });
        await response.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (response.status !== 201) errors++;
      }
    }),
  );
  return {
    label,
    count: total,
    errors,
    seconds: (performance.now() - started) / 1000,
    latencies: latencies.sort((a, b) => a - b),
  };
}

/** The rounds of one route as one run: their requests, errors, time and latencies together. */
function merge(results: Result[]): Result {
  return {
    label: results[0]!.label,
    count: results.reduce((n, r) => n + r.count, 0),
    errors: results.reduce((n, r) => n + r.errors, 0),
    seconds: results.reduce((n, r) => n + r.seconds, 0),
    latencies: results.flatMap((r) => r.latencies).sort((a, b) => a - b),
  };
}

function print(r: Result) {
  const l = r.latencies;
  console.log(
    `${r.label.padEnd(28)} ${String(r.count).padStart(6)} req  ${(r.count / r.seconds).toFixed(1).padStart(8)} req/s  ` +
      `p50 ${percentile(l, 50).toFixed(1).padStart(6)} ms  p95 ${percentile(l, 95).toFixed(1).padStart(6)} ms  p99 ${percentile(l, 99).toFixed(1).padStart(6)} ms  errors ${r.errors}`,
  );
}

async function main() {
  const stack = await startLocalStack(values.embedded ? { prefer: "npm", durable: true } : {});
  console.log(`PostgreSQL: ${stack.postgres.binaries.dir} (${stack.postgres.binaries.source})`);
  try {
    const db = createDb(stack.env.DATABASE_URL!, 2);
    await seedDemo(db);
    await db.$executeRawUnsafe(
      "CREATE TABLE bench_baseline (id bigserial PRIMARY KEY, body jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())",
    );
    const staff = await db.staffUser.create({ data: { email: "bench@exemple.fr", name: "Bench", role: "dpo_agent" } });
    const { token } = await createApiToken(db, staff.id, "bench");
    await db.$disconnect();

    if (!values["skip-build"]) await stack.build();
    // The worker is not started: the benchmark measures the intake alone.
    await stack.startApp({ workers: 0, extraEnv: { BENCH_BASELINE: "1", API_RATE_LIMIT_PER_MINUTE: "100000000" } });
    const env = stack.env;

    const camille = DEMO_PATIENTS.camille;
    const body = (i: number) =>
      JSON.stringify({
        right: i % 3 === 0 ? "erasure" : "access",
        channel: "post",
        receivedAt: new Date(Date.now() - 3600_000).toISOString(),
        requester: { firstName: "Bench", lastName: `Client ${i}`, email: `bench-${i}@exemple.fr` },
        // Half the requests are about a known patient with several health actors, half about unknown people.
        subject:
          i % 2 === 0
            ? {
                relation: "self",
                firstName: camille.firstName,
                lastName: camille.lastName,
                birthDate: camille.birthDate,
              }
            : { relation: "self", firstName: "Inconnu", lastName: `Numéro ${i}`, birthDate: "1990-01-01" },
        scope: {},
      });
    const api = `${env.APP_URL}/api/v1/requests`;
    const baseline = `${env.APP_URL}/api/bench/baseline`;
    const headers = { "content-type": "application/json", authorization: `Bearer ${token}` };

    console.log(`Warming up...`);
    await load("warm-up", api, headers, body, 200, 4);
    await load("warm-up", baseline, headers, body, 200, 4);

    console.log(
      `\n${REQUESTS} requests per route, ${CONCURRENCY} concurrent clients, body ~${body(0).length} bytes, in ${ROUNDS} alternating rounds`,
    );
    // The routes take turns, so that a slower or faster spell of the machine weighs on both alike.
    const rounds: { base: Result; intake: Result }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const share = Math.ceil(REQUESTS / ROUNDS);
      rounds.push({
        base: await load("baseline (one INSERT)", baseline, headers, body, share, CONCURRENCY),
        intake: await load("POST /api/v1/requests", api, headers, body, share, CONCURRENCY),
      });
    }
    const base = merge(rounds.map((r) => r.base));
    const intake = merge(rounds.map((r) => r.intake));
    print(base);
    print(intake);
    console.log(
      `ratio (intake / baseline throughput): ${(intake.count / intake.seconds / (base.count / base.seconds)).toFixed(2)}`,
    );
    const single = await load("POST /api/v1/requests x1", api, headers, body, 300, 1);
    print(single);
  } finally {
    await stack.stop();
  }
}

await main();
process.exit(0);
