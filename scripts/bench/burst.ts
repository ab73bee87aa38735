/**
 * npm run bench:burst [-- --requests 60 --skip-build]
 * The demo's set-up (the PostgreSQL server npm installs, one web server, one worker, a pool of 5
 * connections) answering a burst of API submissions sent all at once: how fast each is answered,
 * and how long until every acknowledgement is in the mail catcher, each once.
 */
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { createApiToken } from "@/lib/auth/api-token";
import { createDb } from "@/lib/db";
import { seedDemo } from "@/prisma/seed/demo";
import { letterRequestBody, percentile } from "../lib/load";
import { waitForMail } from "../lib/mailbox";
import { startLocalStack } from "../lib/stack";

const { values } = parseArgs({
  options: { requests: { type: "string", default: "60" }, "skip-build": { type: "boolean", default: false } },
});
const REQUESTS = Number(values.requests);

async function burst(url: string, token: string, label: string, count: number) {
  const emails = Array.from({ length: count }, (_, i) => `burst-${label}-${i}@exemple.fr`);
  const startedAt = Date.now();
  const answers = await Promise.all(
    emails.map(async (email, i) => {
      const t0 = performance.now();
      const response = await fetch(`${url}/api/v1/requests`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: letterRequestBody(email, `Rafale ${i}`),
      });
      await response.arrayBuffer();
      return { status: response.status, ms: performance.now() - t0 };
    }),
  );
  return { emails, answers, startedAt };
}

async function main() {
  const stack = await startLocalStack({ durable: true, prefer: "npm" });
  try {
    const db = createDb(stack.env.DATABASE_URL!, 2);
    await seedDemo(db);
    const staff = await db.staffUser.create({
      data: { email: `burst-${randomUUID()}@exemple.fr`, name: "Rafale", role: "dpo_agent" },
    });
    const { token } = await createApiToken(db, staff.id, "burst", { scopes: ["requests.create"] });
    await db.$disconnect();
    if (!values["skip-build"]) await stack.build();
    const app = await stack.startApp({ workers: 1, webInstances: 1, extraEnv: { DATABASE_POOL_SIZE: "5" } });
    const url = app.urls[0]!;
    const run = randomUUID().slice(0, 8);

    console.log(
      `PostgreSQL: ${stack.postgres.binaries.dir} (${stack.postgres.binaries.source}); one web server, one worker, pool of 5`,
    );
    const warm = await burst(url, token, `${run}-warm`, 5);
    await waitForMail(stack.env.MAILDEV_URL!, warm.emails, 60_000);

    const { emails, answers, startedAt } = await burst(url, token, run, REQUESTS);
    const mail = await waitForMail(stack.env.MAILDEV_URL!, emails, 5 * 60_000);
    const ms = answers.map((a) => a.ms).sort((a, b) => a - b);
    const created = answers.filter((a) => a.status === 201).length;
    const lastAck = mail.lastAt ? (mail.lastAt - startedAt) / 1000 : NaN;
    console.log(`\n${REQUESTS} API submissions sent at once`);
    console.log(
      `  answered 201                      ${created} of ${REQUESTS}${
        created < REQUESTS
          ? ` (others: ${answers
              .filter((a) => a.status !== 201)
              .map((a) => a.status)
              .join(", ")})`
          : ""
      }`,
    );
    console.log(
      `  answer time                       p50 ${percentile(ms, 50).toFixed(0)} ms, p95 ${percentile(ms, 95).toFixed(0)} ms, max ${ms.at(-1)!.toFixed(0)} ms`,
    );
    console.log(
      `  acknowledgements delivered        ${mail.delivered} of ${created} (${mail.missing.length} missing, ${mail.repeated} repeated)`,
    );
    console.log(
      `  last acknowledgement after        ${lastAck.toFixed(1)} s (to the second) from the burst's start: ${lastAck <= 60 ? "within" : "NOT within"} a minute`,
    );
  } finally {
    await stack.stop();
  }
}

await main();
process.exit(0);
