/**
 * npm run bench:export [-- --appointments 10000 --documents 1000 --relatives 20]
 * The access copy of a very heavy subject on real PostgreSQL: the ZIP (JSON and CSV) streamed into
 * encrypted storage and the PDF report, each timed with its size and the process's peak memory.
 */
import { parseArgs } from "node:util";
import pg from "pg";
import { accessCopyPdf, accessCopyZip, copyScopeOf } from "@/lib/answers/access-copy";
import { createDb } from "@/lib/db";
import { currentRegistry, ensureRegistryVersion } from "@/lib/registry";
import { LocalStorage } from "@/lib/storage";
import { parseKeyring } from "@/lib/storage/crypto";
import { seedDemo } from "@/prisma/seed/demo";
import { startLocalStack } from "../lib/stack";
import { measure, mb } from "./measure";

const { values } = parseArgs({
  options: { appointments: { type: "string", default: "10000" }, documents: { type: "string", default: "1000" }, relatives: { type: "string", default: "20" } },
});
const APPOINTMENTS = Number(values.appointments);
const DOCUMENTS = Number(values.documents);
const RELATIVES = Number(values.relatives);

async function main() {
  const stack = await startLocalStack();
  const db = createDb(stack.env.DATABASE_URL!, 4);
  const client = new pg.Client({ connectionString: stack.env.DATABASE_URL });
  await client.connect();
  try {
    await seedDemo(db);
    await ensureRegistryVersion(db);
    const registry = currentRegistry();
    const actors = (await db.healthActor.findMany({ select: { id: true } })).map((a) => a.id);
    const patient = await db.patient.create({ data: { email: "bench.export@exemple.fr", firstName: "Patiente", lastName: "Lourde", birthDate: new Date("1965-03-03T00:00:00Z") } });
    console.log(`A subject with ${APPOINTMENTS} appointments, ${DOCUMENTS} documents and ${RELATIVES} relatives...`);
    await client.query(
      `WITH rel AS (
         INSERT INTO "Relative" ("id", "firstName", "lastName", "birthDate", "createdAt", "updatedAt")
         SELECT gen_random_uuid(), 'Proche' || i, 'Lourde', date '2000-01-01' + i, now(), now() FROM generate_series(1, $2::int) AS i RETURNING id
       )
       INSERT INTO "PatientRelative" ("patientId", "relativeId", "link", "legalRepresentative", "createdAt", "updatedAt")
       SELECT $1, id, 'child', true, now(), now() FROM rel`,
      [patient.id, RELATIVES],
    );
    await client.query(
      `INSERT INTO "Appointment" ("id", "patientId", "healthActorId", "startsAt", "status", "mode", "motive", "createdAt", "updatedAt")
       SELECT gen_random_uuid(), $1, ($2::uuid[])[1 + i % array_length($2::uuid[], 1)], timestamp '2008-01-01' + (i || ' hours')::interval, 'done',
         CASE WHEN i % 9 = 0 THEN 'video' ELSE 'in_person' END::"AppointmentMode", 'Consultation n° ' || i, now(), now()
       FROM generate_series(1, $3::int) AS i`,
      [patient.id, actors, APPOINTMENTS],
    );
    await client.query(
      `INSERT INTO "Document" ("id", "patientId", "healthActorId", "title", "kind", "sharedBy", "createdAt", "updatedAt")
       SELECT gen_random_uuid(), $1, ($2::uuid[])[1 + i % array_length($2::uuid[], 1)], 'Compte rendu n° ' || i, 'report', 'health_actor',
         timestamp '2008-01-01' + (i || ' days')::interval, now()
       FROM generate_series(1, $3::int) AS i`,
      [patient.id, actors, DOCUMENTS],
    );
    await client.query('ANALYZE "Appointment"; ANALYZE "Document";');

    const scope = await copyScopeOf(
      db,
      {
        id: "00000000-0000-4000-8000-000000000000", reference: "DR-2026-BNCH-EXPT", right: "access", channel: "web", status: "in_progress",
        receivedAt: new Date(), dueDate: new Date(), locale: "fr", registryVersion: registry.version, identityStatus: "verified",
        requesterFirstName: "Patiente", requesterLastName: "Lourde", requesterNameKey: "lourde", requesterEmail: patient.email, requesterPhone: null,
        subjectRelation: "self", subjectFirstName: "Patiente", subjectLastName: "Lourde", subjectNameKey: "lourde", subjectBirthDate: patient.birthDate,
        subjectEmail: null, subjectPatientId: patient.id, subjectRelativeId: null, scope: {}, details: {}, pausedDays: 0, pausedSince: null,
        informationReminderAt: null, effectsAppliedAt: null, extended: false, assigneeId: null, legalHoldReason: null, idempotencyKey: null, idempotencyHash: null,
        createdAt: new Date(), updatedAt: new Date(),
      },
      registry.activities.filter((a) => a.controller === "platform").map((a) => a.key),
      registry,
    );
    const storage = new LocalStorage({ dir: stack.env.STORAGE_LOCAL_DIR!, keyring: parseKeyring(stack.env.FILE_ENCRYPTION_KEYS!) });
    const zip = await measure(() => storage.put("exports/bench.zip", accessCopyZip(db, scope), { contentType: "application/zip" }));
    console.log(`access copy, ZIP (JSON + CSV) streamed into encrypted storage: ${zip.ms.toFixed(0)} ms, ${mb(zip.result.size)}, peak memory ${mb(zip.peakRss)} (${mb(zip.peakRss - zip.baseRss)} above the ${mb(zip.baseRss)} before)`);
    const pdf = await measure(async () => (await accessCopyPdf(db, scope)).length);
    console.log(`access copy, PDF report with its table of contents: ${pdf.ms.toFixed(0)} ms, ${mb(pdf.result)}, peak memory ${mb(pdf.peakRss)} (${mb(pdf.peakRss - pdf.baseRss)} above the ${mb(pdf.baseRss)} before)`);
    console.log(`together: ${((zip.ms + pdf.ms) / 1000).toFixed(2)} s (aim: under 5 s and 300 MB)`);
  } finally {
    await client.end();
    await db.$disconnect();
    await stack.stop();
  }
}

await main();
process.exit(0);
