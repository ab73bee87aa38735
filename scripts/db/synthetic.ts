/**
 * Synthetic data in volume, for benchmarks:
 *
 *   npm run db:synthetic -- --patients 100000 [--appointments-per-patient 8] [--seed 1]
 *   tsx scripts/db/synthetic.ts --patients 100000
 *
 * Options: --batch-size (rows per INSERT, default 5000), --concurrency (parallel connections,
 * default 2), --today (YYYY-MM-DD: appointments before it are past, default 2026-12-01),
 * --url (default DATABASE_URL), --no-analyze.
 *
 * Creates max(20, ceil(N / 200)) health actors, then N patients with their relatives (children,
 * spouses, and an elderly parent held by two consecutive accounts), about M appointments per
 * patient spread over 2019-2027 and over a few usual actors each, documents, consents and
 * marketing preferences. Rows are made in JavaScript from a seeded PRNG (one per patient, so
 * patient n is the same whatever N) and written with multi-row INSERT ... SELECT FROM unnest(...),
 * one array parameter per column, batchSize rows a statement.
 *
 * Deterministic for a given seed (ids included: "<seed as 8 hex>-<table>-4…-8…-<n>", so the rows
 * of a run are easy to find). E-mails are synthetic+<seed>-<n>@exemple.fr. Every INSERT is
 * ON CONFLICT DO NOTHING: running again with the same seed adds nothing, and with a larger N adds
 * the missing patients (the actors of the larger run are created too). Use another seed, or an
 * empty database, for a clean volume.
 */
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { createDb } from "@/lib/db";
import type { AppointmentStatus, DocumentKind, RelativeLink } from "@/lib/generated/prisma/client";
import {
  CITIES,
  type Client,
  CONSENT_ACTIVITIES,
  DOCUMENT_TITLES,
  ESTABLISHMENT_SPECIALTIES,
  FEMALE_FIRST_NAMES,
  LAST_NAMES,
  MALE_FIRST_NAMES,
  MARKETING_CHANNELS,
  MOTIVES,
  PRACTITIONER_SPECIALTIES,
  STREETS,
  frenchMobile,
} from "@/prisma/seed/factories";
import { chance, int, mixSeed, mulberry32, pick, type Rng } from "@/prisma/seed/random";

export interface SyntheticOptions {
  patients: number;
  /** Average number of appointments per patient (default 8). */
  appointmentsPerPatient?: number;
  /** Default 1. */
  seed?: number;
  /** Rows per INSERT statement (default 5000). */
  batchSize?: number;
  /** Chunks written at the same time, each on its own connection (default 2). */
  concurrency?: number;
  /** Appointments before this day are past (done/cancelled/no_show). Default 2026-12-01. */
  today?: string;
  /** ANALYZE the tables at the end (default true). */
  analyze?: boolean;
  /** Progress lines (default console.log); pass () => {} for silence. */
  log?: (line: string) => void;
}

export const SYNTHETIC_TABLES = [
  "HealthActor",
  "Patient",
  "Relative",
  "PatientRelative",
  "Appointment",
  "Document",
  "Consent",
  "MarketingPreference",
] as const;
export type SyntheticTable = (typeof SYNTHETIC_TABLES)[number];

export interface SyntheticResult {
  /** Rows inserted per table (rows already there are not counted). */
  rows: Record<SyntheticTable, number>;
  totalRows: number;
  seconds: number;
  rowsPerSecond: number;
  healthActors: number;
}

// ---------------------------------------------------------------------------------------------
// Ids and dates
// ---------------------------------------------------------------------------------------------

const TAGS = {
  patient: "0001",
  relative: "0002",
  actor: "0003",
  appointment: "0004",
  document: "0005",
  consent: "0006",
};

/** Deterministic, unique by construction: seed, table, sub-number (< 4096), n (< 2^48). */
export function syntheticId(seed: number, table: keyof typeof TAGS, n: number, sub = 0): string {
  return `${(seed >>> 0).toString(16).padStart(8, "0")}-${TAGS[table]}-4${sub.toString(16).padStart(3, "0")}-8000-${n
    .toString(16)
    .padStart(12, "0")}`;
}

const DAY = 86_400_000;
const FROM = Date.UTC(2019, 0, 1);
const TO = Date.UTC(2028, 0, 1);
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const randomDate = (r: Rng, fromYear: number, toYear: number) =>
  Date.UTC(fromYear, 0, 1) + Math.floor((r() * (Date.UTC(toYear + 1, 0, 1) - Date.UTC(fromYear, 0, 1))) / DAY) * DAY;

// ---------------------------------------------------------------------------------------------
// Column batches written with INSERT ... SELECT * FROM unnest($1::type[], ...)
// ---------------------------------------------------------------------------------------------

class Batch {
  readonly columns: unknown[][];
  constructor(
    readonly table: SyntheticTable,
    readonly spec: readonly (readonly [column: string, type: string])[],
  ) {
    this.columns = spec.map(() => []);
  }
  get length(): number {
    return this.columns[0]?.length ?? 0;
  }
  add(...values: unknown[]): void {
    for (let i = 0; i < values.length; i++) this.columns[i]?.push(values[i]);
  }
  /** Writes the rows, batchSize a statement; returns the number inserted. */
  async write(db: Client, batchSize: number): Promise<number> {
    const names = this.spec.map(([c]) => `"${c}"`).join(", ");
    const arrays = this.spec.map(([, t], i) => `$${i + 1}::${t}[]`).join(", ");
    const sql = `INSERT INTO "${this.table}" (${names}) SELECT * FROM unnest(${arrays}) ON CONFLICT DO NOTHING`;
    let inserted = 0;
    for (let from = 0; from < this.length; from += batchSize) {
      inserted += await db.$executeRawUnsafe(sql, ...this.columns.map((c) => c.slice(from, from + batchSize)));
    }
    return inserted;
  }
}

const T = "timestamptz";
const newBatches = () => ({
  Patient: new Batch("Patient", [
    ["id", "uuid"],
    ["email", "text"],
    ["emailVerified", "boolean"],
    ["firstName", "text"],
    ["lastName", "text"],
    ["birthName", "text"],
    ["birthDate", "date"],
    ["birthPlace", "text"],
    ["sex", '"Sex"'],
    ["phone", "text"],
    ["street", "text"],
    ["postalCode", "text"],
    ["city", "text"],
    ["locale", '"Locale"'],
    ["lastBookingAt", T],
    ["createdAt", T],
    ["updatedAt", T],
  ]),
  Relative: new Batch("Relative", [
    ["id", "uuid"],
    ["firstName", "text"],
    ["lastName", "text"],
    ["birthDate", "date"],
    ["sex", '"Sex"'],
    ["createdAt", T],
    ["updatedAt", T],
  ]),
  PatientRelative: new Batch("PatientRelative", [
    ["patientId", "uuid"],
    ["relativeId", "uuid"],
    ["link", '"RelativeLink"'],
    ["legalRepresentative", "boolean"],
    ["createdAt", T],
    ["updatedAt", T],
  ]),
  Appointment: new Batch("Appointment", [
    ["id", "uuid"],
    ["patientId", "uuid"],
    ["relativeId", "uuid"],
    ["healthActorId", "uuid"],
    ["startsAt", T],
    ["status", '"AppointmentStatus"'],
    ["motive", "text"],
    ["createdAt", T],
    ["updatedAt", T],
  ]),
  Document: new Batch("Document", [
    ["id", "uuid"],
    ["patientId", "uuid"],
    ["relativeId", "uuid"],
    ["healthActorId", "uuid"],
    ["title", "text"],
    ["kind", '"DocumentKind"'],
    ["sharedBy", '"DocumentSharedBy"'],
    ["createdAt", T],
    ["updatedAt", T],
  ]),
  Consent: new Batch("Consent", [
    ["id", "uuid"],
    ["patientId", "uuid"],
    ["activityKey", "text"],
    ["grantedAt", T],
    ["withdrawnAt", T],
    ["createdAt", T],
    ["updatedAt", T],
  ]),
  MarketingPreference: new Batch("MarketingPreference", [
    ["patientId", "uuid"],
    ["channel", '"MarketingChannel"'],
    ["optedIn", "boolean"],
    ["createdAt", T],
    ["updatedAt", T],
  ]),
});
type Batches = ReturnType<typeof newBatches>;

// ---------------------------------------------------------------------------------------------
// Row generation
// ---------------------------------------------------------------------------------------------

const CONSENT_RATES: Record<(typeof CONSENT_ACTIVITIES)[number], number> = {
  personalised_services: 0.6,
  map_service: 0.3,
  direct_marketing: 0.35,
  research_statistics: 0.2,
};
const DOCUMENT_KINDS: readonly DocumentKind[] = [
  "prescription",
  "prescription",
  "report",
  "test_result",
  "test_result",
  "letter",
  "other",
];

interface Person {
  id: string;
  birthMs: number;
}

interface Ctx {
  seed: number;
  actorIds: string[];
  perPatient: number;
  todayMs: number;
  now: string;
}

function generateActors(seed: number, count: number, now: string): Batch {
  const batch = new Batch("HealthActor", [
    ["id", "uuid"],
    ["kind", '"HealthActorKind"'],
    ["name", "text"],
    ["specialty", "text"],
    ["city", "text"],
    ["email", "text"],
    ["createdAt", T],
    ["updatedAt", T],
  ]);
  for (let k = 1; k <= count; k++) {
    const r = mulberry32(mixSeed(seed, 0xac7, k));
    const lastName = pick(r, LAST_NAMES);
    const city = pick(r, CITIES).city;
    let kind: "practitioner" | "establishment" = "practitioner";
    let name: string;
    let specialty: string;
    if (k % 10 === 0) {
      kind = "establishment";
      specialty = pick(r, ESTABLISHMENT_SPECIALTIES);
      name = specialty === "Clinique" ? `Clinique ${lastName}` : `${specialty} ${lastName} de ${city}`;
    } else {
      specialty = k % 3 === 1 ? "Médecin généraliste" : pick(r, PRACTITIONER_SPECIALTIES);
      const doctor = !/kinésithérapeute|orthophoniste|sage-femme/i.test(specialty);
      name = `${doctor ? "Dr " : ""}${pick(r, chance(r, 0.5) ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES)} ${lastName}`;
    }
    const createdAt = new Date(randomDate(r, 2016, 2022) + int(r, 8, 18) * 3_600_000).toISOString();
    batch.add(
      syntheticId(seed, "actor", k),
      kind,
      name,
      specialty,
      city,
      `synthetic+${seed}-actor-${k}@exemple.fr`,
      createdAt,
      now,
    );
  }
  return batch;
}

/** Adds patient n (1-based) and everything about them. `shared` is an elderly parent already
 * created by the previous account (its sibling), to be linked to this one too. */
function generatePatient(ctx: Ctx, n: number, b: Batches, shared: Person | undefined): Person | undefined {
  const { seed, now, todayMs } = ctx;
  const r = mulberry32(mixSeed(seed, n));
  const id = syntheticId(seed, "patient", n);
  const sex = chance(r, 0.52) ? "female" : "male";
  const firstName = pick(r, sex === "female" ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
  const lastName = pick(r, LAST_NAMES);
  const married = sex === "female" && chance(r, 0.25);
  const birthMs = randomDate(r, 1940, 2006);
  const place = pick(r, CITIES);
  const createdMs = randomDate(r, 2017, 2024) + int(r, 7 * 60, 23 * 60) * 60_000;
  const ts = (ms: number) => new Date(ms).toISOString();

  // Relatives: children, a spouse, and sometimes an elderly parent shared with the next account.
  const relatives: Person[] = [];
  const addRelative = (k: number, link: RelativeLink, birth: number, relSex: "female" | "male", last: string) => {
    const person = { id: syntheticId(seed, "relative", n, k), birthMs: birth };
    const minor = birth > todayMs - 18 * 365.25 * DAY;
    b.Relative.add(
      person.id,
      pick(r, relSex === "female" ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES),
      last,
      isoDay(birth),
      relSex,
      ts(createdMs),
      now,
    );
    b.PatientRelative.add(id, person.id, link, link === "child" && minor, ts(createdMs), now);
    relatives.push(person);
    return person;
  };
  if (chance(r, 0.35)) {
    const kids = int(r, 1, 3);
    for (let k = 1; k <= kids; k++) {
      addRelative(
        k,
        "child",
        Math.max(birthMs + 18 * 365 * DAY, randomDate(r, 2006, 2024)),
        chance(r, 0.5) ? "female" : "male",
        lastName,
      );
    }
  }
  if (chance(r, 0.15))
    addRelative(
      10,
      "spouse",
      Math.min(Date.UTC(2006, 0, 1), birthMs + int(r, -2000, 2000) * DAY),
      sex === "female" ? "male" : "female",
      lastName,
    );
  let parent: Person | undefined;
  if (n % 2 === 1 && chance(r, 0.08))
    parent = addRelative(20, "parent", randomDate(r, 1930, 1950), chance(r, 0.6) ? "female" : "male", lastName);
  if (shared) {
    b.PatientRelative.add(id, shared.id, "parent", chance(r, 0.3), ts(createdMs), now);
    relatives.push(shared);
  }

  b.Patient.add(
    id,
    `synthetic+${seed}-${n}@exemple.fr`,
    chance(r, 0.98),
    firstName,
    married ? pick(r, LAST_NAMES) : lastName,
    married ? lastName : null,
    isoDay(birthMs),
    pick(r, CITIES).city,
    sex,
    frenchMobile(r),
    `${int(r, 1, 150)} ${pick(r, STREETS)}`,
    place.postalCode,
    place.city,
    chance(r, 0.95) ? "fr" : "en",
    null,
    ts(createdMs),
    now,
  );

  // Appointments with a few usual actors.
  const usual = Array.from({ length: int(r, 1, 4) }, () => pick(r, ctx.actorIds));
  const count = int(r, Math.ceil(ctx.perPatient / 2), ctx.perPatient + Math.floor(ctx.perPatient / 2));
  let lastBooking = 0;
  const firstDay = Math.max(FROM, Math.ceil(createdMs / DAY) * DAY);
  for (let k = 0; k < count; k++) {
    const startsMs = firstDay + Math.floor(r() * ((TO - firstDay) / DAY)) * DAY + int(r, 14, 37) * 1_800_000;
    const who = relatives.length > 0 && chance(r, 0.2) ? pick(r, relatives) : undefined;
    const seen = who && who.birthMs < startsMs ? who.id : null;
    let status: AppointmentStatus;
    if (startsMs < todayMs) {
      const x = r();
      status = x < 0.82 ? "done" : x < 0.94 ? "cancelled" : "no_show";
    } else status = chance(r, 0.55) ? "upcoming" : "confirmed";
    let bookedMs = startsMs - int(r, 1, 60) * DAY - int(r, 0, 600) * 60_000;
    if (bookedMs >= todayMs) bookedMs = todayMs - int(r, 1, 90) * DAY + int(r, 420, 1380) * 60_000;
    bookedMs = Math.max(createdMs, bookedMs);
    if (bookedMs < todayMs) lastBooking = Math.max(lastBooking, bookedMs);
    b.Appointment.add(
      syntheticId(seed, "appointment", n, k),
      id,
      seen,
      pick(r, usual),
      ts(startsMs),
      status,
      pick(r, MOTIVES),
      ts(bookedMs),
      now,
    );
  }
  if (lastBooking > 0) b.Patient.columns[14]![b.Patient.length - 1] = ts(lastBooking);

  // Documents: mostly shared by an actor, some uploaded by the patient.
  const docs = int(r, 0, 5);
  for (let k = 0; k < docs; k++) {
    const kind = pick(r, DOCUMENT_KINDS);
    const byActor = chance(r, 0.65);
    const actor = byActor || chance(r, 0.5) ? pick(r, usual) : null;
    const who = relatives.length > 0 && chance(r, 0.15) ? pick(r, relatives).id : null;
    const at = Math.min(todayMs - DAY, Math.max(createdMs, randomDate(r, 2019, 2026))) + int(r, 8, 20) * 3_600_000;
    b.Document.add(
      syntheticId(seed, "document", n, k),
      id,
      who,
      actor,
      pick(r, DOCUMENT_TITLES[kind]),
      kind,
      byActor ? "health_actor" : "patient",
      ts(at),
      now,
    );
  }

  // Consents, some withdrawn later.
  CONSENT_ACTIVITIES.forEach((activity, k) => {
    if (!chance(r, CONSENT_RATES[activity])) return;
    const granted = createdMs + int(r, 0, 1500) * DAY;
    if (granted >= todayMs) return;
    const withdrawn = chance(r, 0.2) ? granted + int(r, 1, 900) * DAY : null;
    b.Consent.add(
      syntheticId(seed, "consent", n, k),
      id,
      activity,
      ts(granted),
      withdrawn !== null && withdrawn < todayMs ? ts(withdrawn) : null,
      ts(granted),
      now,
    );
  });

  for (const channel of MARKETING_CHANNELS) {
    if (chance(r, 0.5)) b.MarketingPreference.add(id, channel, chance(r, 0.4), ts(createdMs), now);
  }
  return parent;
}

// ---------------------------------------------------------------------------------------------
// Driver
// ---------------------------------------------------------------------------------------------

export async function generateSynthetic(db: Client, options: SyntheticOptions): Promise<SyntheticResult> {
  const N = Math.floor(options.patients);
  if (!Number.isFinite(N) || N < 1) throw new Error("generateSynthetic: patients must be at least 1");
  const seed = (options.seed ?? 1) >>> 0;
  const perPatient = options.appointmentsPerPatient ?? 8;
  if (perPatient < 0 || perPatient > 2000)
    throw new Error("generateSynthetic: appointmentsPerPatient must be in 0..2000");
  const batchSize = options.batchSize ?? 5000;
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const log = options.log ?? ((line: string) => console.log(line));
  const todayMs = Date.parse(`${options.today ?? "2026-12-01"}T00:00:00Z`);
  if (Number.isNaN(todayMs)) throw new Error("generateSynthetic: today must be YYYY-MM-DD");
  const now = new Date().toISOString();

  const started = performance.now();
  const rows = Object.fromEntries(SYNTHETIC_TABLES.map((t) => [t, 0])) as Record<SyntheticTable, number>;
  const total = () => Object.values(rows).reduce((a, b) => a + b, 0);
  const elapsed = () => (performance.now() - started) / 1000;
  const fmt = (x: number) => Math.round(x).toLocaleString("en-US");

  const actorCount = Math.max(20, Math.ceil(N / 200));
  const ctx: Ctx = {
    seed,
    perPatient,
    todayMs,
    now,
    actorIds: Array.from({ length: actorCount }, (_, k) => syntheticId(seed, "actor", k + 1)),
  };
  rows.HealthActor += await generateActors(seed, actorCount, now).write(db, batchSize);
  log(`synthetic seed ${seed}: ${fmt(actorCount)} health actors, ${fmt(N)} patients, ~${perPatient} appointments each`);

  // Chunks of an even number of patients, so that the parent shared by accounts 2k-1 and 2k is
  // always written with both of them.
  const chunkPatients = Math.max(2, Math.round(batchSize / Math.max(1, perPatient) / 2) * 2);
  let next = 1;
  let done = 0;
  let lastLog = performance.now();
  const worker = async () => {
    while (next <= N) {
      const first = next;
      const last = Math.min(N, first + chunkPatients - 1);
      next = last + 1;
      const b = newBatches();
      let shared: Person | undefined;
      for (let n = first; n <= last; n++) shared = generatePatient(ctx, n, b, shared);
      for (const batch of Object.values(b)) {
        const inserted = await batch.write(db, batchSize); // (not `rows[t] += await`: workers interleave)
        rows[batch.table] += inserted;
      }
      done += last - first + 1;
      if (performance.now() - lastLog > 2000 || done === N) {
        lastLog = performance.now();
        const s = elapsed();
        log(
          `  ${fmt(done)}/${fmt(N)} patients (${Math.floor((100 * done) / N)}%), ${fmt(total())} rows, ${s.toFixed(1)} s, ${fmt(total() / s)} rows/s`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));

  if (options.analyze ?? true) {
    await db.$executeRawUnsafe(`ANALYZE ${SYNTHETIC_TABLES.map((t) => `"${t}"`).join(", ")}`);
  }
  const seconds = elapsed();
  const result: SyntheticResult = {
    rows,
    totalRows: total(),
    seconds,
    rowsPerSecond: total() / seconds,
    healthActors: actorCount,
  };
  log(
    `done in ${seconds.toFixed(1)} s: ${fmt(result.totalRows)} rows (${fmt(result.rowsPerSecond)} rows/s)\n` +
      SYNTHETIC_TABLES.map((t) => `  ${t.padEnd(20)} ${fmt(rows[t]).padStart(12)}`).join("\n"),
  );
  return result;
}

// ---------------------------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      patients: { type: "string" },
      "appointments-per-patient": { type: "string" },
      seed: { type: "string" },
      "batch-size": { type: "string" },
      concurrency: { type: "string" },
      today: { type: "string" },
      url: { type: "string" },
      "no-analyze": { type: "boolean" },
    },
    allowPositionals: false,
  });
  const num = (name: string, v: string | undefined) => {
    if (v === undefined) return undefined;
    const x = Number(v.replace(/_/g, ""));
    if (!Number.isInteger(x) || x < 0) throw new Error(`--${name} must be a non-negative integer, got ${v}`);
    return x;
  };
  const patients = num("patients", values.patients);
  if (!patients) {
    console.error(
      "usage: tsx scripts/db/synthetic.ts --patients N [--appointments-per-patient M] [--seed S] [--batch-size B] [--concurrency C] [--today YYYY-MM-DD] [--url URL] [--no-analyze]",
    );
    process.exit(2);
  }
  const url = values.url ?? process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (or pass --url).");
  const concurrency = num("concurrency", values.concurrency) ?? 2;
  const db = createDb(url, concurrency + 1);
  try {
    await generateSynthetic(db, {
      patients,
      appointmentsPerPatient: num("appointments-per-patient", values["appointments-per-patient"]),
      seed: num("seed", values.seed),
      batchSize: num("batch-size", values["batch-size"]),
      concurrency,
      today: values.today,
      analyze: !values["no-analyze"],
    });
  } finally {
    await db.$disconnect();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
