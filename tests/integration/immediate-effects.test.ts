import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { applyImmediateEffects } from "@/lib/rights/immediate-effects";
import { importMarketingOptIns, suppressionKey } from "@/lib/marketing/suppression";
import { marketingAudience, ZAudienceQuery } from "@/lib/marketing/audience";
import { db } from "@/lib/db";
import { registryOf } from "@/lib/registry/registry-of";
import { ZActivities } from "@/lib/registry/registry.schema";
import { getStorage } from "@/lib/storage";
import { fileSelfCase } from "@/prisma/seed/cases";
import { DEMO_PATIENTS } from "@/prisma/seed/demo";
import { demoData } from "./support";

const camille = DEMO_PATIENTS.camille;

/** Whether a marketing e-mail may go to Camille now, as the platform's sending tools ask it. */
async function mayEmailCamille(): Promise<boolean> {
  const { recipients } = await marketingAudience(
    db(),
    ZAudienceQuery.parse({ channel: "email", email: [camille.email] }),
  );
  return recipients.some((r) => r.email === camille.email);
}

/** Camille's consents and marketing preferences as seeded, put back after each test. */
async function snapshot() {
  const patient = await db().patient.findUniqueOrThrow({ where: { email: camille.email } });
  const [consents, marketing] = await Promise.all([
    db().consent.findMany({ where: { patientId: patient.id }, orderBy: { activityKey: "asc" } }),
    db().marketingPreference.findMany({ where: { patientId: patient.id }, orderBy: { channel: "asc" } }),
  ]);
  return { patient, consents, marketing };
}

async function restore(before: Awaited<ReturnType<typeof snapshot>>) {
  for (const c of before.consents)
    await db().consent.update({ where: { id: c.id }, data: { withdrawnAt: c.withdrawnAt } });
  await db().marketingPreference.deleteMany({ where: { patientId: before.patient.id } });
  await db().marketingPreference.createMany({ data: before.marketing });
  await db().marketingSuppression.deleteMany({ where: { emailHash: suppressionKey(camille.email) } });
}

beforeAll(async () => {
  await demoData();
  await applyImmediateEffects(db());
});

/** A DPO agent of its own, as the case actions record their actor. */
async function dpoAgent(label: string) {
  const { upsertStaff } = await import("@/lib/staff/create-staff");
  const { uniqueEmail } = await import("./support");
  const staff = await upsertStaff(
    db(),
    { email: uniqueEmail(label), name: "DPO", role: "dpo_agent", password: "un mot de passe assez long" },
    process.env.AUTH_SECRET!,
  );
  return { type: "staff" as const, staffId: staff.id, actorId: staff.id };
}

describe("rights that take effect at once", () => {
  it("a consent withdrawal stops exactly the consents named, at once, and leaves the rest (and the past) as it was", async () => {
    const before = await snapshot();
    try {
      const request = await fileSelfCase(
        db(),
        getStorage(),
        "consent_withdrawal",
        { activities: ["research_statistics"] },
        { consents: ["research_statistics"] },
      );
      const now = new Date();
      expect(await applyImmediateEffects(db(), now)).toBeGreaterThanOrEqual(1);
      const after = await snapshot();
      const changed = after.consents.filter(
        (c, i) => c.withdrawnAt?.getTime() !== before.consents[i]!.withdrawnAt?.getTime(),
      );
      expect(changed.map((c) => c.activityKey)).toEqual(["research_statistics"]);
      expect(changed[0]!.withdrawnAt).toEqual(now);
      expect(changed[0]!.grantedAt).toEqual(before.consents.find((c) => c.id === changed[0]!.id)!.grantedAt);
      expect(after.marketing).toEqual(before.marketing);
      const event = await db().requestEvent.findFirstOrThrow({
        where: { requestId: request.id, type: "immediate_effects" },
      });
      expect(event.payload).toMatchObject({
        consentsWithdrawn: ["research_statistics"],
        directMarketingStopped: false,
      });
      // Once only.
      await applyImmediateEffects(db());
      expect(await db().requestEvent.count({ where: { requestId: request.id, type: "immediate_effects" } })).toBe(1);
    } finally {
      await restore(before);
    }
  });

  it("an objection to direct marketing stops it on every channel, and a later import cannot opt her in again", async () => {
    const before = await snapshot();
    try {
      expect(await mayEmailCamille()).toBe(true);
      await fileSelfCase(db(), getStorage(), "objection", { activities: ["direct_marketing"] });
      await applyImmediateEffects(db());
      const after = await snapshot();
      expect(after.marketing.map((m) => m.channel).sort()).toEqual(["email", "in_app", "push", "sms"]);
      expect(after.marketing.every((m) => !m.optedIn)).toBe(true);
      expect(after.consents).toEqual(before.consents);
      expect(await mayEmailCamille()).toBe(false);

      // A partner list brings her back opted in: refused; another patient is imported.
      const result = await importMarketingOptIns(db(), [
        { email: camille.email.toUpperCase(), channel: "email" },
        { email: DEMO_PATIENTS.thomas.email, channel: "email" },
      ]);
      expect(result).toEqual({ imported: 1, suppressed: 1 });
      expect(await mayEmailCamille()).toBe(false);
      const row = await db().marketingSuppression.findUniqueOrThrow({
        where: { emailHash: suppressionKey(camille.email) },
      });
      expect(JSON.stringify(row)).not.toContain(camille.email);
    } finally {
      await restore(before);
      const thomas = await db().patient.findUniqueOrThrow({ where: { email: DEMO_PATIENTS.thomas.email } });
      await db().marketingPreference.update({
        where: { patientId_channel: { patientId: thomas.id, channel: "email" } },
        data: { optedIn: false },
      });
    }
  });
});

describe("rectification", () => {
  it("changes the subject's record in one transaction, keeping each value before and after; refuses a change it cannot make and changes nothing then", async () => {
    const { rectifySubject } = await import("@/lib/rights/rectification/rectify");
    const actor = await dpoAgent("dpo-rectif");
    const before = await db().patient.findUniqueOrThrow({ where: { email: camille.email } });
    const request = await fileSelfCase(
      db(),
      getStorage(),
      "rectification",
      {},
      { rectifications: [{ field: "Nom", current: "Martin", corrected: "Martin-Durand" }] },
    );
    try {
      // A date in the future: refused, nothing changed.
      const refused = await rectifySubject(
        db(),
        request.reference,
        {
          changes: [
            { field: "lastName", value: "Martin-Durand" },
            { field: "birthDate", value: "2999-01-01" },
          ],
        },
        actor,
      ).catch((e: unknown) => e);
      expect((refused as { code?: string }).code).toBe("validation");
      expect((await db().patient.findUniqueOrThrow({ where: { id: before.id } })).lastName).toBe("Martin");

      const changes = await rectifySubject(
        db(),
        request.reference,
        {
          changes: [
            { field: "lastName", value: "Martin-Durand" },
            { field: "city", value: "Villeurbanne" },
          ],
        },
        actor,
      );
      expect(changes).toEqual([
        { field: "lastName", before: "Martin", after: "Martin-Durand" },
        { field: "city", before: before.city, after: "Villeurbanne" },
      ]);
      const after = await db().patient.findUniqueOrThrow({ where: { id: before.id } });
      expect(after).toMatchObject({
        lastName: "Martin-Durand",
        city: "Villeurbanne",
        firstName: before.firstName,
        email: before.email,
        phone: before.phone,
      });
      const event = await db().requestEvent.findFirstOrThrow({
        where: { requestId: request.id, type: "rectification_applied" },
      });
      expect(event.payload).toEqual({ changes });
    } finally {
      await db().patient.update({ where: { id: before.id }, data: { lastName: before.lastName, city: before.city } });
    }
  });
});

describe("restriction", () => {
  it("granted, it stops marketing for the person; it is lifted only after the person was told", async () => {
    const { answerPart } = await import("@/lib/cases/answer-part");
    const { announceLift, liftRestriction } = await import("@/lib/rights/restriction/restriction");
    const actor = await dpoAgent("dpo-limit");
    const patient = await db().patient.findUniqueOrThrow({ where: { email: camille.email } });
    expect(await mayEmailCamille()).toBe(true);

    const request = await fileSelfCase(
      db(),
      getStorage(),
      "restriction",
      {},
      { restrictionGround: "accuracy_contested" },
    );
    const platform = await db().requestPart.findFirstOrThrow({ where: { requestId: request.id, handler: "platform" } });
    try {
      await answerPart(
        db(),
        getStorage(),
        request.reference,
        {
          partId: platform.id,
          outcome: "granted",
          grounds: [],
          message: "La limitation est appliquée pendant la vérification.",
        },
        actor,
      );
      expect(await mayEmailCamille()).toBe(false);
      expect(await db().patient.findUniqueOrThrow({ where: { id: patient.id } })).toMatchObject({
        restrictionReference: request.reference,
        restrictedAt: expect.any(Date),
      });

      const early = await liftRestriction(db(), request.reference, actor).catch((e: unknown) => e as { code: string });
      expect(early?.code).toBe("conflict");
      expect(await mayEmailCamille()).toBe(false);

      await announceLift(db(), request.reference, "Vos données ont été vérifiées et sont exactes.", actor);
      const notice = await db().outboxEmail.findFirstOrThrow({
        where: { requestId: request.id, subject: { contains: "va être levée" } },
      });
      expect(notice.text).toContain("Vos données ont été vérifiées et sont exactes.");
      await liftRestriction(db(), request.reference, actor);
      expect(await mayEmailCamille()).toBe(true);
      const types = (
        await db().requestEvent.findMany({ where: { requestId: request.id }, orderBy: { id: "asc" } })
      ).map((e) => e.type);
      expect(types.filter((t) => t.startsWith("restriction"))).toEqual([
        "restriction_applied",
        "restriction_lift_announced",
        "restriction_lifted",
      ]);
      // The recipients told of the restriction (change 1) are told of its lifting (change 2), the same ones.
      const { openNoticePayload } = await import("@/lib/recipients/notice-payload");
      const notices = await db().recipientNotice.findMany({
        where: { requestId: request.id },
        orderBy: [{ change: "asc" }, { recipient: "asc" }],
      });
      const byChange = (change: number) => notices.filter((n) => n.change === change).map((n) => n.recipient);
      expect(byChange(1).length).toBeGreaterThan(0);
      expect(byChange(2)).toEqual(byChange(1));
      expect(await openNoticePayload(notices.find((n) => n.change === 2)!.payloadSealed!)).toMatchObject({
        right: "restriction",
        lifted: true,
        subject: { email: camille.email },
      });
    } finally {
      await db().patient.update({
        where: { id: patient.id },
        data: { restrictedAt: null, restrictionReference: null, restrictionLiftNoticeAt: null },
      });
    }
  });
});

describe("objection on legitimate interest", () => {
  it("is weighed on the processing as the case's own registry described it, not as today's", async () => {
    const { balanceObjection } = await import("@/lib/rights/objection/objection");
    const { currentRegistry } = await import("@/lib/registry");
    const actor = await dpoAgent("dpo-version");
    const current = currentRegistry();
    const activity = current.activities.find(
      (a) => a.controller === "platform" && !a.directMarketing && a.legalBases.includes("legitimate_interest"),
    )!;
    // The version the case was filed under: the same processing then rested on consent alone.
    const version = `earlier-${randomUUID()}`;
    await db().registryVersion.create({
      data: {
        version,
        activities: ZActivities.parse(
          current.activities.map((a) => (a.key === activity.key ? { ...a, legalBases: ["consent"] } : a)),
        ),
      },
    });
    const request = await fileSelfCase(
      db(),
      getStorage(),
      "objection",
      { activities: [activity.key] },
      { objectionGrounds: "Je ne souhaite pas que mes données servent à cela." },
    );
    await db().rightsRequest.update({ where: { id: request.id }, data: { registryVersion: version } });

    const refused = (await balanceObjection(
      db(),
      request.reference,
      { decision: "objection_upheld", reasons: "Aucun motif impérieux." },
      actor,
    ).catch((e: unknown) => e)) as { code?: string };
    expect(refused.code).toBe("conflict");
  });

  it("the DPO records the balancing decision and its reasons; nothing to weigh for direct marketing", async () => {
    const { balanceObjection, balancedActivities } = await import("@/lib/rights/objection/objection");
    const { currentRegistry } = await import("@/lib/registry");
    const actor = await dpoAgent("dpo-balance");
    const activity = currentRegistry().activities.find(
      (a) => a.controller === "platform" && !a.directMarketing && a.legalBases.includes("legitimate_interest"),
    )!;
    expect(activity).toBeDefined();

    const request = await fileSelfCase(
      db(),
      getStorage(),
      "objection",
      { activities: [activity.key] },
      { objectionGrounds: "Je ne souhaite pas que mes données servent à cela." },
    );
    const platform = await db().requestPart.findFirstOrThrow({ where: { requestId: request.id, handler: "platform" } });
    expect(balancedActivities(await registryOf(db(), request.registryVersion), platform.activities)).toEqual([
      activity.key,
    ]);
    const missing = (await balanceObjection(
      db(),
      request.reference,
      { decision: "compelling_grounds", reasons: " " },
      actor,
    ).catch((e: unknown) => e)) as { issues?: { path: string[] }[] };
    expect(missing.issues?.map((i) => i.path.join("."))).toEqual(["reasons"]);
    await balanceObjection(
      db(),
      request.reference,
      { decision: "objection_upheld", reasons: "Sa situation particulière l'emporte : aucun motif impérieux." },
      actor,
    );
    const event = await db().requestEvent.findFirstOrThrow({
      where: { requestId: request.id, type: "objection_balanced" },
    });
    expect(event.payload).toEqual({
      activities: [activity.key],
      decision: "objection_upheld",
      reason: "Sa situation particulière l'emporte : aucun motif impérieux.",
    });

    const marketing = await fileSelfCase(db(), getStorage(), "objection", { activities: ["direct_marketing"] });
    const refused = (await balanceObjection(
      db(),
      marketing.reference,
      { decision: "objection_upheld", reasons: "x" },
      actor,
    ).catch((e: unknown) => e)) as { code?: string };
    expect(refused.code).toBe("conflict");
  });
});
