import type { Db, Tx } from "@/lib/db";
import { fromDateColumn } from "@/lib/deadlines";
import type { RightsRequest } from "@/lib/generated/prisma/client";
import { formatDay, formatInstant } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locale";
import { PdfWriter } from "@/lib/pdf/layout";
import type { Registry } from "@/lib/registry/types";
import { RIGHT_LABELS } from "@/lib/rights";
import { csvRow } from "@/lib/util/csv";
import { keysetOrder, keysetPages, rowsAfter } from "@/lib/util/keyset-pages";
import { type ZipEntry, zipStream } from "@/lib/util/zip-stream";
import { type AccessInformation, accessInformation } from "./access-information";
import { holderAccount } from "@/lib/identity/subject-record";

/**
 * The access copy (GDPR Art. 15): everything the platform holds as controller about the subject,
 * read from the data, with the Art. 15 information for the activities concerned. Others' data is
 * left out or masked (Art. 15(4)): a copy about an account holds its relatives' profiles and what
 * was booked from that account, but a relative's documents only where the holder is their legal
 * representative; a copy about a relative holds only what the requester's own account holds.
 */
export const COPY_SCHEMA = "access-copy/1";
const BATCH = 1000;

type Client = Db | Tx;

export interface CopyScope {
  reference: string;
  receivedAt: Date;
  locale: Locale;
  subject: { firstName: string; lastName: string; birthDate: Date };
  /** The requester's account on the platform (the subject's own for a self request), if any. */
  accountId: string | null;
  /** Set when the subject is a relative held by that account. */
  relativeId: string | null;
  requesterEmail: string;
  information: AccessInformation;
}

/** What an access request's copy covers: its subject as found in the platform's data, and the platform's activities in scope. */
export async function copyScopeOf(
  db: Client,
  request: RightsRequest,
  platformActivities: string[],
  registry: Registry,
): Promise<CopyScope> {
  // An account erased since holds nothing the platform keeps as controller: the copy says so.
  const account = request.subjectRelativeId
    ? await holderAccount(db, request.requesterEmail, request.subjectRelativeId)
    : request.subjectPatientId
      ? await db.patient.findFirst({ where: { id: request.subjectPatientId, closedAt: null }, select: { id: true } })
      : null;
  return {
    reference: request.reference,
    receivedAt: request.receivedAt,
    locale: request.locale,
    subject: {
      firstName: request.subjectFirstName,
      lastName: request.subjectLastName,
      birthDate: request.subjectBirthDate,
    },
    accountId: account?.id ?? null,
    relativeId: account ? request.subjectRelativeId : null,
    requesterEmail: request.requesterEmail,
    information: accessInformation(registry, platformActivities, request.locale),
  };
}

const MASKED = {
  fr: "(document d'un proche dont vous n'êtes pas le représentant légal : masqué)",
  en: "(document of a relative you are not the legal representative of: masked)",
};

export async function accountSection(db: Client, scope: CopyScope) {
  if (!scope.accountId) return null;
  if (scope.relativeId) {
    const r = await db.relative.findUniqueOrThrow({
      where: { id: scope.relativeId },
      select: { firstName: true, lastName: true, birthDate: true, sex: true, createdAt: true },
    });
    return {
      profile: "relative",
      firstName: r.firstName,
      lastName: r.lastName,
      birthDate: fromDateColumn(r.birthDate),
      sex: r.sex,
      createdAt: r.createdAt.toISOString(),
    };
  }
  const p = await db.patient.findUniqueOrThrow({ where: { id: scope.accountId } });
  return {
    profile: "account",
    email: p.email,
    firstName: p.firstName,
    lastName: p.lastName,
    birthName: p.birthName,
    birthDate: fromDateColumn(p.birthDate),
    birthPlace: p.birthPlace,
    sex: p.sex,
    phone: p.phone,
    address: [p.street, p.postalCode, p.city].filter(Boolean).join(", ") || null,
    locale: p.locale,
    createdAt: p.createdAt.toISOString(),
    lastBookingAt: p.lastBookingAt?.toISOString() ?? null,
  };
}

export async function relativesSection(db: Client, scope: CopyScope) {
  if (!scope.accountId || scope.relativeId) return [];
  const links = await db.patientRelative.findMany({
    where: { patientId: scope.accountId },
    select: {
      link: true,
      legalRepresentative: true,
      relative: { select: { id: true, firstName: true, lastName: true, birthDate: true } },
    },
    orderBy: { createdAt: "asc" },
  });
  return links.map((l) => ({
    id: l.relative.id,
    firstName: l.relative.firstName,
    lastName: l.relative.lastName,
    birthDate: fromDateColumn(l.relative.birthDate),
    link: l.link,
    legalRepresentative: l.legalRepresentative,
  }));
}

export function appointmentPages(db: Client, scope: CopyScope) {
  const where = scope.relativeId
    ? { patientId: scope.accountId!, relativeId: scope.relativeId }
    : { patientId: scope.accountId ?? "" };
  return keysetPages(
    async (after: { id: string; startsAt: Date } | null) =>
      scope.accountId
        ? db.appointment.findMany({
            where: {
              ...where,
              ...rowsAfter("startsAt", after),
            },
            orderBy: keysetOrder("startsAt"),
            take: BATCH,
            select: {
              id: true,
              startsAt: true,
              status: true,
              mode: true,
              motive: true,
              relativeId: true,
              healthActor: { select: { name: true } },
            },
          })
        : [],
    BATCH,
  );
}

export async function* documentPages(db: Client, scope: CopyScope) {
  if (!scope.accountId) return;
  const represented = new Set(
    (
      await db.patientRelative.findMany({
        where: { patientId: scope.accountId, legalRepresentative: true },
        select: { relativeId: true },
      })
    ).map((r) => r.relativeId),
  );
  const where = scope.relativeId
    ? { patientId: scope.accountId, relativeId: scope.relativeId }
    : { patientId: scope.accountId };
  const pages = keysetPages(
    async (after: { id: string; createdAt: Date } | null) =>
      db.document.findMany({
        where: {
          ...where,
          ...rowsAfter("createdAt", after),
        },
        orderBy: keysetOrder("createdAt"),
        take: BATCH,
        select: {
          id: true,
          createdAt: true,
          title: true,
          kind: true,
          sharedBy: true,
          relativeId: true,
          healthActor: { select: { name: true } },
        },
      }),
    BATCH,
  );
  for await (const rows of pages) {
    // A relative's document stays masked unless the holder represents them (or the copy is about that relative).
    yield rows.map((d) => ({
      ...d,
      title: d.relativeId && !scope.relativeId && !represented.has(d.relativeId) ? MASKED[scope.locale] : d.title,
    }));
  }
}

export async function consentsSection(db: Client, scope: CopyScope) {
  if (!scope.accountId || scope.relativeId) return { consents: [], marketing: [] };
  const [consents, marketing] = await Promise.all([
    db.consent.findMany({
      where: { patientId: scope.accountId },
      orderBy: { grantedAt: "asc" },
      select: { activityKey: true, grantedAt: true, withdrawnAt: true },
    }),
    db.marketingPreference.findMany({
      where: { patientId: scope.accountId },
      orderBy: { channel: "asc" },
      select: { channel: true, optedIn: true, updatedAt: true },
    }),
  ]);
  return { consents, marketing };
}

/** The rights requests the requester made about the subject: the facts. Another person's requests (an heir's, an agent's) are theirs. */
async function requestsSection(db: Client, scope: CopyScope) {
  const about = scope.relativeId
    ? { subjectRelativeId: scope.relativeId, requesterEmail: scope.requesterEmail }
    : scope.accountId
      ? { subjectPatientId: scope.accountId, requesterEmail: scope.requesterEmail }
      : { requesterEmail: scope.requesterEmail };
  return db.rightsRequest.findMany({
    where: about,
    orderBy: { receivedAt: "asc" },
    select: { reference: true, right: true, channel: true, receivedAt: true, status: true, subjectRelation: true },
  });
}

/**
 * The e-mails the platform sent the requester as a patient (their content is erased after a week):
 * about their own requests, or about none (sign-in links, codes) — not what they may have received
 * as a health actor's member or as staff about other people's cases.
 */
async function* emailPages(db: Client, scope: CopyScope) {
  const own = (
    await db.rightsRequest.findMany({ where: { requesterEmail: scope.requesterEmail }, select: { id: true } })
  ).map((r) => r.id);
  yield* keysetPages(
    async (after: { id: string; createdAt: Date } | null) =>
      db.outboxEmail.findMany({
        where: {
          to: scope.requesterEmail,
          OR: [{ requestId: null }, { requestId: { in: own } }],
          // Its own OR is taken: the page's condition goes with AND.
          AND: [rowsAfter("createdAt", after)],
        },
        orderBy: keysetOrder("createdAt"),
        take: BATCH,
        select: { id: true, createdAt: true, subject: true, status: true, sentAt: true },
      }),
    BATCH,
  );
}

export async function* jsonList<R>(pages: AsyncIterable<R[]>, shape: (r: R) => unknown): AsyncGenerator<string> {
  yield "[";
  let first = true;
  for await (const rows of pages) {
    if (rows.length === 0) continue;
    yield `${first ? "" : ","}${rows.map((r) => JSON.stringify(shape(r))).join(",")}`;
    first = false;
  }
  yield "]";
}

export async function* once<T>(value: T): AsyncGenerator<T> {
  yield value;
}

export const appointmentShape = (a: {
  id: string;
  startsAt: Date;
  status: string;
  mode: string;
  motive: string;
  relativeId: string | null;
  healthActor: { name: string };
}) => ({
  id: a.id,
  startsAt: a.startsAt.toISOString(),
  healthActor: a.healthActor.name,
  status: a.status,
  mode: a.mode,
  motive: a.motive,
  forRelative: a.relativeId,
});
export const documentShape = (d: {
  id: string;
  createdAt: Date;
  title: string;
  kind: string;
  sharedBy: string;
  relativeId: string | null;
  healthActor: { name: string } | null;
}) => ({
  id: d.id,
  createdAt: d.createdAt.toISOString(),
  title: d.title,
  kind: d.kind,
  sharedBy: d.sharedBy,
  healthActor: d.healthActor?.name ?? null,
  forRelative: d.relativeId,
});
const emailShape = (m: { createdAt: Date; subject: string; status: string; sentAt: Date | null }) => ({
  createdAt: m.createdAt.toISOString(),
  subject: m.subject,
  status: m.status,
  sentAt: m.sentAt?.toISOString() ?? null,
});

async function* copyJson(db: Client, scope: CopyScope, generatedAt: Date): AsyncGenerator<string> {
  const [account, relatives, { consents, marketing }, requests] = await Promise.all([
    accountSection(db, scope),
    relativesSection(db, scope),
    consentsSection(db, scope),
    requestsSection(db, scope),
  ]);
  const head = {
    schema: COPY_SCHEMA,
    generatedAt: generatedAt.toISOString(),
    reference: scope.reference,
    foundInPlatformData: scope.accountId !== null,
    account,
    relatives,
    consents: consents.map((c) => ({
      activity: c.activityKey,
      grantedAt: c.grantedAt.toISOString(),
      withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
    })),
    marketingPreferences: marketing.map((m) => ({
      channel: m.channel,
      optedIn: m.optedIn,
      updatedAt: m.updatedAt.toISOString(),
    })),
    rightsRequests: requests.map((r) => ({ ...r, receivedAt: r.receivedAt.toISOString() })),
    article15: scope.information,
  };
  yield `${JSON.stringify(head).slice(0, -1)},"appointments":`;
  yield* jsonList(appointmentPages(db, scope), appointmentShape);
  yield `,"documents":`;
  yield* jsonList(documentPages(db, scope), documentShape);
  yield `,"emailsSent":`;
  yield* jsonList(emailPages(db, scope), emailShape);
  yield "}";
}

export async function* csvOf<R>(
  header: string[],
  pages: AsyncIterable<R[]>,
  row: (r: R) => unknown[],
): AsyncGenerator<string> {
  yield `\ufeff${csvRow(header)}`;
  for await (const rows of pages) yield rows.map((r) => csvRow(row(r))).join("");
}

const README = {
  fr: (s: CopyScope) => `Copie de vos données — demande ${s.reference}
donnees.json : toutes les données (schéma ${COPY_SCHEMA}), avec les informations de l'article 15 du RGPD ;
rendez-vous.csv, documents.csv, demandes-de-droits.csv, e-mails.csv : les mêmes listes, pour un tableur.
Le rapport PDF lisible est téléchargeable à côté de cette archive.
`,
  en: (s: CopyScope) => `Copy of your data — request ${s.reference}
donnees.json: all the data (schema ${COPY_SCHEMA}), with the information of GDPR Article 15;
rendez-vous.csv, documents.csv, demandes-de-droits.csv, e-mails.csv: the same lists, for a spreadsheet.
The readable PDF report is downloadable next to this archive.
`,
};

/** The copy as a ZIP of JSON and CSV, written as it is read. */
export function accessCopyZip(db: Client, scope: CopyScope, generatedAt = new Date()): AsyncGenerator<Uint8Array> {
  const entries: ZipEntry[] = [
    { name: "LISEZMOI-README.txt", content: once(README[scope.locale](scope)) },
    { name: "donnees.json", content: copyJson(db, scope, generatedAt) },
    {
      name: "rendez-vous.csv",
      content: csvOf(
        ["id", "starts_at", "health_actor", "status", "mode", "motive", "for_relative"],
        appointmentPages(db, scope),
        (a) => Object.values(appointmentShape(a)),
      ),
    },
    {
      name: "documents.csv",
      content: csvOf(
        ["id", "created_at", "title", "kind", "shared_by", "health_actor", "for_relative"],
        documentPages(db, scope),
        (d) => Object.values(documentShape(d)),
      ),
    },
    {
      name: "demandes-de-droits.csv",
      content: csvOf(
        ["reference", "right", "channel", "received_at", "status", "subject_relation"],
        (async function* () {
          yield await requestsSection(db, scope);
        })(),
        (r) => [r.reference, r.right, r.channel, r.receivedAt.toISOString(), r.status, r.subjectRelation],
      ),
    },
    {
      name: "e-mails.csv",
      content: csvOf(["created_at", "subject", "status", "sent_at"], emailPages(db, scope), (m) =>
        Object.values(emailShape(m)),
      ),
    },
  ];
  return zipStream(entries);
}

const T = {
  fr: {
    title: "Copie de vos données",
    contents: "Sommaire",
    request: "Votre demande",
    intro: (ref: string, at: string) =>
      `Réponse à votre demande d'accès ${ref}, reçue le ${at} (RGPD art. 15). Ce document contient les données que la plateforme détient sur vous en tant que responsable de traitement, et les informations sur leur traitement.`,
    actors:
      "Les données que les professionnels de santé détiennent (votre dossier médical, leurs agendas) relèvent d'eux : votre demande leur a été transmise et ils vous répondent directement.",
    notFound: "Aucune donnée n'a été retrouvée pour cette personne dans les données de la plateforme.",
    information: "Informations sur le traitement (RGPD art. 15(1) et 15(2))",
    purpose: "Finalité",
    basis: "Base légale",
    categories: "Catégories de données",
    recipients: "Destinataires",
    retention: "Durée de conservation",
    rights: "Vos droits",
    notApplicable: "Droits qui ne s'appliquent pas",
    general: "Réclamation, source, décisions automatisées, transferts",
    account: "Votre compte",
    relatives: "Vos proches",
    appointments: "Rendez-vous",
    documents: "Documents",
    consents: "Consentements et préférences",
    requests: "Demandes de droits",
    emails: "E-mails envoyés",
    none: "Aucun.",
  },
  en: {
    title: "Copy of your data",
    contents: "Contents",
    request: "Your request",
    intro: (ref: string, at: string) =>
      `Answer to your access request ${ref}, received on ${at} (GDPR Art. 15). This document holds the data the platform holds about you as controller, and the information about its processing.`,
    actors:
      "The data health professionals hold (your medical record, their agendas) is theirs: your request was forwarded to them and they answer you directly.",
    notFound: "No data was found for this person in the platform's data.",
    information: "Information about the processing (GDPR Art. 15(1) and 15(2))",
    purpose: "Purpose",
    basis: "Legal basis",
    categories: "Categories of data",
    recipients: "Recipients",
    retention: "Retention",
    rights: "Your rights",
    notApplicable: "Rights that do not apply",
    general: "Complaint, source, automated decisions, transfers",
    account: "Your account",
    relatives: "Your relatives",
    appointments: "Appointments",
    documents: "Documents",
    consents: "Consents and preferences",
    requests: "Rights requests",
    emails: "E-mails sent",
    none: "None.",
  },
} as const;

/** The copy as a readable PDF report with a table of contents, in the requester's language. */
export async function accessCopyPdf(db: Client, scope: CopyScope, generatedAt = new Date()): Promise<Uint8Array> {
  const locale = scope.locale;
  const t = T[locale];
  const pdf = await PdfWriter.create({
    title: `${t.title} ${scope.reference}`,
    lang: locale,
    footer: `${t.title} · ${scope.reference}`,
  });
  pdf.section(t.request);
  pdf.paragraph(t.intro(scope.reference, formatInstant(scope.receivedAt, locale)));
  pdf.paragraph(formatInstant(generatedAt, locale), { muted: true });
  pdf.paragraph(t.actors);
  if (!scope.accountId) pdf.paragraph(t.notFound);

  pdf.section(t.information);
  for (const a of scope.information.activities) {
    pdf.heading(a.purpose, 2);
    pdf.keyValues([
      [t.basis, a.legalBasis],
      [t.categories, a.categories.join(" ; ")],
      [t.recipients, a.recipients.join(", ") || "—"],
      [t.retention, a.retention],
      [t.rights, a.rights.join(", ")],
      ...(a.rightsNotApplicable.length
        ? ([[t.notApplicable, a.rightsNotApplicable.join(" ; ")]] as [string, string][])
        : []),
    ]);
  }
  pdf.heading(t.general, 2);
  for (const text of [
    scope.information.complaint,
    scope.information.source,
    scope.information.automatedDecisions,
    scope.information.transfers,
  ])
    pdf.paragraph(text);

  const account = await accountSection(db, scope);
  pdf.section(t.account);
  if (account)
    pdf.keyValues(Object.entries(account).map(([k, v]) => [k, v === null || v === undefined ? "—" : String(v)]));
  else pdf.paragraph(t.none);

  const relatives = await relativesSection(db, scope);
  if (!scope.relativeId) {
    pdf.section(t.relatives);
    if (relatives.length === 0) pdf.paragraph(t.none);
    else
      pdf.table(
        ["Nom / Name", "Naissance / Birth", "Lien / Link"],
        relatives.map((r) => [`${r.firstName} ${r.lastName}`, formatDay(r.birthDate, locale), r.link]),
        [0.45, 0.25, 0.3],
      );
  }

  pdf.section(t.appointments);
  let any = false;
  for await (const rows of appointmentPages(db, scope)) {
    any = true;
    pdf.table(
      ["Date", "Praticien / Practitioner", "Statut / Status", "Motif / Motive"],
      rows.map((a) => [formatInstant(a.startsAt, locale), a.healthActor.name, a.status, a.motive]),
      [0.25, 0.3, 0.15, 0.3],
    );
  }
  if (!any) pdf.paragraph(t.none);

  pdf.section(t.documents);
  any = false;
  for await (const rows of documentPages(db, scope)) {
    any = true;
    pdf.table(
      ["Date", "Titre / Title", "Type", "Source"],
      rows.map((d) => [formatDay(d.createdAt, locale), d.title, d.kind, d.healthActor?.name ?? d.sharedBy]),
      [0.18, 0.47, 0.15, 0.2],
    );
  }
  if (!any) pdf.paragraph(t.none);

  const { consents, marketing } = await consentsSection(db, scope);
  pdf.section(t.consents);
  if (consents.length + marketing.length === 0) pdf.paragraph(t.none);
  for (const c of consents)
    pdf.paragraph(
      `${c.activityKey} : ${formatInstant(c.grantedAt, locale)}${c.withdrawnAt ? ` → ${formatInstant(c.withdrawnAt, locale)}` : ""}`,
    );
  for (const m of marketing) pdf.paragraph(`${m.channel} : ${m.optedIn ? "oui / yes" : "non / no"}`);

  pdf.section(t.requests);
  for (const r of await requestsSection(db, scope))
    pdf.paragraph(
      `${r.reference} · ${RIGHT_LABELS[r.right][locale]} · ${formatInstant(r.receivedAt, locale)} · ${r.status}`,
    );

  pdf.section(t.emails);
  any = false;
  for await (const rows of emailPages(db, scope)) {
    any = true;
    pdf.table(
      ["Date", "Objet / Subject", "État / Status"],
      rows.map((m) => [formatInstant(m.createdAt, locale), m.subject || "—", m.status]),
      [0.3, 0.55, 0.15],
    );
  }
  if (!any) pdf.paragraph(t.none);

  pdf.tableOfContents(0, t.contents);
  return pdf.save();
}
