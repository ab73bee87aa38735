/**
 * npm run bench:export [-- --appointments 10000 --documents 1000 --relatives 20]
 * The access copy of a very heavy subject on real PostgreSQL: the ZIP (JSON and CSV) streamed into
 * encrypted storage and the PDF report, each timed with its size and the process's peak memory.
 */
import { parseArgs } from "node:util";
import { accessCopyPdf, accessCopyZip, copyScopeOf } from "@/lib/answers/access-copy";
import { currentRegistry } from "@/lib/registry";
import { LocalStorage } from "@/lib/storage";
import { parseKeyring } from "@/lib/storage/crypto";
import { addHistory, measure, report, runBench } from "./kit";

const { values } = parseArgs({
  options: { appointments: { type: "string", default: "10000" }, documents: { type: "string", default: "1000" }, relatives: { type: "string", default: "20" } },
});
const APPOINTMENTS = Number(values.appointments);
const DOCUMENTS = Number(values.documents);
const RELATIVES = Number(values.relatives);

await runBench(async ({ stack, db, client, actors }) => {
  const registry = currentRegistry();
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
  await addHistory(client, patient.id, actors, { appointments: APPOINTMENTS, documents: DOCUMENTS });
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
  console.log(report("access copy, ZIP (JSON + CSV) streamed into encrypted storage", zip, zip.result.size));
  const pdf = await measure(async () => (await accessCopyPdf(db, scope)).length);
  console.log(report("access copy, PDF report with its table of contents", pdf, pdf.result));
  console.log(`together: ${((zip.ms + pdf.ms) / 1000).toFixed(2)} s (aim: under 5 s and 300 MB)`);
});
