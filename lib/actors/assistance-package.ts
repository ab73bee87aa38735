import type { Db } from "@/lib/db";
import { fromDateColumn } from "@/lib/deadlines";
import type { AppointmentMode, AppointmentStatus, DocumentKind, DocumentSharedBy } from "@/lib/generated/prisma/enums";
import { formatDay, formatInstant } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locale";
import { PdfWriter } from "@/lib/pdf/layout";
import { RIGHT_LABELS, type RightKey } from "@/lib/rights";
import { csvRow } from "@/lib/util/csv";
import { keysetOrder, keysetPages, rowsAfter } from "@/lib/util/keyset-pages";
import { toWebStream, type ZipEntry, zipStream } from "@/lib/util/zip-stream";

/**
 * The assistance package (GDPR Art. 28(3)(e): the processor supplies data extracts to the
 * controller): what the platform holds for one patient on one health actor's behalf — the
 * appointments in the actor's agenda (teleconsultations among them) and the documents shared with
 * or by the actor. Read in keyset batches and written as it is read: a ZIP (JSON and CSV) streamed,
 * and a PDF report.
 */
export const PACKAGE_SCHEMA = "assistance-package/1";

/** What a package is about: the case's subject as found in the platform's data, for one actor. */
export interface PackageScope {
  reference: string;
  right: RightKey;
  healthActor: { id: string; name: string };
  subject: {
    firstName: string;
    lastName: string;
    birthDate: Date;
    patientId: string | null;
    relativeId: string | null;
  };
}

export interface PackageAppointment {
  id: string;
  startsAt: Date;
  status: AppointmentStatus;
  mode: AppointmentMode;
  motive: string;
}

export interface PackageDocument {
  id: string;
  createdAt: Date;
  title: string;
  kind: DocumentKind;
  sharedBy: DocumentSharedBy;
}

const BATCH = 1000;

/** The subject's rows of one actor: a relative's own, or the account holder's own (not their relatives'). */
function subjectWhere(scope: PackageScope) {
  const { patientId, relativeId } = scope.subject;
  if (relativeId) return { healthActorId: scope.healthActor.id, relativeId };
  if (patientId) return { healthActorId: scope.healthActor.id, patientId, relativeId: null };
  return null;
}

export function packageAppointments(db: Db, scope: PackageScope, batch = BATCH): AsyncGenerator<PackageAppointment[]> {
  const where = subjectWhere(scope);
  return keysetPages<PackageAppointment>(
    async (after) =>
      where
        ? db.appointment.findMany({
            where: {
              ...where,
              ...rowsAfter("startsAt", after),
            },
            orderBy: keysetOrder("startsAt"),
            take: batch,
            select: { id: true, startsAt: true, status: true, mode: true, motive: true },
          })
        : [],
    batch,
  );
}

export function packageDocuments(db: Db, scope: PackageScope, batch = BATCH): AsyncGenerator<PackageDocument[]> {
  const where = subjectWhere(scope);
  return keysetPages<PackageDocument>(
    async (after) =>
      where
        ? db.document.findMany({
            where: {
              ...where,
              ...rowsAfter("createdAt", after),
            },
            orderBy: keysetOrder("createdAt"),
            take: batch,
            select: { id: true, createdAt: true, title: true, kind: true, sharedBy: true },
          })
        : [],
    batch,
  );
}

const appointmentJson = (a: PackageAppointment) => ({
  id: a.id,
  startsAt: a.startsAt.toISOString(),
  status: a.status,
  mode: a.mode,
  motive: a.motive,
});
const documentJson = (d: PackageDocument) => ({
  id: d.id,
  createdAt: d.createdAt.toISOString(),
  title: d.title,
  kind: d.kind,
  sharedBy: d.sharedBy,
});

/** dossier.json: the header, then each list written element by element. */
async function* packageJson(db: Db, scope: PackageScope, generatedAt: Date): AsyncGenerator<string> {
  const header = {
    schema: PACKAGE_SCHEMA,
    generatedAt: generatedAt.toISOString(),
    reference: scope.reference,
    right: scope.right,
    healthActor: scope.healthActor,
    subject: {
      firstName: scope.subject.firstName,
      lastName: scope.subject.lastName,
      birthDate: fromDateColumn(scope.subject.birthDate),
      foundInPlatformData: scope.subject.patientId !== null || scope.subject.relativeId !== null,
    },
  };
  yield `${JSON.stringify(header).slice(0, -1)},"appointments":[`;
  let first = true;
  for await (const rows of packageAppointments(db, scope)) {
    yield `${first ? "" : ","}${rows.map((a) => JSON.stringify(appointmentJson(a))).join(",")}`;
    first = false;
  }
  yield `],"documents":[`;
  first = true;
  for await (const rows of packageDocuments(db, scope)) {
    yield `${first ? "" : ","}${rows.map((d) => JSON.stringify(documentJson(d))).join(",")}`;
    first = false;
  }
  yield "]}";
}

async function* appointmentsCsv(db: Db, scope: PackageScope, onlyVideo: boolean): AsyncGenerator<string> {
  yield `\ufeff${csvRow(["id", "starts_at", "status", "mode", "motive"])}`;
  for await (const rows of packageAppointments(db, scope)) {
    yield rows
      .filter((a) => !onlyVideo || a.mode === "video")
      .map((a) => csvRow([a.id, a.startsAt.toISOString(), a.status, a.mode, a.motive]))
      .join("");
  }
}

async function* documentsCsv(db: Db, scope: PackageScope): AsyncGenerator<string> {
  yield `\ufeff${csvRow(["id", "created_at", "title", "kind", "shared_by"])}`;
  for await (const rows of packageDocuments(db, scope))
    yield rows.map((d) => csvRow([d.id, d.createdAt.toISOString(), d.title, d.kind, d.sharedBy])).join("");
}

async function* once(text: string): AsyncGenerator<string> {
  yield text;
}

const README = (scope: PackageScope) =>
  `Dossier d'assistance ${scope.reference} — ${scope.healthActor.name}
Données que la plateforme détient, pour le compte de ${scope.healthActor.name}, sur ${scope.subject.firstName} ${scope.subject.lastName} :
- dossier.json : tout le dossier (schéma ${PACKAGE_SCHEMA}) ;
- rendez-vous.csv : les rendez-vous de votre agenda ;
- teleconsultations.csv : ceux d'entre eux tenus en téléconsultation ;
- documents.csv : les documents partagés avec vous ou par vous.
Ces données de santé sont confidentielles : conservez-les de façon sécurisée et supprimez-les une fois la demande traitée.

Assistance package ${scope.reference} — ${scope.healthActor.name}
Data the platform holds, on behalf of ${scope.healthActor.name}, about ${scope.subject.firstName} ${scope.subject.lastName}:
- dossier.json: the whole package (schema ${PACKAGE_SCHEMA});
- rendez-vous.csv: the appointments in your agenda;
- teleconsultations.csv: those held as teleconsultations;
- documents.csv: the documents shared with you or by you.
This health data is confidential: keep it securely and delete it once the request is handled.
`;

/** The package as a ZIP of JSON and CSV files, streamed. */
export function assistanceArchive(db: Db, scope: PackageScope, generatedAt = new Date()): AsyncGenerator<Uint8Array> {
  const entries: ZipEntry[] = [
    { name: "LISEZMOI-README.txt", content: once(README(scope)) },
    { name: "dossier.json", content: packageJson(db, scope, generatedAt) },
    { name: "rendez-vous.csv", content: appointmentsCsv(db, scope, false) },
    { name: "teleconsultations.csv", content: appointmentsCsv(db, scope, true) },
    { name: "documents.csv", content: documentsCsv(db, scope) },
  ];
  return zipStream(entries);
}

const T = {
  fr: {
    title: "Dossier d'assistance",
    intro: (actor: string) =>
      `Données que la plateforme détient pour le compte de ${actor}, responsable de traitement, sur la personne concernée par la demande ci-dessous. La plateforme, sous-traitant, les fournit pour vous aider à répondre ; c'est à vous de décider de la réponse.`,
    reference: "Demande",
    right: "Droit exercé",
    subject: "Personne concernée",
    born: "née le",
    generated: "Extrait le",
    notFound:
      "Cette personne n'a pas été retrouvée dans les données de la plateforme : aucune donnée n'est détenue pour votre compte.",
    appointments: (n: number) => `Rendez-vous de votre agenda (${n})`,
    documents: (n: number) => `Documents partagés (${n})`,
    none: "Aucun.",
    aHead: ["Date", "Statut", "Mode", "Motif"],
    dHead: ["Date", "Titre", "Type", "Partagé par"],
    video: "téléconsultation",
    inPerson: "au cabinet",
    patient: "le patient",
    actor: "vous",
    footer: "Dossier d'assistance · confidentiel",
  },
  en: {
    title: "Assistance package",
    intro: (actor: string) =>
      `Data the platform holds on behalf of ${actor}, the controller, about the data subject of the request below. The platform, as processor, supplies it to help you answer; you decide the answer.`,
    reference: "Request",
    right: "Right",
    subject: "Data subject",
    born: "born on",
    generated: "Extracted on",
    notFound: "This person was not found in the platform's data: no data is held on your behalf.",
    appointments: (n: number) => `Appointments in your agenda (${n})`,
    documents: (n: number) => `Shared documents (${n})`,
    none: "None.",
    aHead: ["Date", "Status", "Mode", "Motive"],
    dHead: ["Date", "Title", "Kind", "Shared by"],
    video: "teleconsultation",
    inPerson: "in person",
    patient: "the patient",
    actor: "you",
    footer: "Assistance package · confidential",
  },
} as const;

/** The package as a readable PDF report, in the member's language. */
export async function assistanceReportPdf(
  db: Db,
  scope: PackageScope,
  locale: Locale,
  generatedAt = new Date(),
): Promise<Uint8Array> {
  const t = T[locale];
  const pdf = await PdfWriter.create({
    title: `${t.title} ${scope.reference}`,
    lang: locale,
    footer: `${t.footer} · ${scope.reference}`,
  });
  pdf.heading(`${t.title} — ${scope.healthActor.name}`);
  pdf.paragraph(t.intro(scope.healthActor.name));
  pdf.keyValues([
    [t.reference, scope.reference],
    [t.right, RIGHT_LABELS[scope.right][locale]],
    [
      t.subject,
      `${scope.subject.firstName} ${scope.subject.lastName}, ${t.born} ${formatDay(scope.subject.birthDate, locale)}`,
    ],
    [t.generated, formatInstant(generatedAt, locale)],
  ]);
  if (!subjectWhere(scope)) pdf.paragraph(t.notFound);
  const [appointmentCount, documentCount] = await Promise.all([
    subjectWhere(scope) ? db.appointment.count({ where: subjectWhere(scope)! }) : 0,
    subjectWhere(scope) ? db.document.count({ where: subjectWhere(scope)! }) : 0,
  ]);
  pdf.heading(t.appointments(appointmentCount), 2);
  if (appointmentCount === 0) pdf.paragraph(t.none);
  for await (const rows of packageAppointments(db, scope)) {
    pdf.table(
      [...t.aHead],
      rows.map((a) => [
        formatInstant(a.startsAt, locale),
        a.status,
        a.mode === "video" ? t.video : t.inPerson,
        a.motive,
      ]),
      [0.3, 0.15, 0.2, 0.35],
    );
  }
  pdf.heading(t.documents(documentCount), 2);
  if (documentCount === 0) pdf.paragraph(t.none);
  for await (const rows of packageDocuments(db, scope)) {
    pdf.table(
      [...t.dHead],
      rows.map((d) => [
        formatDay(d.createdAt, locale),
        d.title,
        d.kind,
        d.sharedBy === "patient" ? t.patient : t.actor,
      ]),
      [0.2, 0.45, 0.15, 0.2],
    );
  }
  return pdf.save();
}

/** The package as an HTTP answer: the ZIP streamed, or the PDF report; never cached. */
export async function packageResponse(
  db: Db,
  scope: PackageScope,
  format: "zip" | "pdf",
  locale: Locale,
): Promise<Response> {
  const headers = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };
  if (format === "pdf") {
    const pdf = await assistanceReportPdf(db, scope, locale);
    return new Response(Buffer.from(pdf), {
      headers: {
        ...headers,
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="dossier-${scope.reference}.pdf"`,
      },
    });
  }
  return new Response(toWebStream(assistanceArchive(db, scope)), {
    headers: {
      ...headers,
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="dossier-${scope.reference}.zip"`,
    },
  });
}
