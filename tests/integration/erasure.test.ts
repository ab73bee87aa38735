import { strFromU8, unzipSync } from "fflate";
import { extractText, getDocumentProxy } from "unpdf";
import { beforeAll, describe, expect, it } from "vitest";
import { purgeErasureArchives } from "@/lib/rights/erasure/erase-subject";
import { suppressionKey } from "@/lib/marketing/suppression";
import { answerPart } from "@/lib/cases/answer-part";
import { decideIdentity } from "@/lib/cases/decide-identity";
import { db } from "@/lib/db";
import { upsertStaff } from "@/lib/staff/create-staff";
import { openNoticePayload } from "@/lib/recipients/notice-payload";
import { getStorage } from "@/lib/storage";
import { openText } from "@/lib/storage/sealed-text";
import { fileAsAccountHolder } from "@/prisma/seed/cases";
import { DEMO_ACTORS } from "@/prisma/seed/demo";
import { diff, family, idsOf, snapshot } from "./family";
import { demoData, uniqueEmail } from "./support";

let actor: { type: "staff"; staffId: string; actorId: string };
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

beforeAll(async () => {
  await demoData();
  const staff = await upsertStaff(
    db(),
    { email: uniqueEmail("dpo-effacement"), name: "DPO", role: "dpo_agent", password: "un mot de passe assez long" },
    process.env.AUTH_SECRET!,
  );
  actor = { type: "staff", staffId: staff.id, actorId: staff.id };
});

async function grantPlatformPart(request: { id: string; reference: string }) {
  const platform = await db().requestPart.findFirstOrThrow({ where: { requestId: request.id, handler: "platform" } });
  await answerPart(
    db(),
    getStorage(),
    request.reference,
    { partId: platform.id, outcome: "granted", grounds: [], message: "Nous avons effacé vos données." },
    actor,
  );
}

/** Alice asks for the erasure of her son Hugo's profile, with her proof of parental authority, accepted. */
async function aliceErasesHugo(f: Awaited<ReturnType<typeof family>>) {
  const request = await fileAsAccountHolder(
    db(),
    getStorage(),
    f.alice,
    { right: "erasure", subject: { relation: "minor", firstName: "Hugo", lastName: "Morel", birthDate: "2015-03-04" } },
    PDF,
  );
  await decideIdentity(db(), getStorage(), request.reference, { decision: "accepted" }, actor);
  return request;
}

const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

async function letterText(requestId: string) {
  const letter = await db().caseLetter.findFirstOrThrow({ where: { requestId, kind: "answer" } });
  return (
    await extractText(await getDocumentProxy(new Uint8Array(await getStorage().get(letter.storageKey))), {
      mergePages: true,
    })
  ).text;
}

describe("erasure of an account (GDPR Art. 17)", () => {
  it("erases the account and what it holds, keeps what the health actors and the law need, and changes nothing else", async () => {
    const f = await family();
    const aliceDocs = await db().document.findMany({ where: { patientId: f.alice.id } });
    const request = await fileAsAccountHolder(db(), getStorage(), f.alice, {
      right: "erasure",
      subject: { relation: "self", firstName: "Alice", lastName: "Morel", birthDate: "1980-02-03" },
    });
    const before = await snapshot();
    const answeredAt = Date.now();
    await grantPlatformPart(request);
    const after = await snapshot();

    const aliceLinks = [f.hugo.id, f.zoe.id, f.rose.id].map((r) => `${f.alice.id}/${r}`).sort();
    expect(diff(before, after)).toEqual({
      // The account stays only as the identity Dr Dupont's and Dr Rousseau's agendas refer to.
      patient: { removed: [], added: [], changed: [f.alice.id] },
      // Hugo is closed (Dr Rousseau's agenda refers to him), Zoé deleted, Rose kept for Bruno.
      relative: { removed: [f.zoe.id], added: [], changed: [f.hugo.id] },
      patientRelative: { removed: aliceLinks, added: [], changed: [] },
      document: { removed: ids(aliceDocs), added: [], changed: [] },
      consent: { removed: idsOf("consent", before, f.alice.id).sort(), added: [], changed: [] },
      marketingPreference: { removed: [`${f.alice.id}/email`, `${f.alice.id}/sms`], added: [], changed: [] },
    });

    const alice = await db().patient.findUniqueOrThrow({ where: { id: f.alice.id } });
    expect(alice).toMatchObject({
      firstName: "Alice",
      lastName: "Morel",
      email: `closed+${f.alice.id}@invalid`,
      emailVerified: false,
      phone: null,
      street: null,
      postalCode: null,
      city: null,
    });
    expect(alice.closedAt!.getTime()).toBeGreaterThanOrEqual(answeredAt);
    expect((await db().relative.findUniqueOrThrow({ where: { id: f.hugo.id } })).closedAt).not.toBeNull();
    expect(await db().patientRelative.findMany({ where: { relativeId: f.rose.id } })).toEqual([
      expect.objectContaining({ patientId: f.bruno.id }),
    ]);

    // The documents and account information sit sealed in the archive for seven days.
    const archive = await db().erasureArchive.findFirstOrThrow({ where: { reference: request.reference } });
    expect(archive.documents).toBe(3);
    expect(archive.purgeAfter.getTime() - alice.closedAt!.getTime()).toBe(7 * 86_400_000);
    expect(Buffer.from(archive.sealed).toString("latin1")).not.toContain("Alice");
    const sealed = JSON.parse(await openText(archive.sealed)) as {
      account: { email: string };
      documents: { title: string }[];
    };
    expect(sealed.account.email).toBe(f.alice.email);
    expect(sealed.documents.map((d) => d.title).sort()).toEqual([
      "Bilan sanguin Alice",
      "Compte rendu Rose",
      "Ordonnance Alice",
    ]);

    const record = await db().erasureRecord.findFirstOrThrow({ where: { requestId: request.id } });
    expect(record.summary).toMatchObject({
      erased: expect.arrayContaining([
        { item: "account", count: 1 },
        { item: "documents", count: 3 },
        { item: "relative_profiles", count: 1 },
        { item: "relative_links", count: 3 },
        { item: "consents", count: 2 },
        { item: "marketing_preferences", count: 2 },
      ]),
      kept: expect.arrayContaining([
        { item: "case_file", count: 1 },
        { item: "closed_relative_profiles", count: 1 },
        { item: "shared_relative_profiles", count: 1 },
        { item: "actor_documents", count: 1 },
        {
          item: "actor_appointments",
          count: 2,
          names: [DEMO_ACTORS.dupont.name, DEMO_ACTORS.rousseau.name],
          others: false,
        },
        { item: "archive", count: 3 },
      ]),
    });

    // The answer carries the certificate: what was erased and when, what was kept and why.
    const text = await letterText(request.id);
    expect(text).toContain("Certificat d'effacement");
    expect(text).toContain("Documents retirés du compte : 3.");
    expect(text).toContain(`2 rendez-vous dans l'agenda de : ${DEMO_ACTORS.dupont.name}, ${DEMO_ACTORS.rousseau.name}`);
    expect(text).toContain("R1112-7");
    expect(text).toContain("17(3)(b)");
    expect(text).toContain("Motifs de l'effacement");
    expect(text).toContain("17(1)(a)");
    expect(text).toContain("7 jours");
    // Dr Dupont's own part goes on (Hugo's appointment is his, not Alice's): the actor decides for its agenda.
    const parts = await db().requestPart.findMany({
      where: { requestId: request.id },
      select: { handler: true, status: true, healthActorId: true },
    });
    expect(parts.find((p) => p.handler === "platform")!.status).toBe("answered");
    expect(parts.filter((p) => p.handler === "health_actor").map((p) => p.healthActorId)).toEqual([
      DEMO_ACTORS.dupont.id,
    ]);

    // The recipients are told (Art. 19), with who she was, read before the erasure.
    const notices = await db().recipientNotice.findMany({ where: { requestId: request.id } });
    expect(notices.length).toBeGreaterThan(3);
    expect(await openNoticePayload(notices[0]!.payloadSealed!)).toMatchObject({
      right: "erasure",
      subject: { firstName: "Alice", email: f.alice.email },
      erasedCategories: expect.arrayContaining(["Documents retirés du compte : 3."]),
    });

    // A second erasure finds nothing left to erase, and says so.
    const again = await fileAsAccountHolder(db(), getStorage(), f.alice, {
      right: "erasure",
      subject: { relation: "self", firstName: "Alice", lastName: "Morel", birthDate: "1980-02-03" },
    });
    // Without an account, her identity is checked by hand.
    await decideIdentity(db(), getStorage(), again.reference, { decision: "accepted" }, actor);
    const platform = await db().requestPart.findFirstOrThrow({ where: { requestId: again.id, handler: "platform" } });
    await expect(
      answerPart(
        db(),
        getStorage(),
        again.reference,
        { partId: platform.id, outcome: "granted", grounds: [], message: "x" },
        actor,
      ),
    ).rejects.toMatchObject({
      code: "conflict",
      userMessage: { fr: expect.stringContaining("déjà effacé") },
    });
  });

  it("purges the archive after seven days, and the closed identities once no agenda refers to them", async () => {
    const f = await family();
    const request = await fileAsAccountHolder(db(), getStorage(), f.alice, {
      right: "erasure",
      subject: { relation: "self", firstName: "Alice", lastName: "Morel", birthDate: "1980-02-03" },
    });
    await grantPlatformPart(request);
    const archive = await db().erasureArchive.findFirstOrThrow({ where: { reference: request.reference } });

    await purgeErasureArchives(db(), new Date(archive.purgeAfter.getTime() - 60_000));
    expect(await db().erasureArchive.count({ where: { id: archive.id } })).toBe(1);
    await purgeErasureArchives(db(), archive.purgeAfter);
    expect(await db().erasureArchive.count({ where: { id: archive.id } })).toBe(0);
    expect(
      await db().requestEvent.findFirst({ where: { requestId: request.id, type: "erasure_archive_purged" } }),
    ).toMatchObject({ payload: { documents: 3 } });

    // The identity stays while the health actors' agendas hold appointments; once they erase theirs, it goes.
    expect(await db().patient.count({ where: { id: f.alice.id } })).toBe(1);
    await db().appointment.deleteMany({ where: { patientId: f.alice.id } });
    await purgeErasureArchives(db());
    expect(await db().patient.count({ where: { id: f.alice.id } })).toBe(0);
    expect(await db().relative.count({ where: { id: f.hugo.id } })).toBe(0);
    expect(await db().relative.count({ where: { id: f.rose.id } })).toBe(1);
  });

  it("an access request after the erasure finds no account: the copy holds nothing of it", async () => {
    const f = await family();
    await grantPlatformPart(
      await fileAsAccountHolder(db(), getStorage(), f.alice, {
        right: "erasure",
        subject: { relation: "self", firstName: "Alice", lastName: "Morel", birthDate: "1980-02-03" },
      }),
    );
    const access = await fileAsAccountHolder(db(), getStorage(), f.alice, {
      right: "access",
      subject: { relation: "self", firstName: "Alice", lastName: "Morel", birthDate: "1980-02-03" },
    });
    await decideIdentity(db(), getStorage(), access.reference, { decision: "accepted" }, actor);
    await grantPlatformPart(access);
    const copy = await db().dataExport.findFirstOrThrow({ where: { requestId: access.id } });
    const files = unzipSync(new Uint8Array(await getStorage().get(copy.zipKey!)));
    const data = JSON.parse(strFromU8(files["donnees.json"]!)) as {
      account: unknown;
      relatives: unknown[];
      appointments: unknown[];
      documents: unknown[];
    };
    expect(data.account).toBeNull();
    expect([data.relatives, data.appointments, data.documents]).toEqual([[], [], []]);
    expect(JSON.stringify(data)).not.toContain("closed+");
  });

  it("deletes an account no health actor's agenda refers to outright", async () => {
    const f = await family({ appointments: false });
    const request = await fileAsAccountHolder(db(), getStorage(), f.alice, {
      right: "erasure",
      subject: { relation: "self", firstName: "Alice", lastName: "Morel", birthDate: "1980-02-03" },
    });
    await grantPlatformPart(request);
    expect(await db().patient.count({ where: { id: f.alice.id } })).toBe(0);
    expect(await db().relative.count({ where: { id: { in: [f.hugo.id, f.zoe.id] } } })).toBe(0);
    expect(await db().relative.count({ where: { id: f.rose.id } })).toBe(1);
    const text = await letterText(request.id);
    expect(text).not.toContain("rendez-vous dans l'agenda");
  });

  it("an erasure of some processing only removes that processing's data", async () => {
    const f = await family();
    await db().marketingSuppression.create({
      data: { emailHash: suppressionKey(f.alice.email), reference: "DSR-TEST" },
    });
    const request = await fileAsAccountHolder(db(), getStorage(), f.alice, {
      right: "erasure",
      scope: { activities: ["direct_marketing", "map_service"] },
      subject: { relation: "self", firstName: "Alice", lastName: "Morel", birthDate: "1980-02-03" },
    });
    const before = await snapshot();
    await grantPlatformPart(request);
    const mapConsent = await db().consent.findMany({ where: { patientId: f.alice.id } });
    expect(mapConsent.map((c) => c.activityKey)).toEqual(["personalised_services"]);
    expect(diff(before, await snapshot())).toEqual({
      consent: {
        removed: idsOf("consent", before, f.alice.id).filter((id) => !ids(mapConsent).includes(id)),
        added: [],
        changed: [],
      },
      marketingPreference: { removed: [`${f.alice.id}/email`, `${f.alice.id}/sms`], added: [], changed: [] },
    });
    const record = await db().erasureRecord.findFirstOrThrow({ where: { requestId: request.id } });
    expect(record.summary).toMatchObject({
      archivedUntil: null,
      kept: expect.arrayContaining([{ item: "marketing_suppression", count: 1 }]),
    });
    await db().marketingSuppression.delete({ where: { emailHash: suppressionKey(f.alice.email) } });
  });

  it("a parent erases a child's profile from their account; a profile another account holds stays there", async () => {
    const f = await family();
    const request = await aliceErasesHugo(f);
    const before = await snapshot();
    await grantPlatformPart(request);
    expect(diff(before, await snapshot())).toEqual({
      relative: { removed: [], added: [], changed: [f.hugo.id] },
      patientRelative: { removed: [`${f.alice.id}/${f.hugo.id}`], added: [], changed: [] },
    });
    const text = await letterText(request.id);
    expect(text).toContain(`1 rendez-vous dans l'agenda de : ${DEMO_ACTORS.rousseau.name}`);
    // A profile the parent created is not data the child gave online (Art. 17(1)(f)): the account's contract ground.
    expect(text).toContain("17(1)(a)");
    expect(text).not.toContain("17(1)(f)");
  });

  it("a child's profile another account also holds stays there, and the certificate names only the doctors the parent booked", async () => {
    const f = await family();
    // Bruno holds Hugo too, and booked him with Dr Lefebvre: Alice is not to learn that.
    await db().patientRelative.create({ data: { patientId: f.bruno.id, relativeId: f.hugo.id, link: "other" } });
    await db().appointment.create({
      data: {
        patientId: f.bruno.id,
        relativeId: f.hugo.id,
        healthActorId: DEMO_ACTORS.lefebvre.id,
        startsAt: new Date("2026-06-02T09:00:00Z"),
        status: "done",
        motive: "Suivi",
      },
    });
    const request = await aliceErasesHugo(f);
    const before = await snapshot();
    await grantPlatformPart(request);
    expect(diff(before, await snapshot())).toEqual({
      patientRelative: { removed: [`${f.alice.id}/${f.hugo.id}`], added: [], changed: [] },
    });
    const text = await letterText(request.id);
    expect(text).toContain(`1 rendez-vous dans l'agenda de : ${DEMO_ACTORS.rousseau.name}`);
    expect(text).not.toContain(DEMO_ACTORS.lefebvre.name);
    expect(text).toContain("1 profil(s) de proche rattaché(s) aussi à un autre compte");
    // Nothing the platform processes was erased: the link only. No recipient is told to erase.
    expect(await db().recipientNotice.count({ where: { requestId: request.id } })).toBe(0);
  });

  it("granted in part, it erases only the processing the DPO chose, and says what is kept on which ground", async () => {
    const f = await family();
    const request = await fileAsAccountHolder(db(), getStorage(), f.alice, {
      right: "erasure",
      subject: { relation: "self", firstName: "Alice", lastName: "Morel", birthDate: "1980-02-03" },
    });
    const platform = await db().requestPart.findFirstOrThrow({ where: { requestId: request.id, handler: "platform" } });
    const mapConsent = await db().consent.findFirstOrThrow({
      where: { patientId: f.alice.id, activityKey: "map_service" },
    });
    const before = await snapshot();
    const partly = {
      partId: platform.id,
      outcome: "partly_granted" as const,
      grounds: ["art_17_3_e" as const],
      message: "Votre compte est conservé : un litige est en cours.",
    };
    // Which processing is erased must be said, among the part's own.
    await expect(answerPart(db(), getStorage(), request.reference, partly, actor)).rejects.toMatchObject({
      code: "validation",
      fields: [{ path: "grantedActivities", key: "required" }],
    });
    await expect(
      answerPart(db(), getStorage(), request.reference, { ...partly, grantedActivities: ["unknown"] }, actor),
    ).rejects.toMatchObject({ fields: [{ path: "grantedActivities", key: "invalid" }] });
    expect(diff(before, await snapshot())).toEqual({});

    await answerPart(
      db(),
      getStorage(),
      request.reference,
      { ...partly, grantedActivities: ["direct_marketing", "map_service"] },
      actor,
    );
    expect(diff(before, await snapshot())).toEqual({
      consent: { removed: [mapConsent.id], added: [], changed: [] },
      marketingPreference: { removed: [`${f.alice.id}/email`, `${f.alice.id}/sms`], added: [], changed: [] },
    });
    const text = await letterText(request.id);
    expect(text).toContain("Nous faisons droit à votre demande en partie.");
    expect(text).toContain("17(3)(e)");
    expect(text).not.toContain("Votre compte : coordonnées");
  });

  it("erasing the account in part still erases all it holds, and the recipients of all of it are told", async () => {
    const f = await family();
    const request = await fileAsAccountHolder(db(), getStorage(), f.alice, {
      right: "erasure",
      subject: { relation: "self", firstName: "Alice", lastName: "Morel", birthDate: "1980-02-03" },
    });
    const platform = await db().requestPart.findFirstOrThrow({ where: { requestId: request.id, handler: "platform" } });
    await answerPart(
      db(),
      getStorage(),
      request.reference,
      {
        partId: platform.id,
        outcome: "partly_granted",
        grounds: ["art_17_3_e"],
        grantedActivities: ["account_management"],
        message: "Le compte est effacé.",
      },
      actor,
    );
    expect(await db().consent.count({ where: { patientId: f.alice.id } })).toBe(0);
    const told = (await db().recipientNotice.findMany({ where: { requestId: request.id } })).map((n) => n.recipient);
    // Her consents (personalised services, map) and her marketing went with the account: their recipients are told.
    expect(told).toEqual(expect.arrayContaining(["Braze", "Google (Google Maps)", "Didomi"]));
    const text = await letterText(request.id);
    expect(text).toContain("Retrait du consentement");
  });

  it("processing that only uses the account's data erases nothing while the account stays, and the certificate says why", async () => {
    const f = await family();
    const request = await fileAsAccountHolder(db(), getStorage(), f.alice, {
      right: "erasure",
      scope: { activities: ["account_information", "research_statistics"] },
      subject: { relation: "self", firstName: "Alice", lastName: "Morel", birthDate: "1980-02-03" },
    });
    const before = await snapshot();
    await grantPlatformPart(request);
    expect(diff(before, await snapshot())).toEqual({});
    const text = await letterText(request.id);
    expect(text).toContain("Aucune donnée n'a été effacée.");
    expect(text).toContain("Les données du compte ou du profil que ces traitements utilisent");
    expect(await db().recipientNotice.count({ where: { requestId: request.id } })).toBe(0);
  });

  it("a parent erasing a minor's own account rests on Art. 17(1)(f)", async () => {
    const f = await family();
    // Léa, 16, has her own account; her mother Alice asks, with the proof of parental authority.
    await db().patient.create({
      data: { email: uniqueEmail("lea"), firstName: "Léa", lastName: "Morel", birthDate: new Date("2010-05-06") },
    });
    const request = await fileAsAccountHolder(
      db(),
      getStorage(),
      f.alice,
      {
        right: "erasure",
        subject: { relation: "minor", firstName: "Léa", lastName: "Morel", birthDate: "2010-05-06" },
      },
      PDF,
    );
    expect(request.subjectPatientId).not.toBeNull();
    await decideIdentity(db(), getStorage(), request.reference, { decision: "accepted" }, actor);
    await grantPlatformPart(request);
    const text = await letterText(request.id);
    expect(text).toContain("17(1)(f)");
    expect(text).not.toContain("17(1)(a)");
  });

  it("a refused erasure changes nothing", async () => {
    const f = await family();
    const request = await fileAsAccountHolder(db(), getStorage(), f.alice, {
      right: "erasure",
      subject: { relation: "self", firstName: "Alice", lastName: "Morel", birthDate: "1980-02-03" },
    });
    const platform = await db().requestPart.findFirstOrThrow({ where: { requestId: request.id, handler: "platform" } });
    const before = await snapshot();
    await answerPart(
      db(),
      getStorage(),
      request.reference,
      { partId: platform.id, outcome: "refused", grounds: ["art_17_3_e"], message: "Un litige est en cours." },
      actor,
    );
    expect(diff(before, await snapshot())).toEqual({});
    expect(await db().erasureRecord.count({ where: { requestId: request.id } })).toBe(0);
  });
});
