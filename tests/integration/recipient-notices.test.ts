import { createHash, sign } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as callbackRoute } from "@/app/api/opendsr/callbacks/route";
import { noticeRecipientsOf } from "@/lib/registry/recipients";
import { db } from "@/lib/db";
import type { AppError } from "@/lib/errors/app-error";
import { sendOutboxEmail } from "@/lib/email/send-outbox-email";
import type { RightsRequest } from "@/lib/generated/prisma/client";
import { createQueues, QUEUES, boss } from "@/lib/jobs/boss";
import { recipientContactChanges, saveRecipientContact } from "@/lib/recipients/contacts";
import {
  deliverRecipientNotice,
  enqueueRecipientNotices,
  MAX_NOTICE_ATTEMPTS,
} from "@/lib/recipients/deliver-recipient-notice";
import { type NoticePayload, openNoticePayload } from "@/lib/recipients/notice-payload";
import { openDsrCallbackUrl } from "@/lib/recipients/opendsr";
import { caseNotices } from "@/lib/recipients/case-notices";
import { queueRecipientNotices } from "@/lib/recipients/queue-recipient-notices";
import { currentRegistry } from "@/lib/registry";
import { getStorage } from "@/lib/storage";
import { fileAsAccountHolder } from "@/prisma/seed/cases";
import { createPatient } from "@/prisma/seed/factories";
import { type FakeProcessor, startFakeProcessor } from "@/tests/support/opendsr-processor";
import { createTestPki } from "@/tests/support/test-pki";
import { apiRequest, demoData, uniqueEmail, waitForMail } from "./support";

// A test certificate authority, trusted through OPENDSR_CA_FILE (set before the configuration is
// first read), and another one nobody trusts.
const pki = createTestPki();
const untrusted = createTestPki();
process.env.OPENDSR_CA_FILE = pki.caFile;

// The processing whose data the notices tell of, and four of its recipients (lib/registry/activities.ts).
const ACTIVITIES = ["account_information", "user_support"];
const BY_EMAIL = "Webhelp";
const NO_CONTACT = "Walkme";
const OPENDSR = "Salesforce";
const OTHER_OPENDSR = "Atlassian";
const ACTOR = { type: "staff" as const, staffId: "test", actorId: "test" };

const DETAILS = {
  rectification: { rectifications: [{ field: "Nom", current: "Martin", corrected: "Durand" }] },
  erasure: {},
  restriction: { restrictionGround: "accuracy_contested" },
} as const;

type Right = keyof typeof DETAILS;

/** A new patient files a request on their own data, signed in (identity verified at once). */
async function fileCase(right: Right) {
  const patient = await createPatient(db(), { birthDate: new Date("1986-04-12T00:00:00Z") });
  const filed = await fileAsAccountHolder(db(), getStorage(), patient, {
    right,
    scope: {},
    details: DETAILS[right],
    subject: { relation: "self", firstName: patient.firstName, lastName: patient.lastName, birthDate: "1986-04-12" },
  });
  const request = await db().rightsRequest.findUniqueOrThrow({ where: { id: filed.id } });
  const payload: NoticePayload = {
    right,
    subject: {
      firstName: patient.firstName,
      lastName: patient.lastName,
      birthDate: patient.birthDate,
      email: patient.email,
    },
    ...(right === "rectification" ? { changes: [{ field: "lastName" as const, after: "Durand" }] } : {}),
    ...(right === "erasure" ? { erasedCategories: ["Compte et coordonnées / Account and contact details"] } : {}),
  };
  return { patient, request, payload };
}

const queue = (request: RightsRequest, payload: NoticePayload) =>
  db().$transaction((tx) => queueRecipientNotices(tx, request, payload, ACTIVITIES, ACTOR));
/** The notice of the case's latest change to that recipient. */
const noticeOf = (requestId: string, recipient: string) =>
  db().recipientNotice.findFirstOrThrow({ where: { requestId, recipient }, orderBy: { change: "desc" } });
const eventsOf = (requestId: string, type: string) =>
  db().requestEvent.findMany({ where: { requestId, type }, orderBy: { id: "asc" } });

async function setContact(name: string, contact: { email?: string | null; opendsrUrl?: string | null }) {
  const data = { email: contact.email ?? null, opendsrUrl: contact.opendsrUrl ?? null, certificatePem: null };
  await db().recipientContact.upsert({ where: { name }, create: { name, ...data }, update: data });
}

/** A case queued and the notice to `recipient` delivered through a (good) OpenDSR processor. */
async function sentThroughOpenDsr(processor: FakeProcessor, recipient = OPENDSR) {
  await setContact(recipient, { opendsrUrl: processor.url });
  const { request, payload, patient } = await fileCase("erasure");
  await queue(request, payload);
  const notice = await noticeOf(request.id, recipient);
  expect(await deliverRecipientNotice(db(), notice.id)).toBe("sent");
  return { request, patient, notice };
}

let processor: FakeProcessor;
let otherProcessor: FakeProcessor;
const goodCertificate = pki.issue("localhost");

beforeAll(async () => {
  await demoData();
  processor = await startFakeProcessor({ host: "localhost", ...goodCertificate });
  otherProcessor = await startFakeProcessor({ host: "127.0.0.1", ...pki.issue("127.0.0.1") });
});

afterAll(async () => {
  await processor.close();
  await otherProcessor.close();
  pki.remove();
  untrusted.remove();
});

describe("queueing (inside the transaction of the change)", () => {
  it("creates one notice per registry recipient of the activities changed, sealed, numbered by change", async () => {
    const { request, payload, patient } = await fileCase("erasure");
    const expected = noticeRecipientsOf(currentRegistry(), ACTIVITIES);
    expect(expected).toEqual(expect.arrayContaining([BY_EMAIL, NO_CONTACT, OPENDSR, OTHER_OPENDSR]));

    expect(await queue(request, payload)).toBe(expected.length);
    const notices = await db().recipientNotice.findMany({ where: { requestId: request.id } });
    expect(notices.map((n) => n.recipient).sort()).toEqual([...expected].sort());
    expect(notices.every((n) => n.status === "pending" && n.channel === null && n.payloadSealed !== null)).toBe(true);
    expect(Buffer.from(notices[0]!.payloadSealed!).toString("latin1")).not.toContain(patient.lastName);
    expect(await openNoticePayload(notices[0]!.payloadSealed!)).toEqual({
      right: "erasure",
      subject: {
        firstName: patient.firstName,
        lastName: patient.lastName,
        birthDate: "1986-04-12",
        email: patient.email,
      },
      erasedCategories: ["Compte et coordonnées / Account and contact details"],
    });

    // A second change of the case (a second rectification, a lifting) is told too, as change 2.
    expect(await queue(request, payload)).toBe(expected.length);
    expect(
      await db().recipientNotice.groupBy({
        by: ["change"],
        where: { requestId: request.id },
        _count: { _all: true },
        orderBy: { change: "asc" },
      }),
    ).toEqual([
      { change: 1, _count: { _all: expected.length } },
      { change: 2, _count: { _all: expected.length } },
    ]);
    const events = await eventsOf(request.id, "recipients_notice_queued");
    expect(events.map((e) => e.payload)).toEqual(
      [1, 2].map((change) => ({ right: "erasure", change, count: expected.length, recipients: expected })),
    );
    expect(JSON.stringify(events[0]!.payload)).not.toContain(patient.lastName);
  });

  it("refuses an invalid payload, so the change it goes with is rolled back", async () => {
    const { request, payload } = await fileCase("rectification");
    await expect(queue(request, { ...payload, changes: [] })).rejects.toThrow();
    expect(await db().recipientNotice.count({ where: { requestId: request.id } })).toBe(0);
  });
});

describe("by e-mail", () => {
  it("puts the notice in the outbox to the configured address, French then English, once; the payload is wiped", async () => {
    const address = uniqueEmail("rgpd-atos");
    await setContact(BY_EMAIL, { email: address, opendsrUrl: processor.url });
    const { request, payload, patient } = await fileCase("rectification");
    await queue(request, payload);
    const notice = await noticeOf(request.id, BY_EMAIL);

    expect(await deliverRecipientNotice(db(), notice.id)).toBe("sent");
    expect(await deliverRecipientNotice(db(), notice.id)).toBe("skipped");
    expect(await noticeOf(request.id, BY_EMAIL)).toMatchObject({
      status: "sent",
      channel: "email",
      payloadSealed: null,
      attempts: 1,
    });
    const settled = await noticeOf(request.id, BY_EMAIL);
    expect(settled.sentAt).not.toBeNull();
    expect(settled.settledAt).not.toBeNull();
    // Rectification is not an OpenDSR type: the OpenDSR service was not called.
    expect(processor.requests.some((r) => r.body.includes(notice.id))).toBe(false);

    const outbox = await db().outboxEmail.findMany({ where: { to: address } });
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.requestId).toBe(request.id);
    // The notice follows its e-mail, whose delivery the case page shows.
    expect(settled.outboxId).toBe(outbox[0]!.id);
    const [shown] = (await caseNotices(db(), request.reference)).filter((n) => n.recipient === BY_EMAIL);
    expect(shown!.outbox).toEqual({ status: "pending" });
    expect(await sendOutboxEmail(db(), outbox[0]!.id)).toBe("sent");
    const [mail] = await waitForMail(address);
    expect(mail?.subject).toContain(request.reference);
    expect(mail?.subject).toContain("RGPD art. 19");
    expect(mail?.text).toContain(`la demande ${request.reference}`);
    expect(mail?.text).toContain(`request ${request.reference}`);
    expect(mail?.text).toContain("Donnée: Nom · Nouvelle valeur: Durand");
    expect(mail?.text).toContain("Item: Last name · New value: Durand");
    expect(mail?.text).toContain(patient.email);
    expect(mail!.text!.indexOf("Conformément à l'article 19")).toBeLessThan(mail!.text!.indexOf("Under Article 19"));

    const events = await eventsOf(request.id, "recipient_notice_sent");
    expect(events.map((e) => e.payload)).toEqual([{ noticeId: notice.id, recipient: BY_EMAIL, channel: "email" }]);
  });

  it("a restriction says that processing must stop, except storage", async () => {
    const address = uniqueEmail("rgpd-atos");
    await setContact(BY_EMAIL, { email: address });
    const { request, payload } = await fileCase("restriction");
    await queue(request, payload);
    await deliverRecipientNotice(db(), (await noticeOf(request.id, BY_EMAIL)).id);
    const [row] = await db().outboxEmail.findMany({ where: { to: address } });
    expect(row!.text).toContain("hormis leur conservation, elles ne doivent plus être traitées");
    expect(row!.text).toContain("apart from storing it, it must no longer be processed");
  });
});

describe("no contact", () => {
  it("is settled as no_contact for the DPO team, when nothing (or only OpenDSR for another right) is configured", async () => {
    await db().recipientContact.deleteMany({ where: { name: NO_CONTACT } });
    await setContact(OTHER_OPENDSR, { opendsrUrl: otherProcessor.url });
    const { request, payload } = await fileCase("restriction");
    await queue(request, payload);
    for (const recipient of [NO_CONTACT, OTHER_OPENDSR]) {
      const notice = await noticeOf(request.id, recipient);
      expect(await deliverRecipientNotice(db(), notice.id)).toBe("no_contact");
      expect(await noticeOf(request.id, recipient)).toMatchObject({
        status: "no_contact",
        channel: null,
        payloadSealed: null,
      });
    }
    expect(
      (await eventsOf(request.id, "recipient_notice_no_contact"))
        .map((e) => (e.payload as { recipient: string }).recipient)
        .sort(),
    ).toEqual([OTHER_OPENDSR, NO_CONTACT].sort());
    expect(otherProcessor.requests).toHaveLength(0);
  });
});

describe("through OpenDSR", () => {
  it("POSTs the erasure as the specification says, accepts the signed receipt, keeps the certificate", async () => {
    const before = processor.requests.length;
    const { request, patient, notice } = await sentThroughOpenDsr(processor);
    expect(processor.requests).toHaveLength(before + 1);
    const sent = JSON.parse(processor.requests.at(-1)!.body) as Record<string, unknown>;
    expect(sent).toEqual({
      regulation: "gdpr",
      subject_request_id: notice.id,
      subject_request_type: "erasure",
      submitted_time: request.receivedAt.toISOString(),
      api_version: "1.0",
      subject_identities: [
        {
          identity_type: "email",
          identity_value: createHash("sha256").update(patient.email.toLowerCase()).digest("hex"),
          identity_format: "sha256",
        },
      ],
      status_callback_urls: [openDsrCallbackUrl()],
    });
    expect(processor.requests.at(-1)!.body).not.toContain(patient.email);
    const row = await noticeOf(request.id, OPENDSR);
    expect(row).toMatchObject({
      status: "sent",
      channel: "opendsr",
      controllerId: "droits-patients-test",
      attempts: 1,
      lastError: null,
    });
    expect(row.expectedCompletionAt!.getTime()).toBeGreaterThan(Date.now());
    // Not settled until the processor says so, but what it was sent is no longer kept here.
    expect(row.payloadSealed).toBeNull();
    expect((await db().recipientContact.findUniqueOrThrow({ where: { name: OPENDSR } })).certificatePem).toBe(
      goodCertificate.certPem,
    );
    expect(
      (await eventsOf(request.id, "recipient_notice_sent")).map((e) => (e.payload as { channel: string }).channel),
    ).toEqual(["opendsr"]);
  });

  it("sends the raw address when the processor takes only email/raw", async () => {
    processor.options.identities = [{ identity_type: "email", identity_format: "raw" }];
    try {
      const { patient } = await sentThroughOpenDsr(processor);
      const sent = JSON.parse(processor.requests.at(-1)!.body) as { subject_identities: unknown[] };
      expect(sent.subject_identities).toEqual([
        { identity_type: "email", identity_value: patient.email.toLowerCase(), identity_format: "raw" },
      ]);
    } finally {
      processor.options.identities = [
        { identity_type: "email", identity_format: "raw" },
        { identity_type: "email", identity_format: "sha256" },
      ];
    }
  });

  it("never sends twice: after a lost receipt, the retry finds the request at the service and records it", async () => {
    await setContact(OPENDSR, { opendsrUrl: processor.url });
    const { request, payload } = await fileCase("erasure");
    await queue(request, payload);
    const notice = await noticeOf(request.id, OPENDSR);
    processor.options.loseNextReceipt = true;
    await expect(deliverRecipientNotice(db(), notice.id)).rejects.toThrow("request: HTTP 503");
    expect(await noticeOf(request.id, OPENDSR)).toMatchObject({ status: "pending", channel: "opendsr", attempts: 1 });
    expect(await deliverRecipientNotice(db(), notice.id)).toBe("sent");
    expect(processor.requests.filter((r) => r.body.includes(notice.id))).toHaveLength(1);
    expect(await noticeOf(request.id, OPENDSR)).toMatchObject({
      status: "sent",
      channel: "opendsr",
      controllerId: "droits-patients-test",
      attempts: 2,
      lastError: null,
    });
    expect(await eventsOf(request.id, "recipient_notice_sent")).toHaveLength(1);
  });

  it("falls back to e-mail when the service does not take erasures", async () => {
    processor.options.requestTypes = ["access"];
    const address = uniqueEmail("rgpd-aws");
    try {
      await setContact(OPENDSR, { email: address, opendsrUrl: processor.url });
      const { request, payload } = await fileCase("erasure");
      await queue(request, payload);
      const before = processor.requests.length;
      expect(await deliverRecipientNotice(db(), (await noticeOf(request.id, OPENDSR)).id)).toBe("sent");
      expect(processor.requests).toHaveLength(before);
      expect(await noticeOf(request.id, OPENDSR)).toMatchObject({
        status: "sent",
        channel: "email",
        payloadSealed: null,
      });
      const [row] = await db().outboxEmail.findMany({ where: { to: address } });
      expect(row!.text).toContain("Données effacées :");
      expect(row!.text).toContain("Compte et coordonnées / Account and contact details");
    } finally {
      processor.options.requestTypes = ["erasure"];
    }
  });

  it.each([
    ["a receipt whose signature does not verify", { badSignature: true }, "receipt: signature does not verify"],
    [
      "a receipt from another domain",
      { domain: "autre.exemple.com" },
      "receipt: processor domain does not match the service",
    ],
    [
      "a self-signed certificate",
      { certPem: pki.issue("localhost", { selfSigned: true }).certPem },
      "certificate: self signed",
    ],
    [
      "a certificate for another host",
      { certPem: pki.issue("opendsr.autre.exemple.com").certPem },
      "certificate: wrong host",
    ],
    ["a certificate from an untrusted CA", { certPem: untrusted.issue("localhost").certPem }, "certificate: untrusted"],
  ])("refuses %s: the notice is not sent, the attempt is counted and retried later", async (_, misbehave, error) => {
    const saved = { ...processor.options };
    Object.assign(processor.options, misbehave);
    try {
      await setContact(OPENDSR, { opendsrUrl: processor.url });
      const { request, payload } = await fileCase("erasure");
      await queue(request, payload);
      const notice = await noticeOf(request.id, OPENDSR);
      await expect(deliverRecipientNotice(db(), notice.id)).rejects.toThrow(error);
      expect(await noticeOf(request.id, OPENDSR)).toMatchObject({
        status: "pending",
        attempts: 1,
        lastError: error,
        sentAt: null,
      });
      expect((await noticeOf(request.id, OPENDSR)).payloadSealed).not.toBeNull();
      expect(await eventsOf(request.id, "recipient_notice_sent")).toHaveLength(0);
      expect((await db().recipientContact.findUniqueOrThrow({ where: { name: OPENDSR } })).certificatePem).toBeNull();
    } finally {
      Object.assign(processor.options, saved, { domain: undefined });
    }
  });

  it("fails for good after the last attempt: settled failed, payload wiped, recorded for the DPO team", async () => {
    // A port nothing listens on any more.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await setContact(OPENDSR, { opendsrUrl: `http://127.0.0.1:${port}/v1` });
    const { request, payload } = await fileCase("erasure");
    await queue(request, payload);
    const notice = await noticeOf(request.id, OPENDSR);
    await db().recipientNotice.update({ where: { id: notice.id }, data: { attempts: MAX_NOTICE_ATTEMPTS - 1 } });
    await expect(deliverRecipientNotice(db(), notice.id)).rejects.toThrow("discovery: ECONNREFUSED");
    expect(await noticeOf(request.id, OPENDSR)).toMatchObject({
      status: "failed",
      attempts: MAX_NOTICE_ATTEMPTS,
      lastError: "discovery: ECONNREFUSED",
      payloadSealed: null,
    });
    expect(await eventsOf(request.id, "recipient_notice_failed")).toHaveLength(1);
    expect(await deliverRecipientNotice(db(), notice.id)).toBe("skipped");
  });

  it("on its last attempt, a notice its OpenDSR service never took goes to the recipient's e-mail instead", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await setContact(OPENDSR, { email: "dpo.salesforce@exemple.fr", opendsrUrl: `http://127.0.0.1:${port}/v1` });
    const { request, payload } = await fileCase("erasure");
    await queue(request, payload);
    const notice = await noticeOf(request.id, OPENDSR);
    // Earlier attempts fail and are retried; the last one falls back to e-mail.
    await expect(deliverRecipientNotice(db(), notice.id)).rejects.toThrow("discovery: ECONNREFUSED");
    await db().recipientNotice.update({ where: { id: notice.id }, data: { attempts: MAX_NOTICE_ATTEMPTS - 1 } });
    expect(await deliverRecipientNotice(db(), notice.id)).toBe("sent");
    expect(await noticeOf(request.id, OPENDSR)).toMatchObject({
      status: "sent",
      channel: "email",
      lastError: "discovery: ECONNREFUSED",
      payloadSealed: null,
    });
    const mail = await db().outboxEmail.findFirstOrThrow({
      where: { requestId: request.id, to: "dpo.salesforce@exemple.fr" },
    });
    expect(mail.subject).toContain(request.reference);
    await setContact(OPENDSR, {});
  });
});

describe("OpenDSR status callbacks", () => {
  const callback = (noticeId: string, status: string, overrides: Record<string, unknown> = {}) =>
    JSON.stringify({
      controller_id: "droits-patients-test",
      expected_completion_time: "2026-12-01T10:00:00Z",
      status_callback_url: openDsrCallbackUrl(),
      subject_request_id: noticeId,
      request_status: status,
      ...overrides,
    });
  const post = (body: string, signature: string, domain = "localhost", prefix = "X-OpenDSR") =>
    callbackRoute(
      apiRequest("/api/opendsr/callbacks", {
        rawBody: body,
        headers: {
          "content-type": "application/json",
          [`${prefix}-Processor-Domain`]: domain,
          [`${prefix}-Signature`]: signature,
        },
      }),
    );

  it("a signed in_progress then completed callback updates the notice and records each change; a repeat is harmless", async () => {
    const { request, notice } = await sentThroughOpenDsr(processor);
    const progress = callback(notice.id, "in_progress");
    expect((await post(progress, processor.sign(progress))).status).toBe(202);
    expect(await noticeOf(request.id, OPENDSR)).toMatchObject({ status: "in_progress", settledAt: null });

    const done = callback(notice.id, "completed");
    const response = await post(done, processor.sign(done), "localhost", "X-OpenGDPR");
    expect(response.status).toBe(202);
    const row = await noticeOf(request.id, OPENDSR);
    expect(row).toMatchObject({ status: "completed", payloadSealed: null });
    expect(row.settledAt).not.toBeNull();
    expect(row.expectedCompletionAt).toEqual(new Date("2026-12-01T10:00:00Z"));

    // Repeated, or late: accepted, nothing changes.
    expect((await post(done, processor.sign(done))).status).toBe(202);
    expect((await post(progress, processor.sign(progress))).status).toBe(202);
    expect((await noticeOf(request.id, OPENDSR)).status).toBe("completed");
    expect(await eventsOf(request.id, "recipient_notice_in_progress")).toHaveLength(1);
    expect(await eventsOf(request.id, "recipient_notice_completed")).toHaveLength(1);
  });

  it("a tampered body, another key's signature or an unknown domain gets 403 and changes nothing", async () => {
    const { request, notice } = await sentThroughOpenDsr(processor);
    const body = callback(notice.id, "in_progress");
    const signature = processor.sign(body);
    const stranger = pki.issue("localhost");
    for (const response of [
      await post(body.replace("in_progress", "cancelled"), signature),
      await post(body, sign("sha256", Buffer.from(body), stranger.keyPem).toString("base64")),
      await post(body, "bm90IGEgc2lnbmF0dXJl"),
      await post(body, signature, "inconnu.exemple.com"),
      await callbackRoute(
        apiRequest("/api/opendsr/callbacks", { rawBody: body, headers: { "content-type": "application/json" } }),
      ),
    ]) {
      expect(response.status).toBe(403);
    }
    expect(await noticeOf(request.id, OPENDSR)).toMatchObject({ status: "sent" });
    expect(await eventsOf(request.id, "recipient_notice_in_progress")).toHaveLength(0);
  });

  it("a callback about another recipient's notice is refused (404); one addressed elsewhere is a 400", async () => {
    const { request, notice } = await sentThroughOpenDsr(processor);
    await setContact(OTHER_OPENDSR, { opendsrUrl: otherProcessor.url });
    // Signed correctly by the other processor, but the notice went to the first one.
    const stolen = callback(notice.id, "completed");
    expect((await post(stolen, otherProcessor.sign(stolen), "127.0.0.1")).status).toBe(404);
    const elsewhere = callback(notice.id, "completed", {
      status_callback_url: "https://ailleurs.exemple.com/callbacks",
    });
    expect((await post(elsewhere, processor.sign(elsewhere))).status).toBe(400);
    const malformed = callback(notice.id, "finished");
    expect((await post(malformed, processor.sign(malformed))).status).toBe(400);
    expect(await noticeOf(request.id, OPENDSR)).toMatchObject({ status: "sent" });
  });

  it("accepts a renewed key once its certificate is fetched again; bad signatures make it fetch at most six times an hour", async () => {
    await db().rateLimitHit.deleteMany({ where: { bucket: { startsWith: "opendsr-refetch:" } } });
    const { request, notice } = await sentThroughOpenDsr(processor);
    const saved = { keyPem: processor.options.keyPem, certPem: processor.options.certPem };
    const renewed = pki.issue("localhost");
    try {
      Object.assign(processor.options, { keyPem: renewed.keyPem, certPem: renewed.certPem });
      const body = callback(notice.id, "in_progress");
      expect((await post(body, processor.sign(body))).status).toBe(202);
      expect(await noticeOf(request.id, OPENDSR)).toMatchObject({ status: "in_progress" });
      expect((await db().recipientContact.findUniqueOrThrow({ where: { name: OPENDSR } })).certificatePem).toBe(
        renewed.certPem,
      );

      const fetches = processor.certificateFetches();
      for (let i = 0; i < 8; i++) expect((await post(body, "bm90IGEgc2lnbmF0dXJl")).status).toBe(403);
      expect(processor.certificateFetches() - fetches).toBe(5);
    } finally {
      Object.assign(processor.options, saved);
      await db().rateLimitHit.deleteMany({ where: { bucket: { startsWith: "opendsr-refetch:" } } });
    }
  });

  it("fetches the certificate through discovery when none is stored", async () => {
    const { request, notice } = await sentThroughOpenDsr(processor);
    await db().recipientContact.update({ where: { name: OPENDSR }, data: { certificatePem: null } });
    const body = callback(notice.id, "cancelled");
    expect((await post(body, processor.sign(body))).status).toBe(202);
    expect(await noticeOf(request.id, OPENDSR)).toMatchObject({ status: "cancelled", payloadSealed: null });
    expect((await db().recipientContact.findUniqueOrThrow({ where: { name: OPENDSR } })).certificatePem).toBe(
      goodCertificate.certPem,
    );
  });
});

describe("the job queue", () => {
  it("hands each new notice over once, with the queue's retry policy", async () => {
    const instance = await boss();
    await createQueues(instance);
    const { request, payload } = await fileCase("restriction");
    await queue(request, payload);
    const notice = await noticeOf(request.id, NO_CONTACT);
    while ((await enqueueRecipientNotices(db(), instance)) > 0);
    expect(await enqueueRecipientNotices(db(), instance)).toBe(0);
    const jobs = await db().$queryRaw<{ retry_limit: number; retry_backoff: boolean; retry_delay: number }[]>`
      SELECT retry_limit, retry_backoff, retry_delay FROM pgboss.job WHERE name = ${QUEUES.deliverRecipientNotice.name} AND data->>'noticeId' = ${notice.id}`;
    expect(jobs).toEqual([{ retry_limit: 6, retry_backoff: true, retry_delay: 30 }]);
    await instance.stop({ graceful: false, wait: true });
  });
});

describe("recipients' contacts", () => {
  let admin: { id: string; role: "dpo_admin" };
  beforeAll(async () => {
    const staff = await db().staffUser.create({
      data: { email: uniqueEmail("admin-contacts"), name: "Adrien Admin", role: "dpo_admin" },
    });
    admin = { id: staff.id, role: "dpo_admin" };
  });
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (e: unknown) => e as AppError,
    );

  it("are managed by admins only, validated field by field, and removed when both are blank", async () => {
    expect(
      (
        await failure(
          saveRecipientContact(
            db(),
            { id: admin.id, role: "dpo_agent" },
            { name: "Typeform", email: "rgpd@typeform.exemple.fr" },
          ),
        )
      )?.code,
    ).toBe("forbidden");
    const invalid = await failure(
      saveRecipientContact(db(), admin, {
        name: "Typeform",
        email: "pas-une-adresse",
        opendsrUrl: "ftp://opendsr.exemple.com",
      }),
    );
    expect(invalid?.code).toBe("validation");
    expect(invalid?.fields.map((f) => `${f.path}:${f.key}`).sort()).toEqual(["email:email", "opendsrUrl:url_https"]);
    expect(
      (await failure(saveRecipientContact(db(), admin, { name: "Inconnu SA", email: "a@b.fr" })))?.fields.map(
        (f) => f.key,
      ),
    ).toEqual(["choice"]);

    await saveRecipientContact(db(), admin, {
      name: "Typeform",
      email: "rgpd@typeform.exemple.fr",
      opendsrUrl: processor.url,
    });
    await db().recipientContact.update({
      where: { name: "Typeform" },
      data: { certificatePem: goodCertificate.certPem },
    });
    await saveRecipientContact(db(), admin, {
      name: "Typeform",
      email: "dpo@typeform.exemple.fr",
      opendsrUrl: processor.url,
    });
    expect(await db().recipientContact.findUniqueOrThrow({ where: { name: "Typeform" } })).toMatchObject({
      email: "dpo@typeform.exemple.fr",
      certificatePem: goodCertificate.certPem,
    });
    // Another service: the former one's certificate is forgotten.
    await saveRecipientContact(db(), admin, {
      name: "Typeform",
      email: "dpo@typeform.exemple.fr",
      opendsrUrl: otherProcessor.url,
    });
    expect((await db().recipientContact.findUniqueOrThrow({ where: { name: "Typeform" } })).certificatePem).toBeNull();
    await saveRecipientContact(db(), admin, { name: "Typeform", email: " ", opendsrUrl: "" });
    expect(await db().recipientContact.findUnique({ where: { name: "Typeform" } })).toBeNull();

    // Every change is traced, by whom, the refused ones not; agents cannot read the trace.
    const changes = (await recipientContactChanges(db(), admin)).filter((c) => c.name === "Typeform");
    expect(changes.map((c) => [c.email, c.opendsrUrl, c.staff.name])).toEqual([
      [null, null, "Adrien Admin"],
      ["dpo@typeform.exemple.fr", otherProcessor.url, "Adrien Admin"],
      ["dpo@typeform.exemple.fr", processor.url, "Adrien Admin"],
      ["rgpd@typeform.exemple.fr", processor.url, "Adrien Admin"],
    ]);
    expect((await failure(recipientContactChanges(db(), { role: "dpo_agent" })))?.code).toBe("forbidden");
  });
});
