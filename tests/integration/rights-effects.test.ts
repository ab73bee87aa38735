import { beforeAll, describe, expect, it } from "vitest";
import { applyImmediateEffects } from "@/lib/rights/immediate-effects";
import { suppressionKey } from "@/lib/marketing/suppression";
import { noticeRecipientsOf } from "@/lib/registry/recipients";
import { rectifySubject } from "@/lib/rights/rectification/rectify";
import { answerPart } from "@/lib/cases/answer-part";
import { db } from "@/lib/db";
import { upsertStaff } from "@/lib/staff/create-staff";
import { openNoticePayload } from "@/lib/recipients/notice-payload";
import { currentRegistry } from "@/lib/registry";
import { getStorage } from "@/lib/storage";
import { fileAsAccountHolder } from "@/prisma/seed/cases";
import { diff, family, snapshot } from "./family";
import { demoData, uniqueEmail } from "./support";

/**
 * Each right applied to Alice's account, next to the demo data: the rows of every table that holds
 * the subjects' data are compared before and after, so that a right changes exactly what it should
 * and nothing else (erasure has its own suite: erasure.test.ts).
 */
let actor: { type: "staff"; staffId: string; actorId: string };

beforeAll(async () => {
  await demoData();
  const staff = await upsertStaff(
    db(),
    { email: uniqueEmail("dpo-effets"), name: "DPO", role: "dpo_agent", password: "un mot de passe assez long" },
    process.env.AUTH_SECRET!,
  );
  actor = { type: "staff", staffId: staff.id, actorId: staff.id };
  // Cases other suites left ready are applied first: only this suite's own effects are then seen.
  await applyImmediateEffects(db());
});

const self = { relation: "self", firstName: "Alice", lastName: "Morel", birthDate: "1980-02-03" };

async function file(
  alice: { firstName: string; lastName: string; email: string },
  right: string,
  extra: Record<string, unknown> = {},
) {
  return fileAsAccountHolder(db(), getStorage(), alice, { right, subject: self, ...extra });
}

/**
 * The Art. 19 notices queued with the change: one per recipient of the processing that holds Alice's
 * data (her account, the consents she gave, the marketing she opted in to, her documents), each
 * holding what it is told; not the recipients of processing she is not in, nor the platform's hosts.
 */
const ALICE_ACTIVITIES = [
  "account_management",
  "account_information",
  "personalised_services",
  "map_service",
  "direct_marketing",
  "prescription_sharing",
];

async function notices(requestId: string) {
  const rows = await db().recipientNotice.findMany({ where: { requestId }, orderBy: { recipient: "asc" } });
  expect(rows.map((n) => n.recipient).sort()).toEqual(
    [...noticeRecipientsOf(currentRegistry(), ALICE_ACTIVITIES)].sort(),
  );
  expect(rows.map((n) => n.recipient)).toEqual(expect.arrayContaining(["Braze", "Google (Google Maps)"]));
  expect(rows.map((n) => n.recipient)).not.toContain("Meta");
  expect(rows.map((n) => n.recipient)).not.toContain("AWS EMEA");
  expect(rows.every((n) => n.status === "pending")).toBe(true);
  return openNoticePayload(rows[0]!.payloadSealed!);
}

async function grantPlatformPart(request: { id: string; reference: string }) {
  const platform = await db().requestPart.findFirstOrThrow({ where: { requestId: request.id, handler: "platform" } });
  await answerPart(
    db(),
    getStorage(),
    request.reference,
    { partId: platform.id, outcome: "granted", grounds: [], message: "Réponse." },
    actor,
  );
}

describe("what each right changes in the platform's data, and nothing else", () => {
  it.each([
    ["access", {}],
    ["portability", { details: { portabilityFormat: "json" } }],
  ])("%s: the copy is prepared, no data is changed", async (right, extra) => {
    const f = await family();
    const request = await file(f.alice, right, extra);
    const before = await snapshot();
    await grantPlatformPart(request);
    expect(diff(before, await snapshot())).toEqual({});
    expect(await db().dataExport.count({ where: { requestId: request.id } })).toBe(1);
    expect(await db().recipientNotice.count({ where: { requestId: request.id } })).toBe(0);
  });

  it("rectification: the fields corrected on the subject's record, and only them", async () => {
    const f = await family();
    const request = await file(f.alice, "rectification", {
      details: { rectifications: [{ field: "Ville", current: "Lyon", corrected: "Villeurbanne" }] },
    });
    const before = await snapshot();
    await rectifySubject(
      db(),
      request.reference,
      {
        changes: [
          { field: "city", value: "Villeurbanne" },
          { field: "phone", value: "+33 6 99 99 99 99" },
        ],
      },
      actor,
    );
    expect(diff(before, await snapshot())).toEqual({ patient: { removed: [], added: [], changed: [f.alice.id] } });
    const alice = await db().patient.findUniqueOrThrow({ where: { id: f.alice.id } });
    expect({ ...alice, updatedAt: null }).toEqual({
      ...f.alice,
      city: "Villeurbanne",
      phone: "+33 6 99 99 99 99",
      updatedAt: null,
    });
    // The map service only holds her address: it is told of the new city, not of the new phone number.
    const maps = await db().recipientNotice.findFirstOrThrow({
      where: { requestId: request.id, recipient: "Google (Google Maps)" },
    });
    expect((await openNoticePayload(maps.payloadSealed!)).changes).toEqual([{ field: "city", after: "Villeurbanne" }]);
    // The recipients are told, with the person as they knew her and the new values they hold.
    expect(await notices(request.id)).toEqual({
      right: "rectification",
      subject: { firstName: "Alice", lastName: "Morel", birthDate: "1980-02-03", email: f.alice.email },
      changes: [
        { field: "city", after: "Villeurbanne" },
        { field: "phone", after: "+33 6 99 99 99 99" },
      ],
    });
  });

  it("restriction: the subject's record is flagged, nothing else", async () => {
    const f = await family();
    const request = await file(f.alice, "restriction", { details: { restrictionGround: "accuracy_contested" } });
    const before = await snapshot();
    await grantPlatformPart(request);
    expect(diff(before, await snapshot())).toEqual({ patient: { removed: [], added: [], changed: [f.alice.id] } });
    const alice = await db().patient.findUniqueOrThrow({ where: { id: f.alice.id } });
    expect({ ...alice, updatedAt: null, restrictedAt: null }).toEqual({
      ...f.alice,
      restrictionReference: request.reference,
      updatedAt: null,
      restrictedAt: null,
    });
    expect(alice.restrictedAt).not.toBeNull();
    expect(await notices(request.id)).toMatchObject({
      right: "restriction",
      subject: { lastName: "Morel", email: f.alice.email },
    });
  });

  it("consent withdrawal: the consent named is withdrawn, with its time, the others stay", async () => {
    const f = await family();
    await file(f.alice, "consent_withdrawal", {
      scope: { activities: ["map_service"] },
      details: { consents: ["map_service"] },
    });
    const map = await db().consent.findFirstOrThrow({ where: { patientId: f.alice.id, activityKey: "map_service" } });
    const before = await snapshot();
    const now = new Date();
    await applyImmediateEffects(db(), now);
    expect(diff(before, await snapshot())).toEqual({ consent: { removed: [], added: [], changed: [map.id] } });
    expect(await db().consent.findUniqueOrThrow({ where: { id: map.id } })).toEqual({
      ...map,
      withdrawnAt: now,
      updatedAt: expect.any(Date),
    });
  });

  it("objection to direct marketing: every channel off and the address suppressed, nothing else", async () => {
    const f = await family();
    await file(f.alice, "objection", { scope: { activities: ["direct_marketing"] } });
    const before = await snapshot();
    await applyImmediateEffects(db());
    const channels = (list: string[]) => list.map((c) => `${f.alice.id}/${c}`);
    expect(diff(before, await snapshot())).toEqual({
      marketingPreference: { removed: [], added: channels(["in_app", "push"]), changed: channels(["email", "sms"]) },
      marketingSuppression: { removed: [], added: [suppressionKey(f.alice.email)], changed: [] },
    });
  });
});
