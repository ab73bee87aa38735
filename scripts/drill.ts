/**
 * npm run drill [-- crash smtp database] [--short] [--skip-build]
 *
 * Failure drills on a production build and a real PostgreSQL (the server the demo runs), with two
 * web instances and two workers on the same database, every process supervised:
 *   crash     concurrent API submissions with Idempotency-Keys while web instances and workers are
 *             killed (SIGKILL) several times; clients retry refused or cut calls with the same key;
 *   smtp      the mail catcher stopped while acknowledgements are queued, then started again;
 *   database  PostgreSQL killed mid-load and restarted by its supervisor.
 * Each part checks that every request answered 201 has its case, that no key has two cases and
 * that every acknowledgement reached the mail catcher (repeats counted by Message-ID). It prints
 * its figures and the drill exits non-zero on any loss. `--short` is the version `npm test` runs.
 */
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import pg from "pg";
import { createApiToken } from "@/lib/auth/api-token";
import { createDb } from "@/lib/db";
import { SEND_LEASE_SECONDS } from "@/lib/email/transport";
import { seedDemo } from "@/prisma/seed/demo";
import { letterRequestBody } from "./lib/load";
import { waitForMail } from "./lib/mailbox";
import { type LocalStack, type RunningApp, startLocalStack } from "./lib/stack";
import { stopOnSignals, type Supervised } from "./lib/supervisor";

const PARTS = ["crash", "smtp", "database"] as const;
type Part = (typeof PARTS)[number];

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { short: { type: "boolean", default: false }, "skip-build": { type: "boolean", default: false } },
});
const unknown = positionals.filter((p) => !PARTS.includes(p as Part));
if (unknown.length) {
  console.error(`Unknown part(s): ${unknown.join(", ")}. Parts: ${PARTS.join(", ")}.`);
  process.exit(2);
}
const parts: Part[] = positionals.length ? (positionals as Part[]) : [...PARTS];

const SETTINGS = values.short
  ? { crashRequests: 40, kills: 4, smtpRequests: 20, outageMs: 20_000, databaseLoadMs: 12_000 }
  : { crashRequests: 300, kills: 8, smtpRequests: 100, outageMs: 120_000, databaseLoadMs: 40_000 };
const CLIENTS = 6;
/** A client gives up on a request after this long (the app should be back well before). */
const GIVE_UP_MS = 90_000;
/**
 * How long the acknowledgements may take to arrive once the part's load is over: a mail whose
 * sender was killed mid-send is claimed again when its lease runs out, and handed to the queue
 * within the next claim round.
 */
const MAIL_WAIT_MS = (SEND_LEASE_SECONDS + 180) * 1000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

interface Submission {
  key: string;
  email: string;
  /** 201, another final status, or undefined when the client gave up. */
  status?: number;
  reference?: string;
  attempts: number;
  answeredAt?: number;
}

interface Context {
  stack: LocalStack;
  app: RunningApp;
  token: string;
  run: string;
}

/**
 * One request, sent until it is answered: a refused connection, a cut call or a 5xx is sent again
 * with the same Idempotency-Key and the same body, to the other instance, as a load balancer would.
 */
async function submit(ctx: Context, part: Part, i: number): Promise<Submission> {
  const sub: Submission = {
    key: `drill-${ctx.run}-${part}-${i}`,
    email: `drill-${ctx.run}-${part}-${i}@exemple.fr`,
    attempts: 0,
  };
  const body = letterRequestBody(sub.email, `Client ${i}`);
  const giveUp = Date.now() + GIVE_UP_MS;
  while (Date.now() < giveUp) {
    const base = ctx.app.urls[(i + sub.attempts) % ctx.app.urls.length]!;
    sub.attempts++;
    try {
      const response = await fetch(`${base}/api/v1/requests`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          authorization: `Bearer ${ctx.token}`,
          "idempotency-key": sub.key,
        },
        body,
        signal: AbortSignal.timeout(20_000),
      });
      const text = await response.text();
      if (response.status === 201) {
        sub.status = 201;
        sub.reference = (JSON.parse(text) as { reference: string }).reference;
        sub.answeredAt = Date.now();
        return sub;
      }
      if (response.status < 500 && response.status !== 429) {
        sub.status = response.status;
        console.error(`  ${sub.key}: answered ${response.status}: ${text.slice(0, 200)}`);
        return sub;
      }
    } catch {
      // Refused or cut: sent again below.
    }
    await sleep(Math.min(2000, 100 * 2 ** sub.attempts));
  }
  return sub;
}

/** Requests from CLIENTS concurrent clients, for as long as `more(sent so far)` says. */
async function load(ctx: Context, part: Part, more: (sent: number) => boolean): Promise<Submission[]> {
  const results: Submission[] = [];
  let sent = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (more(sent)) results.push(await submit(ctx, part, sent++));
    }),
  );
  return results;
}

interface Verdict {
  part: Part;
  figures: Record<string, string | number>;
  losses: string[];
}

/** What the database and the mail catcher hold for the answered submissions of a part. */
async function verify(
  ctx: Context,
  part: Part,
  subs: Submission[],
  figures: Record<string, string | number>,
  loadEndedAt: number,
): Promise<Verdict> {
  const answered = subs.filter((s) => s.status === 201);
  const unanswered = subs.filter((s) => s.status === undefined);
  const refused = subs.filter((s) => s.status !== undefined && s.status !== 201);
  const mail = await waitForMail(
    ctx.stack.env.MAILDEV_URL!,
    answered.map((s) => s.email),
    MAIL_WAIT_MS,
  );
  // A client of its own, after the load: the database part kills the server under the others.
  const client = new pg.Client({ connectionString: ctx.stack.env.DATABASE_URL });
  await client.connect();
  let rows: { key: string; cases: number }[];
  let stuck = "";
  try {
    ({ rows } = await client.query<{ key: string; cases: number }>(
      `SELECT "idempotencyKey" AS key, count(*)::int AS cases FROM "RightsRequest" WHERE "idempotencyKey" LIKE $1 GROUP BY 1`,
      [`api:%:drill-${ctx.run}-${part}-%`],
    ));
    if (mail.missing.length) {
      const outbox = await client.query<{ status: string; n: number }>(
        `SELECT status::text, count(*)::int AS n FROM "OutboxEmail" WHERE "to" = ANY($1) GROUP BY 1`,
        [mail.missing],
      );
      stuck = outbox.rows.map((r) => `${r.n} ${r.status}`).join(", ");
    }
  } finally {
    await client.end();
  }
  const cases = new Map(rows.map((r) => [r.key.replace(/^api:[^:]+:/, ""), r.cases]));
  const withoutCase = answered.filter((s) => !cases.has(s.key));
  const doubled = [...cases.values()].filter((n) => n > 1).length;
  const losses = [
    ...(withoutCase.length ? [`${withoutCase.length} requests answered 201 have no case`] : []),
    ...(doubled ? [`${doubled} idempotency keys have two cases or more`] : []),
    ...(unanswered.length ? [`${unanswered.length} requests never answered within ${seconds(GIVE_UP_MS)}`] : []),
    ...(refused.length ? [`${refused.length} requests refused with a 4xx`] : []),
    ...(mail.missing.length
      ? [`${mail.missing.length} acknowledgements never arrived (their outbox rows: ${stuck || "none"})`]
      : []),
  ];
  return {
    part,
    figures: {
      requests: subs.length,
      "answered 201": answered.length,
      "calls sent (with retries)": subs.reduce((n, s) => n + s.attempts, 0),
      cases: [...cases.values()].reduce((a, b) => a + b, 0),
      ...figures,
      "mails expected": answered.length,
      "mails delivered": mail.delivered,
      "mails repeated (same Message-ID)": mail.repeated,
      "last mail after the load ended": mail.lastAt ? seconds(Math.max(0, mail.lastAt - loadEndedAt)) : "-",
    },
    losses,
  };
}

/** SIGKILL to a service's process; resolves once its supervisor has it running and answering again. */
async function killAndWait(service: Supervised): Promise<void> {
  const pid = service.pid();
  if (!pid) return;
  process.kill(pid, "SIGKILL");
  while (service.pid() === pid) await sleep(20);
  await service.whenReady();
}

async function crash(ctx: Context): Promise<Verdict> {
  const targets: Supervised[] = ctx.app.web.flatMap((web, i) => [web, ctx.app.workers[i]!]).filter(Boolean);
  let done = false;
  let kills = 0;
  const killer = (async () => {
    for (let k = 0; k < SETTINGS.kills && !done; k++) {
      await sleep(1000 + Math.random() * 2000);
      const target = targets[k % targets.length]!;
      const pid = target.pid();
      if (!pid || done) continue;
      await killAndWait(target);
      kills++;
      console.log(`  killed ${target.name} (pid ${pid}), back after ${target.restarts()} restart(s) in all`);
    }
  })();
  const started = Date.now();
  // At least that many requests, and requests all along the kills.
  let killed = false;
  void killer.then(() => (killed = true));
  const subs = await load(ctx, "crash", (sent) => !killed || sent < SETTINGS.crashRequests);
  done = true;
  await killer;
  const ended = Date.now();
  const restarts = targets.map((t) => `${t.name} ${t.restarts()}`).join(", ");
  return verify(
    ctx,
    "crash",
    subs,
    { "processes killed": kills, restarts, "load lasted": seconds(ended - started) },
    ended,
  );
}

async function smtp(ctx: Context): Promise<Verdict> {
  const startMail = await ctx.stack.mailOutage();
  console.log(`  mail catcher stopped for ${seconds(SETTINGS.outageMs)}`);
  const stoppedAt = Date.now();
  const subs = await load(ctx, "smtp", (sent) => sent < SETTINGS.smtpRequests);
  await sleep(Math.max(0, SETTINGS.outageMs - (Date.now() - stoppedAt)));
  await startMail();
  const recoveredAt = Date.now();
  console.log("  mail catcher started again");
  return verify(ctx, "smtp", subs, { "outage lasted": seconds(recoveredAt - stoppedAt) }, recoveredAt);
}

async function database(ctx: Context): Promise<Verdict> {
  const service = ctx.stack.postgres.service;
  const start = Date.now();
  const end = start + SETTINGS.databaseLoadMs;
  let killedAt = 0;
  let back = 0;
  const killer = (async () => {
    await sleep(SETTINGS.databaseLoadMs / 3);
    killedAt = Date.now();
    console.log("  PostgreSQL killed (SIGKILL)");
    await killAndWait(service);
    back = Date.now();
  })();
  const subs = await load(ctx, "database", () => Date.now() < end);
  await killer;
  const firstAfter = subs
    .filter((s) => s.answeredAt && s.answeredAt > back)
    .reduce((min, s) => Math.min(min, s.answeredAt!), Infinity);
  return verify(
    ctx,
    "database",
    subs,
    {
      "PostgreSQL back after": seconds(back - killedAt),
      "first request answered 201 after the kill": Number.isFinite(firstAfter)
        ? seconds(firstAfter - killedAt)
        : "never",
    },
    Date.now(),
  );
}

async function main(): Promise<number> {
  const stack = await startLocalStack({ durable: true, prefer: "npm" });
  stopOnSignals(stack.stop);
  try {
    console.log(`PostgreSQL: ${stack.postgres.binaries.dir} (${stack.postgres.binaries.source})`);
    const db = createDb(stack.env.DATABASE_URL!, 2);
    await seedDemo(db);
    const staff = await db.staffUser.create({
      data: { email: `drill-${randomUUID()}@exemple.fr`, name: "Exercice", role: "dpo_agent" },
    });
    const { token } = await createApiToken(db, staff.id, "drill", { scopes: ["requests.create", "requests.read"] });
    await db.$disconnect();
    if (!values["skip-build"]) await stack.build();
    const app = await stack.startApp({
      webInstances: 2,
      workers: 2,
      extraEnv: { API_RATE_LIMIT_PER_MINUTE: "100000" },
    });
    const ctx: Context = { stack, app, token, run: randomUUID().slice(0, 8) };
    const verdicts: Verdict[] = [];
    for (const part of parts) {
      console.log(`\n== ${part}`);
      const verdict = await { crash, smtp, database }[part](ctx);
      verdicts.push(verdict);
      for (const [what, value] of Object.entries(verdict.figures)) console.log(`  ${what.padEnd(44)} ${value}`);
      console.log(verdict.losses.length ? `  LOSS: ${verdict.losses.join("; ")}` : "  nothing lost");
    }
    return verdicts.some((v) => v.losses.length) ? 1 : 0;
  } finally {
    await stack.stop();
  }
}

process.exitCode = await main();
process.exit();
