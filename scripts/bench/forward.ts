/**
 * npm run bench:forward [-- --parts 10000 --appointments 5000]
 * 1. 10,000 health actors' parts created at once: the real worker (pg-boss, outbox, SMTP to the
 *    local catcher) forwards them and e-mails every member; time to forward them all, parts/s, and
 *    e-mails handed to SMTP per second.
 * 2. The assistance package of an actor's heaviest patient (thousands of appointments): time, size
 *    and peak memory of the streamed ZIP, and of the PDF report.
 */
import { parseArgs } from "node:util";
import { assistanceArchive, assistanceReportPdf, type PackageScope } from "@/lib/actors/assistance-package";
import { addHistory, measure, report, runBench } from "./kit";

const { values } = parseArgs({
  options: { parts: { type: "string", default: "10000" }, appointments: { type: "string", default: "5000" } },
});
const PARTS = Number(values.parts);
const APPOINTMENTS = Number(values.appointments);

async function waitFor(label: string, check: () => Promise<boolean>, timeoutMs = 30 * 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${label}: not done within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

await runBench(async ({ stack, db, client, actors }) => {
  Object.assign(process.env, stack.env);
  const { boss } = await import("@/lib/jobs/boss");
  const { startWorker } = await import("@/lib/jobs/worker");
  const { startPresence } = await import("@/lib/jobs/worker-presence");

  // 1. The parts, created at once: one verified case each, spread over the demo's health actors.
  console.log(`Creating ${PARTS} health actors' parts at once...`);
  await client.query(
    `WITH g AS (SELECT i FROM generate_series(1, $1::int) AS i),
     cases AS (
       INSERT INTO "RightsRequest" ("id", "reference", "right", "channel", "status", "receivedAt", "dueDate", "locale", "registryVersion",
         "identityStatus", "requesterFirstName", "requesterLastName", "requesterEmail", "subjectRelation", "subjectFirstName",
         "subjectLastName", "subjectBirthDate", "scope", "details", "createdAt", "updatedAt")
       SELECT gen_random_uuid(), 'DR-2026-' || upper(substr(lpad(to_hex(i), 8, '0'), 1, 4)) || '-' || upper(substr(lpad(to_hex(i), 8, '0'), 5, 4)),
         'erasure', 'web', 'received', now(), (now() + interval '1 month')::date, 'fr', '2026-04.1', 'verified',
         'Prénom', 'Nom' || i, 'bench.forward+' || i || '@exemple.fr', 'self', 'Prénom', 'Nom' || i, date '1980-01-01', '{}', '{}', now(), now()
       FROM g RETURNING id, "dueDate"
     )
     INSERT INTO "RequestPart" ("id", "requestId", "handler", "healthActorId", "activities", "applicable", "deadlineRule", "dueDate", "status", "grounds", "createdAt", "updatedAt")
     SELECT gen_random_uuid(), c.id, 'health_actor', ($2::uuid[])[1 + abs(hashtext(c.id::text)) % array_length($2::uuid[], 1)],
       '{}', true, 'gdpr_art12', c."dueDate", 'awaiting_forwarding', '{}', now(), now()
     FROM cases c`,
    [PARTS, actors],
  );
  await client.query('ANALYZE "RequestPart"; ANALYZE "RightsRequest";');

  const queue = await boss("worker");
  const t0 = performance.now();
  const presence = await startPresence(db);
  const stopLoop = await startWorker(queue, db, presence);
  const count = async (sql: string) => Number((await client.query(sql)).rows[0].n);
  await waitFor(
    "forwarding",
    async () => (await count(`SELECT count(*) AS n FROM "RequestPart" WHERE status = 'awaiting_forwarding'`)) === 0,
  );
  const forwardSeconds = (performance.now() - t0) / 1000;
  const mails = await count(
    `SELECT count(*) AS n FROM "OutboxEmail" WHERE subject LIKE 'Demande de droits à traiter%'`,
  );
  await waitFor(
    "e-mails",
    async () => (await count(`SELECT count(*) AS n FROM "OutboxEmail" WHERE status IN ('pending', 'sending')`)) === 0,
  );
  const allSeconds = (performance.now() - t0) / 1000;
  const sent = await count(
    `SELECT count(*) AS n FROM "OutboxEmail" WHERE status = 'sent' AND subject LIKE 'Demande de droits à traiter%'`,
  );
  const firstSent = (
    await client.query(`SELECT min("sentAt") AS a, max("sentAt") AS b FROM "OutboxEmail" WHERE status = 'sent'`)
  ).rows[0] as { a: Date; b: Date };
  const smtpSeconds = (firstSent.b.getTime() - firstSent.a.getTime()) / 1000;
  stopLoop();
  await queue.stop({ graceful: true, timeout: 10_000 });
  await presence.stop();
  console.log(
    `forwarding: ${PARTS} parts in ${forwardSeconds.toFixed(1)} s (${Math.round(PARTS / forwardSeconds)} parts/s), ${mails} e-mails to members written\n` +
      `e-mails: ${sent} handed to SMTP (maildev) in ${smtpSeconds.toFixed(1)} s from the first to the last (${Math.round(sent / Math.max(smtpSeconds, 0.001))} e-mails/s); ` +
      `all done ${allSeconds.toFixed(1)} s after the worker started`,
  );

  // 2. The heaviest patient of one actor: thousands of appointments and documents.
  const actorId = actors[0]!;
  const patient = await db.patient.create({
    data: {
      email: "bench.lourd@exemple.fr",
      firstName: "Patient",
      lastName: "Lourd",
      birthDate: new Date("1970-05-05T00:00:00Z"),
    },
  });
  await addHistory(client, patient.id, [actorId], {
    appointments: APPOINTMENTS,
    documents: Math.round(APPOINTMENTS / 10),
  });
  const actor = await db.healthActor.findUniqueOrThrow({ where: { id: actorId }, select: { id: true, name: true } });
  const scope: PackageScope = {
    reference: "DR-2026-BNCH-0001",
    right: "access",
    healthActor: actor,
    subject: {
      firstName: "Patient",
      lastName: "Lourd",
      birthDate: patient.birthDate,
      patientId: patient.id,
      relativeId: null,
    },
  };
  const zip = await measure(async () => {
    let bytes = 0;
    for await (const chunk of assistanceArchive(db, scope)) bytes += chunk.length;
    return bytes;
  });
  console.log(
    report(
      `assistance package, ZIP (JSON + CSV), ${APPOINTMENTS} appointments and ${Math.round(APPOINTMENTS / 10)} documents`,
      zip,
      zip.result,
    ),
  );
  const pdf = await measure(async () => (await assistanceReportPdf(db, scope, "fr")).length);
  console.log(report("assistance package, PDF report", pdf, pdf.result));
}, 6);
