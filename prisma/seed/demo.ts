/**
 * The French demo dataset: 7 patient accounts, 4 relatives (one minor child, one elderly parent held
 * by two accounts), 11 health actors, 71 appointments from 2019 to 2027, 18 documents, 15 consents and
 * marketing preferences. Every e-mail is at exemple.fr.
 *
 * Idempotent: every row has a fixed id (UUID v5 in DEMO_NAMESPACE) and seedDemo only creates the
 * rows that are missing, so a second run creates nothing and a run after a partial deletion
 * (e.g. an erasure request carried out on Camille) puts the missing rows back. Existing rows are
 * left as they are. The dates are fixed: "upcoming" appointments are from December 2026 on.
 */
import type { Db } from "@/lib/db";
import type {
  AppointmentStatus,
  DocumentKind,
  MarketingChannel,
  RelativeLink,
  Sex,
} from "@/lib/generated/prisma/client";
import {
  type Client,
  createAppointment,
  createConsent,
  createDocument,
  createHealthActor,
  createPatient,
  createRelative,
  day,
  setMarketingPreference,
} from "./factories";
import { uuidV5 } from "./random";
import { seedRecipientContacts } from "./recipient-contacts";

/** Namespace of the demo's UUIDs: id = uuidV5(DEMO_NAMESPACE, "<table>/<key>"). */
export const DEMO_NAMESPACE = "3d6f0f0e-8a51-4c1b-9f55-6e2b7f1a9c40";
const id = (name: string) => uuidV5(DEMO_NAMESPACE, name);

// ---------------------------------------------------------------------------------------------
// People and actors
// ---------------------------------------------------------------------------------------------

interface DemoPatientDef {
  firstName: string;
  lastName: string;
  birthName?: string;
  email: string;
  birthDate: string;
  birthPlace: string;
  sex: Sex;
  phone: string;
  street: string;
  postalCode: string;
  city: string;
  locale?: "fr" | "en";
  since: string;
  lastBookingAt: string;
}

const patient = <K extends string>(key: K, p: DemoPatientDef) => ({ key, id: id(`patient/${key}`), ...p });

/** The demo's account holders, by key. */
export const DEMO_PATIENTS = {
  camille: patient("camille", {
    firstName: "Camille",
    lastName: "Martin",
    email: "camille.martin@exemple.fr",
    birthDate: "1986-04-12",
    birthPlace: "Villeurbanne",
    sex: "female",
    phone: "+33 6 12 34 56 78",
    street: "14 rue de la République",
    postalCode: "69002",
    city: "Lyon",
    since: "2018-11-05T19:42:00Z",
    lastBookingAt: "2026-11-02T20:15:00Z",
  }),
  thomas: patient("thomas", {
    firstName: "Thomas",
    lastName: "Petit",
    email: "thomas.petit@exemple.fr",
    birthDate: "1979-09-03",
    birthPlace: "Saint-Nazaire",
    sex: "male",
    phone: "+33 6 23 45 67 89",
    street: "8 quai de la Fosse",
    postalCode: "44000",
    city: "Nantes",
    since: "2019-05-12T08:03:00Z",
    lastBookingAt: "2026-11-20T07:40:00Z",
  }),
  julien: patient("julien", {
    firstName: "Julien",
    lastName: "Bernard",
    email: "julien.bernard@exemple.fr",
    birthDate: "1968-01-25",
    birthPlace: "Bordeaux",
    sex: "male",
    phone: "+33 6 34 56 78 90",
    street: "27 cours de l'Intendance",
    postalCode: "33000",
    city: "Bordeaux",
    since: "2019-02-20T12:30:00Z",
    lastBookingAt: "2026-11-18T12:05:00Z",
  }),
  claire: patient("claire", {
    firstName: "Claire",
    lastName: "Moreau",
    birthName: "Bernard",
    email: "claire.moreau@exemple.fr",
    birthDate: "1971-07-08",
    birthPlace: "Bordeaux",
    sex: "female",
    phone: "+33 6 45 67 89 01",
    street: "5 allée des Tilleuls",
    postalCode: "31000",
    city: "Toulouse",
    since: "2019-06-18T21:10:00Z",
    lastBookingAt: "2026-11-10T18:22:00Z",
  }),
  nadia: patient("nadia", {
    firstName: "Nadia",
    lastName: "Benali",
    email: "nadia.benali@exemple.fr",
    birthDate: "1983-11-30",
    birthPlace: "Aix-en-Provence",
    sex: "female",
    phone: "+33 7 56 78 90 12",
    street: "42 boulevard Baille",
    postalCode: "13006",
    city: "Marseille",
    since: "2019-08-28T09:45:00Z",
    lastBookingAt: "2026-11-15T10:00:00Z",
  }),
  lucas: patient("lucas", {
    firstName: "Lucas",
    lastName: "Dubois",
    email: "lucas.dubois@exemple.fr",
    birthDate: "1992-03-17",
    birthPlace: "Rennes",
    sex: "male",
    phone: "+33 7 67 89 01 23",
    street: "3 rue Crébillon",
    postalCode: "44000",
    city: "Nantes",
    since: "2019-06-10T17:20:00Z",
    lastBookingAt: "2026-11-21T16:48:00Z",
  }),
  sarah: patient("sarah", {
    firstName: "Sarah",
    lastName: "Lefèvre",
    email: "sarah.lefevre@exemple.fr",
    birthDate: "1995-05-22",
    birthPlace: "Paris",
    sex: "female",
    phone: "+33 6 78 90 12 34",
    street: "61 rue Oberkampf",
    postalCode: "75011",
    city: "Paris",
    locale: "en",
    since: "2019-01-14T22:05:00Z",
    lastBookingAt: "2026-10-30T09:12:00Z",
  }),
} as const;
export type DemoPatientKey = keyof typeof DEMO_PATIENTS;

interface DemoRelativeDef {
  firstName: string;
  lastName: string;
  birthDate: string;
  sex: Sex;
  link: RelativeLink;
  /** The accounts holding this relative, each with whether it is the legal representative. */
  accounts: Partial<Record<DemoPatientKey, boolean>>;
}
const relative = <K extends string>(key: K, r: DemoRelativeDef) => ({ key, id: id(`relative/${key}`), ...r });

/** The demo's relatives ("proches"). Jeanne Bernard is held by her two children's accounts; Claire
 * is her legal representative (habilitation familiale), Julien is not. */
export const DEMO_RELATIVES = {
  leo: relative("leo", {
    firstName: "Léo",
    lastName: "Martin",
    birthDate: "2016-06-21",
    sex: "male",
    link: "child",
    accounts: { camille: true },
  }),
  jeanne: relative("jeanne", {
    firstName: "Jeanne",
    lastName: "Bernard",
    birthDate: "1941-02-14",
    sex: "female",
    link: "parent",
    accounts: { julien: false, claire: true },
  }),
  ines: relative("ines", {
    firstName: "Inès",
    lastName: "Benali",
    birthDate: "2012-10-03",
    sex: "female",
    link: "child",
    accounts: { nadia: true },
  }),
  emma: relative("emma", {
    firstName: "Emma",
    lastName: "Dubois",
    birthDate: "1993-08-09",
    sex: "female",
    link: "spouse",
    accounts: { lucas: false },
  }),
} as const;
export type DemoRelativeKey = keyof typeof DEMO_RELATIVES;

const actor = <K extends string>(
  key: K,
  kind: "practitioner" | "establishment",
  name: string,
  specialty: string,
  city: string,
  email: string,
) => ({ key, id: id(`health-actor/${key}`), kind, name, specialty, city, email });

/** The demo's health actors, by key. */
export const DEMO_ACTORS = {
  dupont: actor("dupont", "practitioner", "Dr Antoine Dupont", "Médecin généraliste", "Lyon", "dr.dupont@exemple.fr"),
  rousseau: actor("rousseau", "practitioner", "Dr Hélène Rousseau", "Pédiatre", "Lyon", "dr.rousseau@exemple.fr"),
  lefebvre: actor("lefebvre", "practitioner", "Dr Marc Lefebvre", "Dermatologue", "Lyon", "dr.lefebvre@exemple.fr"),
  mercier: actor("mercier", "practitioner", "Dr Paul Mercier", "Chirurgien-dentiste", "Lyon", "dr.mercier@exemple.fr"),
  garnier: actor("garnier", "practitioner", "Julie Garnier", "Kinésithérapeute", "Nantes", "julie.garnier@exemple.fr"),
  girard: actor("girard", "practitioner", "Dr Sophie Girard", "Médecin généraliste", "Nantes", "dr.girard@exemple.fr"),
  fontaine: actor(
    "fontaine",
    "practitioner",
    "Dr Isabelle Fontaine",
    "Médecin généraliste",
    "Bordeaux",
    "dr.fontaine@exemple.fr",
  ),
  haddad: actor("haddad", "practitioner", "Dr Karim Haddad", "Ophtalmologue", "Marseille", "dr.haddad@exemple.fr"),
  chevalier: actor(
    "chevalier",
    "practitioner",
    "Dr Élodie Chevalier",
    "Gynécologue",
    "Paris",
    "dr.chevalier@exemple.fr",
  ),
  tilleuls: actor(
    "tilleuls",
    "establishment",
    "Clinique des Tilleuls",
    "Clinique",
    "Toulouse",
    "accueil.clinique-des-tilleuls@exemple.fr",
  ),
  deuxRives: actor(
    "deuxRives",
    "establishment",
    "Centre hospitalier des Deux-Rives",
    "Centre hospitalier",
    "Nantes",
    "secretariat.ch-deux-rives@exemple.fr",
  ),
} as const;
export type DemoActorKey = keyof typeof DEMO_ACTORS;

/** Members of some actors' inboxes (the others get their registered address as admin at the first forwarding). */
export const DEMO_MEMBERS: { actor: DemoActorKey; email: string; name: string; role: "admin" | "member" }[] = [
  { actor: "dupont", email: "dr.dupont@exemple.fr", name: "Dr Antoine Dupont", role: "admin" },
  { actor: "dupont", email: "secretariat.dupont@exemple.fr", name: "Secrétariat du Dr Dupont", role: "member" },
  { actor: "rousseau", email: "dr.rousseau@exemple.fr", name: "Dr Hélène Rousseau", role: "admin" },
  { actor: "lefebvre", email: "dr.lefebvre@exemple.fr", name: "Dr Marc Lefebvre", role: "admin" },
  {
    actor: "tilleuls",
    email: "accueil.clinique-des-tilleuls@exemple.fr",
    name: "Accueil de la Clinique des Tilleuls",
    role: "admin",
  },
  {
    actor: "tilleuls",
    email: "dpo.clinique-des-tilleuls@exemple.fr",
    name: "Référent RGPD de la clinique",
    role: "member",
  },
];

// ---------------------------------------------------------------------------------------------
// Activity: appointments, documents, consents, marketing
// ---------------------------------------------------------------------------------------------

/** [starts at (UTC, "YYYY-MM-DDTHH:MM"), actor, status, motive, relative seen (if not the holder)] */
type A = [string, DemoActorKey, AppointmentStatus, string, DemoRelativeKey?];

const APPOINTMENTS: Record<DemoPatientKey, A[]> = {
  camille: [
    ["2019-02-11T08:30", "dupont", "done", "Consultation de suivi"],
    ["2019-04-03T14:00", "rousseau", "done", "Vaccination", "leo"],
    ["2019-10-07T09:00", "dupont", "done", "Vaccination"],
    ["2020-01-22T15:30", "rousseau", "done", "Consultation de suivi", "leo"],
    ["2020-06-15T13:00", "lefebvre", "done", "Première consultation"],
    ["2020-06-29T13:00", "lefebvre", "cancelled", "Contrôle"],
    ["2021-03-22T08:00", "dupont", "done", "Renouvellement d'ordonnance"],
    ["2021-09-01T13:30", "rousseau", "done", "Certificat médical", "leo"],
    ["2022-09-05T14:30", "lefebvre", "no_show", "Contrôle"],
    ["2022-11-30T14:00", "rousseau", "cancelled", "Consultation de suivi", "leo"],
    ["2023-01-16T09:30", "mercier", "done", "Détartrage"],
    ["2023-02-15T14:00", "dupont", "done", "Consultation pour fièvre", "leo"],
    ["2024-05-13T12:00", "dupont", "done", "Bilan annuel"],
    ["2024-10-09T13:00", "rousseau", "done", "Vaccination", "leo"],
    ["2025-02-10T18:00", "dupont", "done", "Téléconsultation"],
    ["2025-09-10T13:30", "rousseau", "no_show", "Bilan de santé", "leo"],
    ["2025-11-03T10:00", "mercier", "cancelled", "Soins dentaires"],
    ["2026-03-09T08:30", "dupont", "done", "Consultation de suivi"],
    ["2026-12-02T15:00", "rousseau", "confirmed", "Consultation de suivi", "leo"],
    ["2026-12-14T09:00", "dupont", "confirmed", "Vaccination"],
    ["2027-02-08T15:00", "lefebvre", "upcoming", "Contrôle"],
    ["2027-06-16T14:00", "rousseau", "upcoming", "Vaccination", "leo"],
  ],
  thomas: [
    ["2019-05-20T07:30", "girard", "done", "Première consultation"],
    ["2019-11-18T17:00", "girard", "done", "Renouvellement d'ordonnance"],
    ["2020-02-10T16:00", "garnier", "done", "Séance de rééducation"],
    ["2020-02-17T16:00", "garnier", "done", "Séance de rééducation"],
    ["2020-02-24T16:00", "garnier", "cancelled", "Séance de rééducation"],
    ["2021-07-12T08:00", "deuxRives", "done", "Consultation pré-opératoire"],
    ["2022-04-04T09:00", "girard", "no_show", "Consultation de suivi"],
    ["2023-10-02T17:30", "girard", "done", "Vaccination"],
    ["2025-01-20T08:30", "deuxRives", "done", "Consultation de suivi"],
    ["2026-12-07T17:00", "garnier", "upcoming", "Séance de rééducation"],
    ["2027-01-11T08:00", "girard", "confirmed", "Bilan annuel"],
  ],
  julien: [
    ["2019-03-04T10:00", "fontaine", "done", "Consultation de suivi"],
    ["2019-12-02T14:00", "fontaine", "done", "Visite à domicile", "jeanne"],
    ["2020-09-14T09:30", "fontaine", "done", "Vaccination"],
    ["2021-05-17T14:30", "fontaine", "done", "Vaccination", "jeanne"],
    ["2022-01-10T10:30", "fontaine", "cancelled", "Renouvellement d'ordonnance"],
    ["2023-06-12T13:00", "fontaine", "done", "Renouvellement d'ordonnance", "jeanne"],
    ["2024-06-03T08:00", "fontaine", "done", "Bilan annuel"],
    ["2026-12-21T14:00", "fontaine", "confirmed", "Consultation de suivi", "jeanne"],
    ["2027-03-01T09:00", "fontaine", "upcoming", "Consultation de suivi"],
  ],
  claire: [
    ["2019-07-01T09:00", "tilleuls", "done", "Consultation de suivi"],
    ["2020-10-05T08:00", "tilleuls", "done", "Consultation de cardiologie", "jeanne"],
    ["2021-11-08T07:45", "tilleuls", "done", "Bilan annuel"],
    ["2022-03-21T07:30", "tilleuls", "done", "Hospitalisation de jour", "jeanne"],
    ["2024-02-26T09:30", "tilleuls", "cancelled", "Consultation de suivi", "jeanne"],
    ["2025-04-14T08:15", "tilleuls", "no_show", "Contrôle"],
    ["2027-01-25T10:00", "tilleuls", "upcoming", "Consultation de suivi", "jeanne"],
    ["2027-05-10T09:00", "tilleuls", "upcoming", "Contrôle"],
  ],
  nadia: [
    ["2019-09-09T12:00", "haddad", "done", "Première consultation"],
    ["2020-03-02T15:00", "haddad", "done", "Bilan ophtalmologique", "ines"],
    ["2021-02-01T13:00", "haddad", "done", "Contrôle"],
    ["2022-10-17T15:30", "haddad", "cancelled", "Contrôle", "ines"],
    ["2023-09-18T12:30", "haddad", "done", "Contrôle"],
    ["2024-11-04T16:00", "haddad", "done", "Contrôle", "ines"],
    ["2026-12-09T16:30", "haddad", "confirmed", "Contrôle", "ines"],
    ["2027-09-13T12:00", "haddad", "upcoming", "Contrôle"],
  ],
  lucas: [
    ["2019-06-24T18:00", "girard", "done", "Certificat médical"],
    ["2021-04-19T17:30", "girard", "done", "Consultation de suivi", "emma"],
    ["2022-08-22T08:30", "deuxRives", "done", "Urgence"],
    ["2023-12-04T18:30", "girard", "no_show", "Consultation de suivi"],
    ["2025-10-13T17:00", "girard", "done", "Vaccination"],
    ["2026-12-28T17:30", "girard", "upcoming", "Vaccination", "emma"],
    ["2027-04-05T18:00", "girard", "upcoming", "Bilan annuel"],
  ],
  sarah: [
    ["2019-01-28T11:00", "chevalier", "done", "Première consultation"],
    ["2020-12-07T11:30", "chevalier", "done", "Consultation de suivi"],
    ["2022-12-12T10:00", "chevalier", "cancelled", "Consultation de suivi"],
    ["2024-12-09T10:30", "chevalier", "done", "Bilan annuel"],
    ["2026-04-20T10:30", "lefebvre", "done", "Téléconsultation"],
    ["2027-11-15T11:00", "chevalier", "upcoming", "Bilan annuel"],
  ],
};

/** [title, kind, shared by the health actor (true) or the patient (false), actor, date, relative] */
type D = [string, DocumentKind, boolean, DemoActorKey | null, string, DemoRelativeKey?];

const DOCUMENTS: Record<DemoPatientKey, D[]> = {
  camille: [
    ["Carnet de vaccination de Léo", "other", false, "rousseau", "2019-04-01", "leo"],
    ["Compte rendu de consultation dermatologique", "report", true, "lefebvre", "2020-06-15"],
    ["Ordonnance – Dr Antoine Dupont", "prescription", true, "dupont", "2021-03-22"],
    ["Certificat d'aptitude au sport – Léo", "other", true, "rousseau", "2021-09-01", "leo"],
    ["Attestation de mutuelle", "other", false, null, "2022-01-05"],
    ["Résultats d'analyses sanguines", "test_result", false, "dupont", "2023-01-20"],
  ],
  thomas: [
    ["Ordonnance de kinésithérapie", "prescription", true, "girard", "2019-11-18"],
    ["Radiographie du genou", "test_result", false, "garnier", "2020-02-10"],
    ["Compte rendu opératoire", "report", true, "deuxRives", "2021-07-20"],
  ],
  julien: [
    ["Ordonnance – Jeanne Bernard", "prescription", true, "fontaine", "2023-06-12", "jeanne"],
    ["Bilan lipidique", "test_result", true, "fontaine", "2024-06-05"],
  ],
  claire: [
    ["Lettre de liaison", "letter", true, "tilleuls", "2021-11-08"],
    ["Compte rendu d'hospitalisation de jour", "report", true, "tilleuls", "2022-03-21", "jeanne"],
  ],
  nadia: [
    ["Prescription de lunettes", "prescription", true, "haddad", "2019-09-09"],
    ["Bilan orthoptique", "test_result", false, "haddad", "2020-03-05", "ines"],
  ],
  lucas: [["Certificat médical de non contre-indication", "other", true, "girard", "2019-06-24"]],
  sarah: [
    ["Résultats de frottis", "test_result", true, "chevalier", "2024-12-20"],
    ["Ordonnance", "prescription", true, "lefebvre", "2026-04-20"],
  ],
};

/** [activity key, granted at, withdrawn at] */
type C = [string, string, string?];

const CONSENTS: Record<DemoPatientKey, C[]> = {
  camille: [
    ["personalised_services", "2019-02-01T18:00:00Z"],
    ["direct_marketing", "2020-01-15T20:30:00Z"],
    ["map_service", "2021-05-10T12:00:00Z", "2023-08-30T07:45:00Z"],
    ["research_statistics", "2022-04-02T09:10:00Z"],
  ],
  thomas: [
    ["personalised_services", "2019-05-15T08:00:00Z"],
    ["direct_marketing", "2019-05-15T08:00:00Z", "2024-02-01T19:30:00Z"],
  ],
  julien: [
    ["personalised_services", "2019-03-01T10:00:00Z"],
    ["research_statistics", "2020-10-10T16:20:00Z"],
  ],
  claire: [["map_service", "2019-07-01T08:30:00Z"]],
  nadia: [
    ["personalised_services", "2019-09-01T11:00:00Z"],
    ["direct_marketing", "2019-09-01T11:00:00Z"],
  ],
  lucas: [
    ["personalised_services", "2019-06-20T17:00:00Z"],
    ["map_service", "2022-08-22T06:50:00Z"],
    ["research_statistics", "2023-01-02T21:00:00Z", "2025-06-30T10:00:00Z"],
  ],
  sarah: [["personalised_services", "2019-01-20T13:00:00Z"]],
};

const MARKETING: Record<DemoPatientKey, Partial<Record<MarketingChannel, boolean>>> = {
  camille: { email: true, push: true, sms: false, in_app: true },
  thomas: { email: false, push: false, sms: false, in_app: false },
  julien: { email: true, sms: true },
  claire: { email: false, push: true },
  nadia: { email: true, push: true, sms: true, in_app: true },
  lucas: { email: false, in_app: true },
  sarah: { email: true, push: false },
};

// ---------------------------------------------------------------------------------------------
// Seeding
// ---------------------------------------------------------------------------------------------

export interface DemoSeedResult {
  /** Rows created by this run, per table (all zero when the demo was already complete). */
  created: Record<
    | "patients"
    | "relatives"
    | "patientRelatives"
    | "healthActors"
    | "appointments"
    | "documents"
    | "consents"
    | "marketingPreferences"
    | "recipientContacts",
    number
  >;
}

const entries = <K extends string, V>(o: Partial<Record<K, V>>) => Object.entries(o) as [K, V][];
const appointmentId = (p: DemoPatientKey, at: string) => id(`appointment/${p}/${at}`);
const documentId = (p: DemoPatientKey, title: string, date: string) => id(`document/${p}/${date}/${title}`);
const consentId = (p: DemoPatientKey, key: string, at: string) => id(`consent/${p}/${key}/${at}`);
const utc = (at: string) => new Date(at.length === 16 ? `${at}:00Z` : at);

/** Creates the demo rows that are missing. Runs in one transaction when given a client. */
export async function seedDemo(db: Client): Promise<DemoSeedResult> {
  if ("$transaction" in db) {
    return (db as Db).$transaction((tx) => seedDemoIn(tx), { timeout: 120_000, maxWait: 20_000 });
  }
  return seedDemoIn(db);
}

async function seedDemoIn(tx: Client): Promise<DemoSeedResult> {
  const created: DemoSeedResult["created"] = {
    patients: 0,
    relatives: 0,
    patientRelatives: 0,
    healthActors: 0,
    appointments: 0,
    documents: 0,
    consents: 0,
    marketingPreferences: 0,
    recipientContacts: 0,
  };
  const idSet = (rows: { id: string }[]) => new Set(rows.map((r) => r.id));
  const inIds = (ids: string[]) => ({ where: { id: { in: ids } }, select: { id: true } }) as const;

  // Health actors.
  const actors = Object.values(DEMO_ACTORS);
  const haveActors = idSet(await tx.healthActor.findMany(inIds(actors.map((a) => a.id))));
  for (const { key: _key, ...a } of actors) {
    if (haveActors.has(a.id)) continue;
    await createHealthActor(tx, { ...a, createdAt: utc("2018-09-03T08:00:00Z") });
    created.healthActors++;
  }
  await tx.actorMember.createMany({
    data: DEMO_MEMBERS.map((m) => ({
      healthActorId: DEMO_ACTORS[m.actor].id,
      email: m.email,
      name: m.name,
      role: m.role,
      joinedAt: utc("2024-01-08T08:00:00Z"),
    })),
    skipDuplicates: true,
  });

  // Patients.
  const patients = entries<DemoPatientKey, (typeof DEMO_PATIENTS)[DemoPatientKey]>(DEMO_PATIENTS);
  const havePatients = idSet(await tx.patient.findMany(inIds(patients.map(([, p]) => p.id))));
  for (const [, p] of patients) {
    if (havePatients.has(p.id)) continue;
    const clash = await tx.patient.findUnique({ where: { email: p.email }, select: { id: true } });
    if (clash)
      throw new Error(`seedDemo: ${p.email} already belongs to another patient (${clash.id}); remove it first.`);
    const { key: _key, since, lastBookingAt, birthDate, locale, birthName, ...data } = p;
    await createPatient(tx, {
      ...data,
      birthName: birthName ?? null,
      locale: locale ?? "fr",
      birthDate: day(birthDate),
      createdAt: utc(since),
      lastBookingAt: utc(lastBookingAt),
    });
    created.patients++;
  }

  // Relatives and the accounts that hold them.
  const relatives = Object.values(DEMO_RELATIVES);
  const haveRelatives = idSet(await tx.relative.findMany(inIds(relatives.map((r) => r.id))));
  for (const r of relatives) {
    const accounts = entries<DemoPatientKey, boolean>(r.accounts);
    if (!haveRelatives.has(r.id)) {
      const [first] = accounts;
      if (!first) continue;
      await createRelative(tx, DEMO_PATIENTS[first[0]].id, r.link, first[1], {
        id: r.id,
        firstName: r.firstName,
        lastName: r.lastName,
        birthDate: day(r.birthDate),
        sex: r.sex,
      });
      created.relatives++;
      created.patientRelatives++;
    }
    const links = await tx.patientRelative.createMany({
      data: accounts.map(([p, legal]) => ({
        patientId: DEMO_PATIENTS[p].id,
        relativeId: r.id,
        link: r.link,
        legalRepresentative: legal,
      })),
      skipDuplicates: true,
    });
    created.patientRelatives += links.count;
  }

  // Appointments (booked two weeks before, in the evening, and none after November 2026).
  const BOOKED_BY = Date.UTC(2026, 10, 20, 19, 30);
  const appointments = entries(APPOINTMENTS).flatMap(([p, list]) =>
    list.map((a) => ({ p, a, id: appointmentId(p, a[0]) })),
  );
  const haveAppointments = idSet(await tx.appointment.findMany(inIds(appointments.map((x) => x.id))));
  for (const { p, a, id: appointment } of appointments) {
    if (haveAppointments.has(appointment)) continue;
    const [at, actorKey, status, motive, rel] = a;
    const startsAt = utc(at);
    await createAppointment(tx, {
      id: appointment,
      patientId: DEMO_PATIENTS[p].id,
      relativeId: rel ? DEMO_RELATIVES[rel].id : null,
      healthActorId: DEMO_ACTORS[actorKey].id,
      startsAt,
      status,
      mode: motive === "Téléconsultation" ? "video" : "in_person",
      motive,
      createdAt: new Date(
        Math.min(
          BOOKED_BY,
          Date.UTC(startsAt.getUTCFullYear(), startsAt.getUTCMonth(), startsAt.getUTCDate() - 14, 19, 30),
        ),
      ),
    });
    created.appointments++;
  }

  // Documents.
  const documents = entries(DOCUMENTS).flatMap(([p, list]) =>
    list.map((d) => ({ p, d, id: documentId(p, d[0], d[4]) })),
  );
  const haveDocuments = idSet(await tx.document.findMany(inIds(documents.map((x) => x.id))));
  for (const { p, d, id: document } of documents) {
    if (haveDocuments.has(document)) continue;
    const [title, kind, byActor, actorKey, date, rel] = d;
    await createDocument(tx, {
      id: document,
      patientId: DEMO_PATIENTS[p].id,
      relativeId: rel ? DEMO_RELATIVES[rel].id : null,
      healthActorId: actorKey ? DEMO_ACTORS[actorKey].id : null,
      title,
      kind,
      sharedBy: byActor ? "health_actor" : "patient",
      createdAt: utc(`${date}T17:00`),
    });
    created.documents++;
  }

  // Consents.
  const consents = entries(CONSENTS).flatMap(([p, list]) => list.map((c) => ({ p, c, id: consentId(p, c[0], c[1]) })));
  const haveConsents = idSet(await tx.consent.findMany(inIds(consents.map((x) => x.id))));
  for (const { p, c, id: consent } of consents) {
    if (haveConsents.has(consent)) continue;
    const [activityKey, grantedAt, withdrawnAt] = c;
    await createConsent(tx, {
      id: consent,
      patientId: DEMO_PATIENTS[p].id,
      activityKey,
      grantedAt: utc(grantedAt),
      withdrawnAt: withdrawnAt ? utc(withdrawnAt) : null,
      createdAt: utc(grantedAt),
    });
    created.consents++;
  }

  // Marketing preferences (only the missing ones: a choice changed since is kept).
  const prefs = await tx.marketingPreference.findMany({
    where: { patientId: { in: patients.map(([, p]) => p.id) } },
    select: { patientId: true, channel: true },
  });
  const havePrefs = new Set(prefs.map((x) => `${x.patientId}/${x.channel}`));
  for (const [p, channels] of entries(MARKETING)) {
    for (const [channel, optedIn] of entries<MarketingChannel, boolean>(channels)) {
      if (havePrefs.has(`${DEMO_PATIENTS[p].id}/${channel}`)) continue;
      await setMarketingPreference(tx, DEMO_PATIENTS[p].id, channel, optedIn);
      created.marketingPreferences++;
    }
  }

  // Contacts of a few recipients for the Art. 19 notices.
  created.recipientContacts = await seedRecipientContacts(tx);

  return { created };
}
