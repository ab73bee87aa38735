/**
 * Small factories shared by the demo seed (prisma/seed/demo.ts), the synthetic generator and the
 * tests. Each takes a client or a transaction and overrides, and fills the rest with plausible
 * French data.
 *
 * Defaults are deterministic: they are drawn from `rng` when one is passed, otherwise from a
 * mulberry32 seeded by the number of factory calls made so far in the process. The one exception
 * is the default e-mail, which carries a per-process token so that it never collides with rows
 * left by an earlier run on the same database (pass `email` to choose it).
 */
import type { Db, Tx } from "@/lib/db";
import type {
  Appointment,
  Consent,
  Document,
  DocumentKind,
  HealthActor,
  MarketingChannel,
  MarketingPreference,
  Patient,
  Prisma,
  Relative,
  RelativeLink,
} from "@/lib/generated/prisma/client";
import { int, mixSeed, mulberry32, pick, type Rng } from "./random";

export type Client = Db | Tx;

// ---------------------------------------------------------------------------------------------
// French reference data (also used by scripts/db/synthetic.ts)
// ---------------------------------------------------------------------------------------------

export const FEMALE_FIRST_NAMES = [
  "Camille",
  "Léa",
  "Manon",
  "Chloé",
  "Emma",
  "Inès",
  "Sarah",
  "Julie",
  "Claire",
  "Sophie",
  "Nathalie",
  "Isabelle",
  "Hélène",
  "Élodie",
  "Aurélie",
  "Céline",
  "Margaux",
  "Louise",
  "Jeanne",
  "Zoé",
] as const;
export const MALE_FIRST_NAMES = [
  "Thomas",
  "Lucas",
  "Hugo",
  "Louis",
  "Nicolas",
  "Julien",
  "Antoine",
  "Maxime",
  "Pierre",
  "Mathieu",
  "Olivier",
  "Sébastien",
  "François",
  "Karim",
  "Théo",
  "Léo",
  "Paul",
  "Gabriel",
  "Arthur",
  "Yanis",
] as const;
export const LAST_NAMES = [
  "Martin",
  "Bernard",
  "Thomas",
  "Petit",
  "Robert",
  "Richard",
  "Durand",
  "Dubois",
  "Moreau",
  "Laurent",
  "Simon",
  "Michel",
  "Lefèvre",
  "Leroy",
  "Roux",
  "David",
  "Bertrand",
  "Morel",
  "Fournier",
  "Girard",
  "Bonnet",
  "Dupont",
  "Lambert",
  "Fontaine",
  "Rousseau",
  "Vincent",
  "Muller",
  "Lefebvre",
  "Faure",
  "André",
  "Mercier",
  "Blanc",
  "Guérin",
  "Boyer",
  "Garnier",
  "Chevalier",
  "François",
  "Legrand",
  "Gauthier",
  "Garcia",
  "Perrin",
  "Robin",
  "Clément",
  "Morin",
  "Nicolas",
  "Henry",
  "Roussel",
  "Mathieu",
  "Gautier",
  "Masson",
] as const;
export const CITIES = [
  { city: "Paris", postalCode: "75011" },
  { city: "Marseille", postalCode: "13006" },
  { city: "Lyon", postalCode: "69003" },
  { city: "Toulouse", postalCode: "31000" },
  { city: "Nice", postalCode: "06000" },
  { city: "Nantes", postalCode: "44000" },
  { city: "Montpellier", postalCode: "34000" },
  { city: "Strasbourg", postalCode: "67000" },
  { city: "Bordeaux", postalCode: "33000" },
  { city: "Lille", postalCode: "59000" },
  { city: "Rennes", postalCode: "35000" },
  { city: "Reims", postalCode: "51100" },
  { city: "Dijon", postalCode: "21000" },
  { city: "Grenoble", postalCode: "38000" },
  { city: "Angers", postalCode: "49000" },
  { city: "Clermont-Ferrand", postalCode: "63000" },
] as const;
export const STREETS = [
  "rue de la République",
  "avenue Jean Jaurès",
  "rue Victor Hugo",
  "boulevard Pasteur",
  "rue des Lilas",
  "place de la Mairie",
  "rue du Général de Gaulle",
  "allée des Tilleuls",
  "chemin des Vignes",
  "rue Nationale",
] as const;
export const PRACTITIONER_SPECIALTIES = [
  "Médecin généraliste",
  "Pédiatre",
  "Dermatologue",
  "Kinésithérapeute",
  "Chirurgien-dentiste",
  "Ophtalmologue",
  "Gynécologue",
  "Cardiologue",
  "Psychiatre",
  "Orthophoniste",
  "Sage-femme",
  "ORL",
] as const;
export const ESTABLISHMENT_SPECIALTIES = [
  "Clinique",
  "Centre hospitalier",
  "Centre de santé",
  "Laboratoire d'analyses",
] as const;
export const MOTIVES = [
  "Consultation de suivi",
  "Première consultation",
  "Vaccination",
  "Renouvellement d'ordonnance",
  "Bilan annuel",
  "Certificat médical",
  "Contrôle",
  "Urgence",
  "Téléconsultation",
  "Séance de rééducation",
] as const;
export const DOCUMENT_TITLES: Record<DocumentKind, readonly string[]> = {
  prescription: ["Ordonnance", "Ordonnance de renouvellement", "Prescription de séances de kinésithérapie"],
  report: ["Compte rendu de consultation", "Compte rendu d'hospitalisation", "Compte rendu opératoire"],
  test_result: ["Résultats d'analyses sanguines", "Résultats de radiographie", "Bilan allergologique"],
  letter: ["Courrier d'adressage", "Lettre de liaison"],
  other: ["Certificat de vaccination", "Attestation de présence"],
};
/** Consent-based activities of the registry (lib/registry/activities.ts). */
export const CONSENT_ACTIVITIES = [
  "personalised_services",
  "map_service",
  "direct_marketing",
  "research_statistics",
] as const;
export const MARKETING_CHANNELS: readonly MarketingChannel[] = ["email", "push", "sms", "in_app"];

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

let calls = 0;
let runToken: string | undefined;

/** Returns the generator to use: the one passed, or one seeded by the factory call number. */
function rngFor(rng: Rng | undefined): Rng {
  calls += 1;
  return rng ?? mulberry32(mixSeed(0x5eed, calls));
}

/** A token unique to this process and call, for default e-mails. */
export function uniqueSuffix(): string {
  runToken ??= `${process.pid.toString(36)}${Date.now().toString(36)}`;
  return `${runToken}-${calls}`;
}

/** Lower-case ASCII form of a name for e-mail local parts: "Lefèvre" -> "lefevre". */
export function slug(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** A calendar date (DATE column) at UTC midnight. */
export function day(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

export function randomDay(rng: Rng, fromYear: number, toYear: number): Date {
  return new Date(Date.UTC(int(rng, fromYear, toYear), int(rng, 0, 11), int(rng, 1, 28)));
}

export function frenchMobile(rng: Rng): string {
  const pair = () => String(int(rng, 0, 99)).padStart(2, "0");
  return `+33 ${pick(rng, ["6", "7"])} ${pair()} ${pair()} ${pair()} ${pair()}`;
}

// ---------------------------------------------------------------------------------------------
// Factories
// ---------------------------------------------------------------------------------------------

export async function createPatient(
  db: Client,
  overrides: Partial<Prisma.PatientUncheckedCreateInput> = {},
  rng?: Rng,
): Promise<Patient> {
  const r = rngFor(rng);
  const sex = overrides.sex ?? pick(r, ["female", "male"] as const);
  const firstName = overrides.firstName ?? pick(r, sex === "male" ? MALE_FIRST_NAMES : FEMALE_FIRST_NAMES);
  const lastName = overrides.lastName ?? pick(r, LAST_NAMES);
  const place = pick(r, CITIES);
  return db.patient.create({
    data: {
      email: `${slug(firstName)}.${slug(lastName)}.${uniqueSuffix()}@exemple.fr`,
      firstName,
      lastName,
      birthDate: randomDay(r, 1945, 2004),
      birthPlace: pick(r, CITIES).city,
      sex,
      phone: frenchMobile(r),
      street: `${int(r, 1, 120)} ${pick(r, STREETS)}`,
      postalCode: place.postalCode,
      city: place.city,
      ...overrides,
    },
  });
}

/** Creates a relative ("proche") held by one or several accounts, with the same link for each. */
export async function createRelative(
  db: Client,
  patientIds: string | readonly string[],
  link: RelativeLink = "child",
  legalRepresentative = link === "child",
  overrides: Partial<Prisma.RelativeUncheckedCreateInput> = {},
  rng?: Rng,
): Promise<Relative> {
  const r = rngFor(rng);
  const ids = typeof patientIds === "string" ? [patientIds] : [...patientIds];
  const sex = overrides.sex ?? pick(r, ["female", "male"] as const);
  const years: Record<RelativeLink, [number, number]> = {
    child: [2009, 2022],
    spouse: [1955, 1998],
    parent: [1932, 1960],
    sibling: [1950, 2000],
    other: [1940, 2015],
  };
  let lastName = overrides.lastName;
  if (lastName === undefined && link !== "spouse" && link !== "other" && ids[0] !== undefined) {
    lastName = (await db.patient.findUnique({ where: { id: ids[0] }, select: { lastName: true } }))?.lastName;
  }
  return db.relative.create({
    data: {
      firstName: pick(r, sex === "male" ? MALE_FIRST_NAMES : FEMALE_FIRST_NAMES),
      lastName: lastName ?? pick(r, LAST_NAMES),
      birthDate: randomDay(r, ...years[link]),
      sex,
      ...overrides,
      accounts: { createMany: { data: ids.map((patientId) => ({ patientId, link, legalRepresentative })) } },
    },
  });
}

export async function createHealthActor(
  db: Client,
  overrides: Partial<Prisma.HealthActorUncheckedCreateInput> = {},
  rng?: Rng,
): Promise<HealthActor> {
  const r = rngFor(rng);
  const kind = overrides.kind ?? "practitioner";
  const lastName = pick(r, LAST_NAMES);
  const city = overrides.city ?? pick(r, CITIES).city;
  let name: string;
  let specialty: string;
  let email: string;
  if (kind === "establishment") {
    specialty = overrides.specialty ?? pick(r, ESTABLISHMENT_SPECIALTIES);
    name = specialty === "Clinique" ? `Clinique ${lastName}` : `${specialty} de ${city}`;
    email = `contact.${slug(name)}.${uniqueSuffix()}@exemple.fr`;
  } else {
    specialty = overrides.specialty ?? pick(r, PRACTITIONER_SPECIALTIES);
    const doctor = !/kinésithérapeute|orthophoniste|sage-femme/i.test(specialty);
    const firstName = pick(r, pick(r, [FEMALE_FIRST_NAMES, MALE_FIRST_NAMES]));
    name = `${doctor ? "Dr " : ""}${firstName} ${lastName}`;
    email = `${doctor ? "dr." : `${slug(firstName)}.`}${slug(lastName)}.${uniqueSuffix()}@exemple.fr`;
  }
  return db.healthActor.create({ data: { kind, name, specialty, city, email, ...overrides } });
}

/** Status defaults to done (past) or upcoming (future) from startsAt and the current time. */
export async function createAppointment(
  db: Client,
  overrides: Partial<Prisma.AppointmentUncheckedCreateInput> & { patientId: string; healthActorId: string },
  rng?: Rng,
): Promise<Appointment> {
  const r = rngFor(rng);
  const startsAt = overrides.startsAt
    ? new Date(overrides.startsAt)
    : new Date(randomDay(r, 2019, 2027).getTime() + int(r, 16, 36) * 30 * 60_000);
  return db.appointment.create({
    data: {
      startsAt,
      status: startsAt.getTime() < Date.now() ? "done" : "upcoming",
      motive: pick(r, MOTIVES),
      ...overrides,
    },
  });
}

/** sharedBy defaults to health_actor when a health actor is given, patient otherwise. */
export async function createDocument(
  db: Client,
  overrides: Partial<Prisma.DocumentUncheckedCreateInput> & { patientId: string },
  rng?: Rng,
): Promise<Document> {
  const r = rngFor(rng);
  const kind = overrides.kind ?? pick(r, ["prescription", "report", "test_result", "letter", "other"] as const);
  return db.document.create({
    data: {
      kind,
      title: pick(r, DOCUMENT_TITLES[kind]),
      sharedBy: overrides.healthActorId ? "health_actor" : "patient",
      ...overrides,
    },
  });
}

/** activityKey defaults to personalised_services, grantedAt to now. */
export async function createConsent(
  db: Client,
  overrides: Partial<Prisma.ConsentUncheckedCreateInput> & { patientId: string },
): Promise<Consent> {
  return db.consent.create({
    data: { activityKey: "personalised_services", grantedAt: new Date(), ...overrides },
  });
}

/** Sets (creates or updates) the patient's marketing choice for one channel. */
export async function setMarketingPreference(
  db: Client,
  patientId: string,
  channel: MarketingChannel,
  optedIn: boolean,
): Promise<MarketingPreference> {
  return db.marketingPreference.upsert({
    where: { patientId_channel: { patientId, channel } },
    create: { patientId, channel, optedIn },
    update: { optedIn },
  });
}
