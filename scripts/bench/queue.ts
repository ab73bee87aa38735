/**
 * npm run bench:queue [-- --cases 1000000 --runs 40]
 * The back office's queries on a large case base over five years, on real PostgreSQL: each timed
 * through the app's code (Prisma) and as the best hand-written SQL for the same result; then the
 * retention job deleting a year's worth of expired cases while the queue keeps being read.
 */
import { parseArgs } from "node:util";
import type pg from "pg";
import { caseFileSql, loadCaseFile } from "@/lib/backoffice/case-file";
import { caseListStatement, listCases } from "@/lib/backoffice/list-cases";
import { ZCaseListQuery } from "@/lib/backoffice/list-cases.schema";
import { purgeExpiredCases } from "@/lib/retention/purge-expired-cases";
import { LocalStorage } from "@/lib/storage";
import { parseKeyring } from "@/lib/storage/crypto";
import { runBench } from "./kit";
import { percentile } from "../lib/load";

const { values } = parseArgs({
  options: { cases: { type: "string", default: "1000000" }, runs: { type: "string", default: "200" } },
});
const CASES = Number(values.cases);
const RUNS = Number(values.runs);

/** Runs the variants in turn, `runs` times each (interleaved, so a busy moment weighs on all alike): sorted timings. */
async function timeTogether(runs: number, fns: (() => Promise<unknown>)[]): Promise<number[][]> {
  for (const fn of fns) await fn();
  const out: number[][] = fns.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [k, fn] of fns.entries()) {
      const t0 = performance.now();
      await fn();
      out[k]!.push(performance.now() - t0);
    }
  }
  return out.map((timings) => timings.sort((a, b) => a - b));
}

/** Cases spread over the last five years, 1 to 3 parts each, in batches of generate_series. */
async function generateCases(client: pg.Client, total: number, actorIds: string[], staffId: string) {
  const chunk = 100_000;
  const t0 = performance.now();
  for (let offset = 0; offset < total; offset += chunk) {
    const n = Math.min(chunk, total - offset);
    await client.query(
      `WITH g AS (
         SELECT i, now() - ((random() * 5 * 365 * 86400) || ' seconds')::interval AS received
         FROM generate_series($1::int, $1::int + $2::int - 1) AS i
       ), ins AS (
         INSERT INTO "RightsRequest" ("id", "reference", "right", "channel", "status", "receivedAt", "dueDate", "locale", "registryVersion",
           "identityStatus", "requesterFirstName", "requesterLastName", "requesterNameKey", "requesterEmail", "subjectRelation",
           "subjectFirstName", "subjectLastName", "subjectNameKey", "subjectBirthDate", "scope", "details", "needsClarification", "assigneeId", "createdAt", "updatedAt")
         SELECT gen_random_uuid(), 'DR-' || to_char(received, 'YYYY') || '-' || upper(substr(lpad(to_hex(i), 8, '0'), 1, 4)) || '-' || upper(substr(lpad(to_hex(i), 8, '0'), 5, 4)),
           (ARRAY['access','rectification','erasure','restriction','portability','objection','consent_withdrawal','post_mortem_directives'])[1 + i % 8]::"Right",
           (ARRAY['web','web','web','email','post','phone'])[1 + i % 6]::"Channel",
           CASE WHEN received > now() - interval '45 days'
                THEN (ARRAY['received','awaiting_identity','in_progress','awaiting_information','answered'])[1 + i % 5]
                ELSE (ARRAY['closed','closed','closed','answered','withdrawn'])[1 + i % 5] END::"RequestStatus",
           received, (received + interval '1 month')::date, 'fr', '2026-04.1',
           (ARRAY['verified','documents_submitted','accepted'])[1 + i % 3]::"IdentityStatus",
           'Prénom' || (i % 997), 'Nom' || (i % 50021), 'nom' || (i % 50021), 'synthetic.case+' || i || '@exemple.fr', 'self',
           'Prénom' || (i % 997), 'Nom' || (i % 50021), 'nom' || (i % 50021),
           date '1950-01-01' + (i % 20000), '{}'::jsonb, '{}'::jsonb,
           -- One request in fifty received without the details its right needs (a letter, a call).
           i % 50 = 7,
           CASE WHEN i % 4 = 0 THEN $3::uuid ELSE NULL END, received, received
         FROM g
         RETURNING "id", "receivedAt", "dueDate", "status"
       )
       INSERT INTO "RequestPart" ("id", "requestId", "handler", "healthActorId", "activities", "applicable", "deadlineRule", "dueDate", "status", "grounds", "createdAt", "updatedAt")
       SELECT gen_random_uuid(), ins."id", CASE WHEN k = 0 THEN 'platform' ELSE 'health_actor' END::"PartHandler",
         CASE WHEN k = 0 THEN NULL ELSE ($4::uuid[])[1 + (abs(hashtext(ins."id"::text)) + k) % array_length($4::uuid[], 1)] END,
         '{}', true, 'gdpr_art12', ins."dueDate",
         CASE WHEN ins."status" IN ('closed', 'answered') THEN 'answered' WHEN k = 0 THEN 'pending' ELSE 'forwarded' END::"PartStatus",
         '{}', ins."receivedAt", ins."receivedAt"
       FROM ins, generate_series(0, abs(hashtext(ins."id"::text)) % 3) AS k`,
      [offset, n, staffId, actorIds],
    );
    process.stdout.write(`\r  ${offset + n} cases`);
  }
  await client.query('ANALYZE "RightsRequest"; ANALYZE "RequestPart";');
  console.log(` in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

await runBench(async ({ stack, db, client, actors }) => {
  const staff = await db.staffUser.create({
    data: { email: "bench.queue@exemple.fr", name: "Bench", role: "dpo_agent" },
  });
  console.log(`Generating ${CASES} cases over five years...`);
  await generateCases(client, CASES, actors, staff.id);
  const viewer = { staffId: staff.id };
  const q = (params: Record<string, string>) => ZCaseListQuery.parse(params);

  // A deep page: the cursor of the 20,000th case in the default order (at a million cases).
  const deep = await listCases(db, q({ status: "all", limit: "100" }), viewer);
  let cursor = deep.nextCursor!;
  // 200 pages in, or halfway through a smaller base.
  const depth = Math.min(200, Math.floor(CASES / 200));
  for (let i = 0; i < depth - 1; i++)
    cursor = (await listCases(db, q({ status: "all", limit: "100", cursor }), viewer)).nextCursor!;
  const deepRow = await client.query(
    `SELECT "dueDate", id FROM "RightsRequest" ORDER BY "dueDate", id OFFSET ${depth * 100} LIMIT 1`,
  );
  const sample = await client.query(
    `SELECT reference, "requesterEmail", "requesterLastName" FROM "RightsRequest" ORDER BY id LIMIT 1 OFFSET ${Math.floor(CASES / 3)}`,
  );
  const { reference, requesterEmail, requesterLastName } = sample.rows[0] as {
    reference: string;
    requesterEmail: string;
    requesterLastName: string;
  };
  // The sampled case has a handled case's trail: a dozen events.
  await client.query(
    `INSERT INTO "RequestEvent" ("requestId", type, "actorType", "actorId", payload, "createdAt", hash)
     SELECT id, 'note', 'staff', NULL,
            jsonb_build_object('text', 'Étape ' || k), now(), md5(k::text)
     FROM "RightsRequest", generate_series(1, 12) AS k WHERE reference = $1`,
    [reference],
  );
  // A name prefix shared by about 20 cases in a million ("Nom1234" and "Nom12345"...).
  const namePrefix = requesterLastName.slice(0, 7);
  const actor = actors[0]!;

  const OPEN = ["received", "awaiting_identity", "in_progress", "awaiting_information"];
  const selectPage = (
    from: string,
  ) => `SELECT r.reference, r."right", r.status, r.channel, r."receivedAt", r."dueDate", r."requesterFirstName",
         r."requesterLastName", r."requesterEmail", r."subjectFirstName", r."subjectLastName", r."subjectRelation", r."identityStatus",
         r."pausedSince", r.extended, s.name AS assignee,
         (SELECT json_agg(json_build_object('handler', p.handler, 'status', p.status, 'dueDate', p."dueDate", 'actor', a.name))
            FROM "RequestPart" p LEFT JOIN "HealthActor" a ON a.id = p."healthActorId" WHERE p."requestId" = r.id) AS parts
       FROM ${from} r LEFT JOIN "StaffUser" s ON s.id = r."assigneeId"`;
  const PAGE_SQL =
    (where: string, params: unknown[] = []) =>
    () =>
      client.query(`${selectPage('"RightsRequest"')} WHERE ${where} ORDER BY r."dueDate", r.id LIMIT 26`, params);
  // Open cases: the best SQL reads each status's part of the index in order and merges them.
  const OPEN_PAGE_SQL =
    (extra: string, params: unknown[] = []) =>
    () =>
      client.query(
        `${selectPage(`(${OPEN.map((st) => `(SELECT * FROM "RightsRequest" WHERE status = '${st}' ${extra} ORDER BY "dueDate", id LIMIT 26)`).join(" UNION ALL ")})`)}
       ORDER BY r."dueDate", r.id LIMIT 26`,
        params,
      );
  const today = new Date().toISOString().slice(0, 10);
  // The app's own statement sent straight through pg: what the SQL costs without Prisma's client.
  const viaPg = (statement: { text: string; values: unknown[] }) => () =>
    client.query(statement.text, statement.values);
  const listed = (params: Record<string, string>): [() => Promise<unknown>, () => Promise<unknown>] => [
    () => listCases(db, q(params), viewer),
    viaPg(caseListStatement(q(params), viewer, new Date())),
  ];
  const scenarios: [string, [() => Promise<unknown>, () => Promise<unknown>], () => Promise<unknown>][] = [
    ["first page (open, overdue first)", listed({}), OPEN_PAGE_SQL("")],
    ["filter right=erasure", listed({ right: "erasure" }), OPEN_PAGE_SQL(`AND "right" = 'erasure'`)],
    ["filter assigned to me", listed({ assignee: "me" }), OPEN_PAGE_SQL(`AND "assigneeId" = $1`, [staff.id])],
    ["filter overdue", listed({ overdue: "1" }), OPEN_PAGE_SQL(`AND "dueDate" < $1::date`, [today])],
    ["filter to clarify", listed({ clarify: "1" }), OPEN_PAGE_SQL(`AND "needsClarification"`)],
    [
      "filter due within 7 days",
      listed({ dueWithin: "7" }),
      OPEN_PAGE_SQL(`AND "dueDate" BETWEEN $1::date AND $1::date + 7`, [today]),
    ],
    [
      "filter health actor",
      listed({ healthActor: actor }),
      OPEN_PAGE_SQL(
        `AND EXISTS (SELECT 1 FROM "RequestPart" p WHERE p."requestId" = "RightsRequest".id AND p."healthActorId" = $1)`,
        [actor],
      ),
    ],
    [
      `deep page (${(depth * 100).toLocaleString("en")}th case)`,
      listed({ status: "all", cursor }),
      PAGE_SQL(`(r."dueDate", r.id) > ($1::date, $2::uuid)`, [deepRow.rows[0].dueDate, deepRow.rows[0].id]),
    ],
    ["search by reference", listed({ status: "all", q: reference }), PAGE_SQL(`r.reference = $1`, [reference])],
    [
      "search by e-mail",
      listed({ status: "all", q: requesterEmail }),
      PAGE_SQL(`r."requesterEmail" = $1`, [requesterEmail]),
    ],
    [
      "search by name prefix",
      listed({ status: "all", q: namePrefix }),
      PAGE_SQL(
        `(r."requesterNameKey" >= $1 AND r."requesterNameKey" < $2 OR r."subjectNameKey" >= $1 AND r."subjectNameKey" < $2)`,
        [
          namePrefix.toLowerCase(),
          `${namePrefix.toLowerCase().slice(0, -1)}${String.fromCharCode(namePrefix.toLowerCase().charCodeAt(namePrefix.length - 1) + 1)}`,
        ],
      ),
    ],
    [
      "case page",
      [() => loadCaseFile(db, reference), viaPg(caseFileSql(reference))],
      () =>
        client.query(
          `SELECT r.*, (SELECT json_agg(p ORDER BY p.handler) FROM "RequestPart" p WHERE p."requestId" = r.id) AS parts,
             (SELECT json_agg(e ORDER BY e.id) FROM "RequestEvent" e WHERE e."requestId" = r.id) AS events,
             (SELECT json_agg(f) FROM "IdentityProof" f WHERE f."requestId" = r.id) AS proofs,
             (SELECT json_agg(l) FROM "CaseLetter" l WHERE l."requestId" = r.id) AS letters
           FROM "RightsRequest" r WHERE r.reference = $1`,
          [reference],
        ),
    ],
  ];
  console.log(
    `\n${RUNS} runs each, interleaved. app = lib/backoffice through Prisma; its SQL = the same statement sent with pg; ` +
      `hand SQL = the best hand-written query, with pg. Ratio = app p95 / hand SQL p95.`,
  );
  const head = ["app p50", "app p95", "its SQL p95", "hand p50", "hand p95", "ratio p95"];
  console.log(`${"query".padEnd(34)} ${head.map((h) => h.padStart(11)).join(" ")}`);
  for (const [label, [app, appSql], sql] of scenarios) {
    const [a, b, s] = await timeTogether(RUNS, [app, appSql, sql]);
    const f = (x: number) => `${x.toFixed(2)} ms`.padStart(11);
    const ratio = (percentile(a!, 95) / percentile(s!, 95)).toFixed(2).padStart(11);
    console.log(
      `${label.padEnd(34)} ${[percentile(a!, 50), percentile(a!, 95), percentile(b!, 95), percentile(s!, 50), percentile(s!, 95)].map(f).join(" ")} ${ratio}`,
    );
  }

  // Retention: one year later, a year's worth of cases has expired. The queue is read meanwhile.
  const storage = new LocalStorage({
    dir: stack.env.STORAGE_LOCAL_DIR!,
    keyring: parseKeyring(stack.env.FILE_ENCRYPTION_KEYS!),
  });
  const inAYear = new Date(Date.now() + 365 * 24 * 3600_000);
  const dry = await purgeExpiredCases(db, storage, { now: inAYear, dryRun: true, listLimit: 1 });
  let reading = true;
  const during: number[] = [];
  const reader = (async () => {
    while (reading) {
      const t0 = performance.now();
      await listCases(db, q({}), viewer);
      during.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const t0 = performance.now();
  const purge = await purgeExpiredCases(db, storage, { now: inAYear, batch: 2000 });
  const seconds = (performance.now() - t0) / 1000;
  reading = false;
  await reader;
  during.sort((x, y) => x - y);
  console.log(
    `\nretention: ${purge.deleted} expired cases deleted (of ${dry.expired} expired) in ${seconds.toFixed(1)} s ` +
      `(${Math.round(purge.deleted / seconds)} cases/s); first queue page meanwhile: ${during.length} reads, ` +
      `p50 ${percentile(during, 50).toFixed(1)} ms, p95 ${percentile(during, 95).toFixed(1)} ms, max ${during.at(-1)!.toFixed(1)} ms`,
  );
});
