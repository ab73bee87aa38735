import { extractText, getDocumentProxy } from "unpdf";
import { beforeAll, describe, expect, it } from "vitest";
import { forwardReadyParts } from "@/lib/actors/forward-parts";
import { listActorParts, loadActorPart, membershipsOf } from "@/lib/actors/inbox";
import {
  acknowledgePart,
  answerActorPart,
  declineActorPart,
  instructPlatform,
  type MemberActor,
} from "@/lib/actors/part-actions";
import { db } from "@/lib/db";
import { computeDeadline, fromDateColumn, parisDay, parisInstant } from "@/lib/deadlines";
import type { AppError } from "@/lib/errors/app-error";
import { formatDay } from "@/lib/i18n/format";
import { getStorage } from "@/lib/storage";
import { fileParentCase, fileSelfCase } from "@/prisma/seed/cases";
import { DEMO_ACTORS, DEMO_MEMBERS } from "@/prisma/seed/demo";
import { demoData, minimalPdf } from "./support";

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e as AppError,
  );
const dupont = DEMO_ACTORS.dupont.id;
const lefebvre = DEMO_ACTORS.lefebvre.id;

/** Forwards until nothing is left, as the worker's loop does. */
async function forwardAll(): Promise<number> {
  let total = 0;
  for (let n = await forwardReadyParts(db()); n > 0; n = await forwardReadyParts(db())) total += n;
  return total;
}

async function memberOf(actorKey: "dupont" | "lefebvre"): Promise<MemberActor> {
  const email = DEMO_MEMBERS.find((m) => m.actor === actorKey && m.role === "admin")!.email;
  const memberships = await membershipsOf(db(), email);
  return { memberships: memberships.map((m) => ({ memberId: m.memberId, healthActorId: m.healthActorId })) };
}

/** Camille's erasure request about Dr Dupont and Dr Lefebvre, filed signed in: verified, forwarded at once. */
/** An answer sent by other means is dated on or after the request's receipt: the cases here are filed today. */
const TODAY = parisDay(new Date());

async function twoDoctorsCase() {
  const request = await fileSelfCase(db(), getStorage(), "erasure", { healthActorIds: [dupont, lefebvre] });
  const parts = await db().requestPart.findMany({ where: { requestId: request.id, handler: "health_actor" } });
  return { request, byActor: (id: string) => parts.find((p) => p.healthActorId === id)! };
}

beforeAll(async () => {
  await demoData();
  await forwardAll();
});

describe("forwarding", () => {
  it("forwards each part once, even with two workers at it, and e-mails every member of its actor", async () => {
    const { request, byActor } = await twoDoctorsCase();
    const [a, b] = await Promise.all([forwardReadyParts(db()), forwardReadyParts(db())]);
    expect(a + b + (await forwardAll())).toBe(2);

    const parts = await db().requestPart.findMany({ where: { requestId: request.id, handler: "health_actor" } });
    expect(parts.map((p) => p.status)).toEqual(["forwarded", "forwarded"]);
    expect(parts.every((p) => p.forwardedAt !== null)).toBe(true);
    const events = await db().requestEvent.findMany({ where: { requestId: request.id, type: "forward" } });
    expect(events.map((e) => (e.payload as { partId: string }).partId).sort()).toEqual(parts.map((p) => p.id).sort());

    const mails = await db().outboxEmail.findMany({
      where: { requestId: request.id, subject: { startsWith: "Demande de droits à traiter" } },
      select: { to: true, text: true },
    });
    expect(mails.map((m) => m.to).sort()).toEqual([
      "dr.dupont@exemple.fr",
      "dr.lefebvre@exemple.fr",
      "secretariat.dupont@exemple.fr",
    ]);
    const toDupont = mails.find((m) => m.to === "dr.dupont@exemple.fr")!.text;
    expect(toDupont).toContain(request.reference);
    expect(toDupont).toContain("Identité vérifiée par la plateforme");
    expect(toDupont).toContain(`/fr/pro/demandes/${byActor(dupont).id}`);
    // The patient's name stays behind sign-in.
    expect(toDupont).not.toContain("Camille");

    // Forwarding again changes nothing.
    expect(await forwardAll()).toBe(0);
    expect(await db().requestEvent.count({ where: { requestId: request.id, type: "forward" } })).toBe(2);
  });

  it("follows the deadline rule of each part's content", async () => {
    const { request, byActor } = await twoDoctorsCase();
    const part = byActor(dupont);
    expect(part.deadlineRule).toBe("gdpr_art12");
    expect(fromDateColumn(part.dueDate)).toBe(
      computeDeadline({ receivedAt: request.receivedAt, rule: "gdpr_art12" }).dueDate,
    );
    const access = await fileSelfCase(db(), getStorage(), "access", { healthActorIds: [dupont] });
    const record = await db().requestPart.findFirstOrThrow({ where: { requestId: access.id, healthActorId: dupont } });
    expect(record.deadlineRule).toBe("csp_l1111_7");
    expect(fromDateColumn(record.dueDate)).toBe(
      computeDeadline({ receivedAt: access.receivedAt, rule: "csp_l1111_7" }).dueDate,
    );
  });

  it("waits for the identity check, except where the actor decides (a parent's request about a minor)", async () => {
    const parent = await fileParentCase(db(), getStorage(), null);
    await forwardAll();
    const parts = await db().requestPart.findMany({ where: { requestId: parent.id, handler: "health_actor" } });
    expect(parts.length).toBeGreaterThan(0);
    expect(parts.every((p) => p.status === "forwarded")).toBe(true);
    const mail = await db().outboxEmail.findFirstOrThrow({
      where: { requestId: parent.id, subject: { startsWith: "Demande de droits à traiter" } },
    });
    expect(mail.text).toContain("Vérification à votre appréciation : aucun justificatif reçu à ce jour");

    // A self request whose identity is still to be checked waits.
    const self = await fileSelfCase(db(), getStorage(), "erasure", { healthActorIds: [dupont] });
    await db().rightsRequest.update({
      where: { id: self.id },
      data: { identityStatus: "documents_submitted", status: "awaiting_identity" },
    });
    await db().requestPart.updateMany({
      where: { requestId: self.id, handler: "health_actor" },
      data: { status: "awaiting_forwarding", forwardedAt: null },
    });
    await forwardAll();
    expect(
      (await db().requestPart.findFirstOrThrow({ where: { requestId: self.id, handler: "health_actor" } })).status,
    ).toBe("awaiting_forwarding");
  });
});

describe("an actor sees and changes only its own parts", () => {
  it.each([
    [
      "reads by id",
      async (m: MemberActor, partId: string) =>
        (await loadActorPart(
          db(),
          m.memberships.map((x) => x.healthActorId),
          partId,
        )) ?? "none",
    ],
    [
      "lists",
      async (m: MemberActor, partId: string) => {
        const ids = m.memberships.map((x) => x.healthActorId);
        const all = [
          ...(await listActorParts(db(), ids, "open", null)).rows,
          ...(await listActorParts(db(), ids, "done", null)).rows,
        ];
        return all.some((r) => r.partId === partId) ? "listed" : "none";
      },
    ],
    [
      "acknowledges",
      (m: MemberActor, partId: string) => failure(acknowledgePart(db(), m, partId)).then((e) => e?.code ?? "done"),
    ],
    [
      "answers",
      (m: MemberActor, partId: string) =>
        failure(
          answerActorPart(db(), getStorage(), m, partId, { mode: "other", sentOn: TODAY, channel: "courrier" }, null),
        ).then((e) => e?.code ?? "done"),
    ],
    [
      "declines",
      (m: MemberActor, partId: string) =>
        failure(declineActorPart(db(), getStorage(), m, partId, "Non.")).then((e) => e?.code ?? "done"),
    ],
    [
      "instructs",
      (m: MemberActor, partId: string) =>
        failure(instructPlatform(db(), m, partId, { kind: "erase_appointments" })).then((e) => e?.code ?? "done"),
    ],
  ] as const)("%s: another actor's part is not found", async (_, attempt) => {
    const { byActor } = await twoDoctorsCase();
    await forwardAll();
    const lefebvrePart = byActor(lefebvre);
    const result = await attempt(await memberOf("dupont"), lefebvrePart.id);
    expect(result === "none" || result === "not_found").toBe(true);
    const after = await db().requestPart.findUniqueOrThrow({ where: { id: lefebvrePart.id } });
    expect(after).toMatchObject({ status: "forwarded", acknowledgedAt: null, answeredAt: null });
    // Its own actor sees it.
    expect(await loadActorPart(db(), [lefebvre], lefebvrePart.id)).not.toBeNull();
  });

  it("a part never forwarded is in no inbox, even once refused or withdrawn", async () => {
    const self = await fileSelfCase(db(), getStorage(), "erasure", { healthActorIds: [dupont] });
    const part = await db().requestPart.findFirstOrThrow({ where: { requestId: self.id, healthActorId: dupont } });
    await db().requestPart.update({
      where: { id: part.id },
      data: { status: "awaiting_forwarding", forwardedAt: null },
    });
    await db().rightsRequest.update({ where: { id: self.id }, data: { identityStatus: "documents_submitted" } });
    expect(await loadActorPart(db(), [dupont], part.id)).toBeNull();
    expect((await failure(acknowledgePart(db(), await memberOf("dupont"), part.id)))?.code).toBe("not_found");
    // Refused by the DPO before it ever went out: still none of the actor's business.
    await db().requestPart.update({ where: { id: part.id }, data: { status: "refused" } });
    expect(await loadActorPart(db(), [dupont], part.id)).toBeNull();
    expect((await listActorParts(db(), [dupont], "done", null, new Date(), self.reference)).rows).toEqual([]);
  });
});

describe("the actor's answers", () => {
  it("one doctor answers with a document, the other declines with reasons: the patient gets both, the case is answered", async () => {
    const { request, byActor } = await twoDoctorsCase();
    await forwardAll();
    const dr = await memberOf("dupont");
    const lf = await memberOf("lefebvre");

    await acknowledgePart(db(), dr, byActor(dupont).id);
    await acknowledgePart(db(), dr, byActor(dupont).id);
    expect(await db().requestEvent.count({ where: { requestId: request.id, type: "actor_acknowledged" } })).toBe(1);

    // A file that is not a PDF, JPEG or PNG is refused, and nothing changes.
    const notPdf = await failure(
      answerActorPart(
        db(),
        getStorage(),
        dr,
        byActor(dupont).id,
        { mode: "portal" },
        new TextEncoder().encode("<html>"),
      ),
    );
    expect(notPdf?.fields).toEqual([{ path: "file", key: "file_type" }]);
    await answerActorPart(
      db(),
      getStorage(),
      dr,
      byActor(dupont).id,
      { mode: "portal" },
      minimalPdf("EFFACEMENT FAIT PAR LE DR DUPONT"),
    );
    expect(
      (await failure(answerActorPart(db(), getStorage(), dr, byActor(dupont).id, { mode: "portal" }, minimalPdf("X"))))
        ?.code,
    ).toBe("conflict");

    await declineActorPart(
      db(),
      getStorage(),
      lf,
      byActor(lefebvre).id,
      "Le dossier médical doit être conservé vingt ans (article R1112-7 du code de la santé publique).",
    );

    const parts = await db().requestPart.findMany({
      where: { requestId: request.id, handler: "health_actor" },
      orderBy: { healthActorId: "asc" },
    });
    expect(parts.find((p) => p.healthActorId === dupont)).toMatchObject({ status: "answered" });
    expect(parts.find((p) => p.healthActorId === lefebvre)).toMatchObject({
      status: "refused",
      outcome: "refused",
      grounds: ["other"],
    });

    const letters = await db().caseLetter.findMany({ where: { requestId: request.id }, orderBy: { createdAt: "asc" } });
    expect(letters.map((l) => l.kind)).toEqual(["actor_answer", "answer"]);
    const answer = Buffer.from(await getStorage().get(letters[0]!.storageKey)).toString("latin1");
    expect(answer).toContain("EFFACEMENT FAIT PAR LE DR DUPONT");
    const decline = (
      await extractText(await getDocumentProxy(new Uint8Array(await getStorage().get(letters[1]!.storageKey))), {
        mergePages: true,
      })
    ).text;
    expect(decline).toContain("Dr Marc Lefebvre");
    expect(decline).toContain("vingt ans");
    expect(decline).toContain("CNIL");
    expect(decline).toContain("recours juridictionnel");

    const mails = await db().outboxEmail.findMany({
      where: { requestId: request.id, to: request.requesterEmail },
      select: { subject: true, attachments: true },
    });
    // The actor's document may be a medical record: not attached, read in "Mes demandes".
    expect(mails.find((m) => m.subject.startsWith("Réponse de l'acteur de santé"))?.attachments).toEqual([]);
    expect(
      mails.some(
        (m) =>
          m.subject.startsWith("Réponse à votre demande") && JSON.stringify(m.attachments).includes(letters[1]!.id),
      ),
    ).toBe(true);

    // The platform's part is still the DPO's: the case is not answered until it is.
    const platform = await db().requestPart.findFirst({ where: { requestId: request.id, handler: "platform" } });
    const status = (await db().rightsRequest.findUniqueOrThrow({ where: { id: request.id } })).status;
    expect(status).toBe(platform ? "received" : "answered");
  });

  it("records an answer sent by other means, never dated in the future nor before the request was received", async () => {
    const { request, byActor } = await twoDoctorsCase();
    await forwardAll();
    const dr = await memberOf("dupont");
    const future = await failure(
      answerActorPart(
        db(),
        getStorage(),
        dr,
        byActor(dupont).id,
        { mode: "other", sentOn: "2999-01-01", channel: "courrier" },
        null,
      ),
    );
    expect(future?.fields).toEqual([{ path: "sentOn", key: "future" }]);
    const before = await failure(
      answerActorPart(
        db(),
        getStorage(),
        dr,
        byActor(dupont).id,
        { mode: "other", sentOn: "2026-01-05", channel: "courrier" },
        null,
      ),
    );
    expect(before?.fields).toEqual([{ path: "sentOn", key: "before_receipt" }]);
    expect((await db().requestPart.findUniqueOrThrow({ where: { id: byActor(dupont).id } })).status).toBe("forwarded");
    await answerActorPart(
      db(),
      getStorage(),
      dr,
      byActor(dupont).id,
      { mode: "other", sentOn: TODAY, channel: "courrier recommandé" },
      null,
    );
    const part = await db().requestPart.findUniqueOrThrow({ where: { id: byActor(dupont).id } });
    expect(part.status).toBe("answered");
    expect(part.answeredAt?.toISOString()).toBe(parisInstant(TODAY, "12:00").toISOString());
    const mail = await db().outboxEmail.findFirstOrThrow({
      where: {
        requestId: request.id,
        to: request.requesterEmail,
        subject: { startsWith: "L'acteur de santé a répondu" },
      },
    });
    expect(mail.text).toContain(
      `Dr Antoine Dupont indique vous avoir répondu le ${formatDay(TODAY, "fr")} (courrier recommandé)`,
    );
  });
});

describe("the assistance package", () => {
  it("holds the subject's appointments in that actor's agenda and the documents shared with it, nothing else", async () => {
    const { assistanceArchive, assistanceReportPdf, PACKAGE_SCHEMA } = await import("@/lib/actors/assistance-package");
    const { packageScopeOf } = await import("@/lib/actors/inbox");
    const { strFromU8, unzipSync } = await import("fflate");
    const { byActor } = await twoDoctorsCase();
    await forwardAll();
    const part = (await loadActorPart(db(), [dupont], byActor(dupont).id))!;
    const scope = packageScopeOf(part);

    const chunks: Uint8Array[] = [];
    for await (const chunk of assistanceArchive(db(), scope)) chunks.push(chunk);
    const files = unzipSync(Buffer.concat(chunks));
    expect(Object.keys(files).sort()).toEqual([
      "LISEZMOI-README.txt",
      "documents.csv",
      "dossier.json",
      "rendez-vous.csv",
      "teleconsultations.csv",
    ]);
    const json = JSON.parse(strFromU8(files["dossier.json"]!)) as {
      schema: string;
      healthActor: { id: string };
      appointments: { id: string; startsAt: string; mode: string }[];
      documents: { title: string }[];
    };
    expect(json.schema).toBe(PACKAGE_SCHEMA);
    expect(json.healthActor.id).toBe(dupont);

    // Exactly Camille's own appointments with Dr Dupont: not Léo's, not another doctor's.
    const camilleId = part.request.subjectPatientId!;
    const expected = await db().appointment.findMany({
      where: { patientId: camilleId, relativeId: null, healthActorId: dupont },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    });
    expect(expected.length).toBeGreaterThan(3);
    expect(json.appointments.map((a) => a.id)).toEqual(expected.map((a) => a.id));
    expect(json.appointments.filter((a) => a.mode === "video")).toHaveLength(1);
    const others = await db().appointment.count({ where: { patientId: camilleId, NOT: { healthActorId: dupont } } });
    expect(others).toBeGreaterThan(0);
    expect(json.documents.map((d) => d.title).sort()).toEqual([
      "Ordonnance – Dr Antoine Dupont",
      "Résultats d'analyses sanguines",
    ]);
    const csv = strFromU8(files["rendez-vous.csv"]!).trim().split("\n");
    expect(csv).toHaveLength(expected.length + 1);
    expect(strFromU8(files["teleconsultations.csv"]!).trim().split("\n")).toHaveLength(2);

    const pdf = await assistanceReportPdf(db(), scope, "fr");
    const text = (await extractText(await getDocumentProxy(pdf), { mergePages: true })).text;
    expect(text).toContain("Dossier d'assistance — Dr Antoine Dupont");
    expect(text).toContain(`Rendez-vous de votre agenda (${expected.length})`);
    expect(text).toContain("téléconsultation");
    expect(text).not.toContain("Dermatolog");
  });
});

describe("an establishment's members", () => {
  it("its admin invites and removes members; a member cannot; the last admin stays", async () => {
    const { inviteMember, listMembers, removeMember } = await import("@/lib/actors/members");
    const tilleuls = DEMO_ACTORS.tilleuls.id;
    const admin = await membershipsOf(db(), "accueil.clinique-des-tilleuls@exemple.fr");
    const plain = await membershipsOf(db(), "dpo.clinique-des-tilleuls@exemple.fr");
    const email = `infirmiere.${Date.now()}@exemple.fr`;

    expect((await failure(inviteMember(db(), plain, tilleuls, { name: "X", email, role: "member" })))?.code).toBe(
      "forbidden",
    );
    // Another actor's admin has no say here.
    expect(
      (
        await failure(
          inviteMember(db(), await membershipsOf(db(), "dr.dupont@exemple.fr"), tilleuls, {
            name: "X",
            email,
            role: "member",
          }),
        )
      )?.code,
    ).toBe("forbidden");

    await inviteMember(db(), admin, tilleuls, { name: "Infirmière coordinatrice", email, role: "member" });
    expect((await membershipsOf(db(), email)).map((m) => m.healthActorId)).toEqual([tilleuls]);
    const invitation = await db().outboxEmail.findFirstOrThrow({ where: { to: email } });
    expect(invitation.subject).toContain("Clinique des Tilleuls");
    expect(invitation.text).toContain("/fr/pro/connexion");

    const invited = (await listMembers(db(), admin, tilleuls)).find((m) => m.email === email)!;
    expect((await failure(removeMember(db(), plain, tilleuls, invited.id)))?.code).toBe("forbidden");
    await removeMember(db(), admin, tilleuls, invited.id);
    expect(await membershipsOf(db(), email)).toEqual([]);

    const self = (await listMembers(db(), admin, tilleuls)).find((m) => m.role === "admin")!;
    expect((await failure(removeMember(db(), admin, tilleuls, self.id)))?.code).toBe("conflict");
  });
});

describe("reminders and escalation", () => {
  it("reminds the actor's members before the due date; past it, the part is flagged once to the DPO queue", async () => {
    const { remindActors } = await import("@/lib/actors/actor-reminders");
    const { listCases } = await import("@/lib/backoffice/list-cases");
    const { ZCaseListQuery } = await import("@/lib/backoffice/list-cases.schema");
    const { request, byActor } = await twoDoctorsCase();
    await forwardAll();
    const part = byActor(lefebvre);
    // Due in two days, as seen on the reminder's morning.
    const morning = new Date(part.dueDate.getTime() - 2 * 86_400_000 + 7 * 3600_000);
    const before = await db().outboxEmail.count({
      where: { to: "dr.lefebvre@exemple.fr", subject: { startsWith: "Rappel" } },
    });
    await remindActors(db(), morning);
    const reminders = await db().outboxEmail.findMany({
      where: { to: "dr.lefebvre@exemple.fr", subject: { startsWith: "Rappel" } },
      orderBy: { createdAt: "desc" },
    });
    expect(reminders.length).toBe(before + 1);
    expect(reminders[0]!.text).toContain(request.reference);

    // The day after the due date: flagged, once.
    const late = new Date(part.dueDate.getTime() + 86_400_000 + 7 * 3600_000);
    await remindActors(db(), late);
    await remindActors(db(), late);
    const flagged = await db().requestPart.findUniqueOrThrow({ where: { id: part.id } });
    expect(flagged.escalatedAt).toEqual(late);
    expect(
      await db().requestEvent.count({
        where: { requestId: request.id, type: "actor_overdue", payload: { path: ["partId"], equals: part.id } },
      }),
    ).toBe(1);
    const staff = await db().staffUser.create({
      data: { email: `dpo.escalade.${Date.now()}@exemple.fr`, name: "DPO", role: "dpo_agent" },
    });
    const queue = await listCases(
      db(),
      ZCaseListQuery.parse({ status: "all", escalated: "1", q: request.reference }),
      { staffId: staff.id },
      late,
    );
    expect(queue.items).toHaveLength(1);
    expect(queue.items[0]!.parts.find((p) => p.healthActorName === "Dr Marc Lefebvre")?.escalated).toBe(true);
    // Once answered, the flag no longer shows (Dr Dupont's part, late too, still has it).
    await declineActorPart(
      db(),
      getStorage(),
      await memberOf("lefebvre"),
      part.id,
      "Hors délai, mais refusé : conservation légale.",
    );
    const after = await listCases(
      db(),
      ZCaseListQuery.parse({ status: "all", escalated: "1", q: request.reference }),
      { staffId: staff.id },
      late,
    );
    expect(after.items[0]!.parts.map((p) => [p.healthActorName, p.escalated]).sort()).toEqual([
      ["Dr Antoine Dupont", true],
      ["Dr Marc Lefebvre", false],
    ]);
    await answerActorPart(
      db(),
      getStorage(),
      await memberOf("dupont"),
      byActor(dupont).id,
      { mode: "other", sentOn: TODAY, channel: "courrier" },
      null,
    );
    expect(
      (
        await listCases(
          db(),
          ZCaseListQuery.parse({ status: "all", escalated: "1", q: request.reference }),
          { staffId: staff.id },
          late,
        )
      ).items,
    ).toHaveLength(0);
  });
});

describe("instructions to the platform", () => {
  it("erases or restricts the subject's appointments in that actor's agenda only, rectifies identity, and reports back", async () => {
    const camilleId = (await db().patient.findUniqueOrThrow({ where: { email: "camille.martin@exemple.fr" } })).id;
    const agenda = (actor: string) => ({ patientId: camilleId, relativeId: null, healthActorId: actor });
    const { request, byActor } = await twoDoctorsCase();
    await forwardAll();

    // The demo data other tests rely on is put back at the end.
    const kept = await db().appointment.findMany({ where: agenda(lefebvre) });
    const lefebvreBefore = kept.length;
    const dupontBefore = await db().appointment.count({ where: agenda(dupont) });
    const otherAgendas = await db().appointment.count({
      where: { patientId: camilleId, NOT: { healthActorId: lefebvre } },
    });
    expect(lefebvreBefore).toBeGreaterThan(0);
    const restricted = await instructPlatform(db(), await memberOf("lefebvre"), byActor(lefebvre).id, {
      kind: "restrict",
    });
    expect(restricted).toEqual({ kind: "restrict", appointments: lefebvreBefore });
    expect(await db().appointment.count({ where: { ...agenda(lefebvre), restrictedAt: { not: null } } })).toBe(
      lefebvreBefore,
    );
    const erased = await instructPlatform(db(), await memberOf("lefebvre"), byActor(lefebvre).id, {
      kind: "erase_appointments",
    });
    expect(erased).toEqual({ kind: "erase_appointments", appointments: lefebvreBefore });
    expect(await db().appointment.count({ where: agenda(lefebvre) })).toBe(0);
    expect(await db().appointment.count({ where: agenda(dupont) })).toBe(dupontBefore);
    expect(await db().appointment.count({ where: { patientId: camilleId, NOT: { healthActorId: lefebvre } } })).toBe(
      otherAgendas,
    );

    const event = await db().requestEvent.findFirstOrThrow({
      where: { requestId: request.id, type: "actor_instruction" },
      orderBy: { id: "desc" },
    });
    expect(event.payload).toEqual({
      partId: byActor(lefebvre).id,
      kind: "erase_appointments",
      appointments: lefebvreBefore,
    });

    // The identity is the platform's shared record: rectified only on a rectification request.
    const notHere = await failure(
      instructPlatform(db(), await memberOf("dupont"), byActor(dupont).id, {
        kind: "rectify_identity",
        lastName: "Martin-Durand",
      }),
    );
    expect(notHere?.code).toBe("conflict");
    const rectification = await fileSelfCase(
      db(),
      getStorage(),
      "rectification",
      { healthActorIds: [dupont] },
      { rectifications: [{ field: "Nom", current: "Martin", corrected: "Martin-Durand" }] },
    );
    await forwardAll();
    const rectificationPart = await db().requestPart.findFirstOrThrow({
      where: { requestId: rectification.id, healthActorId: dupont },
    });
    const rectified = await instructPlatform(db(), await memberOf("dupont"), rectificationPart.id, {
      kind: "rectify_identity",
      lastName: "Martin-Durand",
    });
    expect(rectified).toEqual({
      kind: "rectify_identity",
      changes: { lastName: { before: "Martin", after: "Martin-Durand" } },
    });
    expect((await db().patient.findUniqueOrThrow({ where: { id: camilleId } })).lastName).toBe("Martin-Durand");
    await db().patient.update({ where: { id: camilleId }, data: { lastName: "Martin" } });
    await db().appointment.createMany({ data: kept.map((a) => ({ ...a, restrictedAt: null })) });
  });
});
