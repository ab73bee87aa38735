import { db } from "@/lib/db";
import { DEMO_ACTORS } from "@/prisma/seed/demo";
import { uniqueEmail } from "./support";

/**
 * A family next to the demo's: Alice's account holds Hugo (her son, seen by Dr Dupont), Zoé (a
 * profile with no appointment) and Rose (her mother, also held by her brother Bruno's account).
 */
export async function family(options: { appointments?: boolean } = {}) {
  const withAppointments = options.appointments ?? true;
  const person = (firstName: string, email: string) => ({
    firstName,
    lastName: "Morel",
    email,
    birthDate: new Date("1980-02-03"),
    phone: "+33 6 00 00 00 00",
    street: "1 rue Haute",
    postalCode: "69001",
    city: "Lyon",
  });
  const alice = await db().patient.create({ data: person("Alice", uniqueEmail("alice")) });
  const bruno = await db().patient.create({
    data: { ...person("Bruno", uniqueEmail("bruno")), birthDate: new Date("1977-05-06") },
  });
  const relative = (firstName: string, birthDate: string) =>
    db().relative.create({ data: { firstName, lastName: "Morel", birthDate: new Date(birthDate) } });
  const [hugo, zoe, rose] = [
    await relative("Hugo", "2015-03-04"),
    await relative("Zoé", "2019-07-08"),
    await relative("Rose", "1950-09-10"),
  ];
  await db().patientRelative.createMany({
    data: [
      { patientId: alice.id, relativeId: hugo.id, link: "child", legalRepresentative: true },
      { patientId: alice.id, relativeId: zoe.id, link: "child", legalRepresentative: true },
      { patientId: alice.id, relativeId: rose.id, link: "parent" },
      { patientId: bruno.id, relativeId: rose.id, link: "parent" },
    ],
  });
  if (withAppointments) {
    await db().appointment.createMany({
      data: [
        {
          patientId: alice.id,
          healthActorId: DEMO_ACTORS.dupont.id,
          startsAt: new Date("2026-03-02T09:00:00Z"),
          status: "done",
          motive: "Consultation",
        },
        {
          patientId: alice.id,
          relativeId: hugo.id,
          healthActorId: DEMO_ACTORS.rousseau.id,
          startsAt: new Date("2026-04-02T09:00:00Z"),
          status: "done",
          motive: "Vaccin",
        },
        {
          patientId: bruno.id,
          relativeId: rose.id,
          healthActorId: DEMO_ACTORS.dupont.id,
          startsAt: new Date("2026-05-02T09:00:00Z"),
          status: "done",
          motive: "Suivi",
        },
      ],
    });
  }
  await db().document.createMany({
    data: [
      {
        patientId: alice.id,
        healthActorId: DEMO_ACTORS.dupont.id,
        title: "Ordonnance Alice",
        kind: "prescription",
        sharedBy: "health_actor",
      },
      { patientId: alice.id, title: "Bilan sanguin Alice", kind: "test_result", sharedBy: "patient" },
      { patientId: alice.id, relativeId: rose.id, title: "Compte rendu Rose", kind: "report", sharedBy: "patient" },
      {
        patientId: bruno.id,
        relativeId: rose.id,
        title: "Ordonnance Rose (Bruno)",
        kind: "prescription",
        sharedBy: "health_actor",
      },
    ],
  });
  await db().consent.createMany({
    data: [
      { patientId: alice.id, activityKey: "personalised_services", grantedAt: new Date("2025-01-01T10:00:00Z") },
      { patientId: alice.id, activityKey: "map_service", grantedAt: new Date("2025-01-01T10:00:00Z") },
    ],
  });
  await db().marketingPreference.createMany({
    data: (["email", "sms"] as const).map((channel) => ({ patientId: alice.id, channel, optedIn: true })),
  });
  return { alice, bruno, hugo, zoe, rose };
}

export const TABLES = [
  "patient",
  "relative",
  "patientRelative",
  "appointment",
  "document",
  "consent",
  "marketingPreference",
  "marketingSuppression",
] as const;
type Table = (typeof TABLES)[number];
export type Row = Record<string, unknown>;

const keyOf = (table: Table, row: Row) =>
  table === "patientRelative"
    ? `${row.patientId}/${row.relativeId}`
    : table === "marketingPreference"
      ? `${row.patientId}/${row.channel}`
      : table === "marketingSuppression"
        ? String(row.emailHash)
        : String(row.id);

/** Every row of the tables an erasure may touch, by key. */
export async function snapshot(): Promise<Record<Table, Map<string, string>>> {
  const result = {} as Record<Table, Map<string, string>>;
  for (const table of TABLES) {
    const rows = (await (db()[table] as unknown as { findMany: () => Promise<Row[]> }).findMany()) as Row[];
    result[table] = new Map(rows.map((r) => [keyOf(table, r), JSON.stringify(r)]));
  }
  return result;
}

/** What changed between two snapshots: keys removed, added and modified, per table (empty tables left out). */
export function diff(before: Awaited<ReturnType<typeof snapshot>>, after: Awaited<ReturnType<typeof snapshot>>) {
  const changes: Partial<Record<Table, { removed: string[]; added: string[]; changed: string[] }>> = {};
  for (const table of TABLES) {
    const b = before[table];
    const a = after[table];
    const removed = [...b.keys()].filter((k) => !a.has(k)).sort();
    const added = [...a.keys()].filter((k) => !b.has(k)).sort();
    const changed = [...b.keys()].filter((k) => a.has(k) && a.get(k) !== b.get(k)).sort();
    if (removed.length + added.length + changed.length > 0) changes[table] = { removed, added, changed };
  }
  return changes;
}

/** The ids of a patient's rows in a snapshot. */
export function idsOf(table: "consent", snap: Awaited<ReturnType<typeof snapshot>>, patientId: string) {
  return [...snap[table].entries()]
    .filter(([, row]) => (JSON.parse(row) as Row).patientId === patientId)
    .map(([key]) => key);
}
