/**
 * npm run bench:export [-- --appointments 10000 --documents 1000 --relatives 20]
 * A very heavy subject on real PostgreSQL: the access copy (the ZIP of JSON and CSV streamed into
 * encrypted storage, and the PDF report), each timed with its size and the process's peak memory;
 * then the erasure of the whole account, timed, with the rows it touched.
 */
import { parseArgs } from "node:util";
import { accessCopyPdf, accessCopyZip, copyScopeOf } from "@/lib/rights/access/access-copy";
import { eraseSubject } from "@/lib/rights/erasure/erase-subject";
import { currentRegistry } from "@/lib/registry";
import { LocalStorage } from "@/lib/storage";
import { parseKeyring } from "@/lib/storage/crypto";
import { addHistory, mb, measure, report, runBench } from "./kit";

const { values } = parseArgs({
  options: {
    appointments: { type: "string", default: "10000" },
    documents: { type: "string", default: "1000" },
    relatives: { type: "string", default: "20" },
  },
});
const APPOINTMENTS = Number(values.appointments);
const DOCUMENTS = Number(values.documents);
const RELATIVES = Number(values.relatives);

await runBench(async ({ stack, db, client, actors }) => {
  const registry = currentRegistry();
  const patient = await db.patient.create({
    data: {
      email: "bench.export@exemple.fr",
      firstName: "Patiente",
      lastName: "Lourde",
      birthDate: new Date("1965-03-03T00:00:00Z"),
    },
  });
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
  const request = await db.rightsRequest.create({
    data: {
      reference: "DR-2026-BNCH-EXPT",
      right: "access",
      channel: "web",
      status: "in_progress",
      receivedAt: new Date(),
      dueDate: new Date(),
      locale: "fr",
      registryVersion: registry.version,
      identityStatus: "verified",
      requesterFirstName: "Patiente",
      requesterLastName: "Lourde",
      requesterNameKey: "lourde",
      requesterEmail: patient.email,
      subjectRelation: "self",
      subjectFirstName: "Patiente",
      subjectLastName: "Lourde",
      subjectNameKey: "lourde",
      subjectBirthDate: patient.birthDate,
      subjectPatientId: patient.id,
      scope: {},
      details: {},
    },
  });
  const platformActivities = registry.activities.filter((a) => a.controller === "platform").map((a) => a.key);
  const scope = await copyScopeOf(db, request, platformActivities, registry);
  const storage = new LocalStorage({
    dir: stack.env.STORAGE_LOCAL_DIR!,
    keyring: parseKeyring(stack.env.FILE_ENCRYPTION_KEYS!),
  });
  const zip = await measure(() =>
    storage.put("exports/bench.zip", accessCopyZip(db, scope), { contentType: "application/zip" }),
  );
  console.log(report("access copy, ZIP (JSON + CSV) streamed into encrypted storage", zip, zip.result.size));
  const pdf = await measure(async () => (await accessCopyPdf(db, scope)).length);
  console.log(report("access copy, PDF report with its table of contents", pdf, pdf.result));
  console.log(`together: ${((zip.ms + pdf.ms) / 1000).toFixed(2)} s (aim: under 5 s and 300 MB)`);

  // The erasure of the whole account, as a granted answer applies it (its sealed archive uses the app's keys).
  Object.assign(process.env, stack.env);
  const actor = { type: "staff" as const, staffId: "bench", actorId: "bench" };
  const erase = await measure(() =>
    db.$transaction((tx) => eraseSubject(tx, { ...request, right: "erasure" }, platformActivities, actor), {
      timeout: 120_000,
    }),
  );
  const { summary } = erase.result;
  const archive = await db.erasureArchive.findFirstOrThrow({ where: { reference: request.reference } });
  const deleted = summary.erased.filter((e) => e.item !== "account");
  const removed = deleted.reduce((n, e) => n + e.count, 0);
  console.log(
    `erasure of the account: ${erase.ms.toFixed(0)} ms, peak memory ${mb(erase.peakRss)} (${mb(erase.peakRss - erase.baseRss)} above the ${mb(erase.baseRss)} before)`,
  );
  console.log(
    `  rows touched: ${removed} deleted (${deleted.map((e) => `${e.item} ${e.count}`).join(", ")}), 1 account reduced to the identity the agendas need, 3 written (archive, erasure record, case event)`,
  );
  console.log(
    `  kept: ${summary.kept.map((k) => `${k.item} ${k.count}`).join(", ")}; archive ${mb(archive.sealed.length)} sealed, purged after 7 days`,
  );
});
