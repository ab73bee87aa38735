import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmailConfig } from "next-auth/providers/email";
import { POST } from "@/app/api/v1/requests/route";
import { POST as caseAction } from "@/app/api/v1/requests/[reference]/actions/route";
import { authOptions } from "@/lib/auth/next-auth";
import { db } from "@/lib/db";
import { MAX_SEND_ATTEMPTS, sendOutboxEmail } from "@/lib/email/send-outbox-email";
import { SEND_LEASE_SECONDS } from "@/lib/email/transport";
import { undeliveredEmails } from "@/lib/email/undelivered-emails";
import { sendEmailCode } from "@/lib/identity/email-code";
import { holdEmails, releaseCutEmails } from "@/lib/email/outbox-claim";
import { claimPending } from "@/lib/jobs/claim-pending";
import { startPresence, WORKER_GONE_SECONDS } from "@/lib/jobs/worker-presence";
import type { PresentedRequest } from "@/lib/requests/present-request";
import { startSmtpTestServer, type SmtpTestServer } from "@/tests/support/smtp-test-server";
import {
  apiRequest,
  demoData,
  mailbox,
  mailMessageId,
  requestBody,
  staffToken,
  uniqueEmail,
  uniqueIp,
  waitForMail,
} from "./support";

let token: string;
let smtp: SmtpTestServer;

beforeAll(async () => {
  await demoData();
  ({ token } = await staffToken());
  smtp = await startSmtpTestServer();
});

afterAll(async () => {
  await smtp.stop();
});

/** Registers a request for a fresh requester address: its acknowledgement waits in the outbox. */
async function acknowledgement() {
  const email = uniqueEmail("outbox");
  const response = await POST(apiRequest("/api/v1/requests", { token, body: requestBody({ requester: { email } }) }));
  expect(response.status).toBe(201);
  const request = (await response.json()) as PresentedRequest;
  const row = await db().outboxEmail.findFirstOrThrow({ where: { to: email } });
  return { email, reference: request.reference, row };
}

const row = (id: string) => db().outboxEmail.findUniqueOrThrow({ where: { id } });
const resend = (reference: string, outboxId: string, as = token) =>
  caseAction(
    apiRequest(`/api/v1/requests/${reference}/actions`, { token: as, body: { action: "resend_email", outboxId } }),
    { params: Promise.resolve({ reference }) },
  );
const later = (ms: number) => new Date(Date.now() + ms);

describe("the outbox delivers every mail at least once", () => {
  it("sends a mail left sending by a worker that died once its lease runs out: it arrives once, with the stored Message-ID and the server's answer kept", async () => {
    const { email, row: mail } = await acknowledgement();
    expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}@127\.0\.0\.1>$/);

    // What a worker killed mid-send leaves: the row claimed, its lease running, nothing recorded.
    const claimedAt = new Date();
    await db().outboxEmail.update({
      where: { id: mail.id },
      data: {
        status: "sending",
        attempts: 1,
        lastAttemptAt: claimedAt,
        leaseExpiresAt: new Date(claimedAt.getTime() + SEND_LEASE_SECONDS * 1000),
        enqueuedAt: later(-3 * 60_000),
      },
    });
    // While the lease holds, no other worker takes it.
    expect(await claimPending(db(), "OutboxEmail", 10_000)).not.toContain(mail.id);
    expect(await sendOutboxEmail(db(), mail.id)).toBe("skipped");

    // The lease runs out: the outbox loop hands it over again and it is sent.
    await db().outboxEmail.update({ where: { id: mail.id }, data: { leaseExpiresAt: later(-1000) } });
    expect(await claimPending(db(), "OutboxEmail", 10_000)).toContain(mail.id);
    expect(await sendOutboxEmail(db(), mail.id)).toBe("sent");

    const messages = await waitForMail(email);
    expect(messages).toHaveLength(1);
    expect(await mailMessageId(messages[0]!.id)).toBe(mail.messageId);
    const sent = await row(mail.id);
    expect(sent).toMatchObject({
      status: "sent",
      attempts: 2,
      leaseExpiresAt: null,
      lastError: null,
      serverResponseCode: 250,
      acceptedRecipients: [email],
      rejectedRecipients: [],
    });
    expect(sent.serverResponse).toMatch(/^250 /);
    expect(sent.messageId).toBe(mail.messageId);

    // Once sent, the job running again (a duplicate) sends nothing.
    expect(await sendOutboxEmail(db(), mail.id)).toBe("skipped");
    await new Promise((r) => setTimeout(r, 300));
    expect(await mailbox(email)).toHaveLength(1);
  });

  it("retries a temporary refusal (451) with the same Message-ID, and keeps each answer", async () => {
    const { email, row: mail } = await acknowledgement();
    smtp.answer({ kind: "refuse", at: "data", code: 451, text: "4.3.0 Temporary local problem, try again later" });
    const first = smtp.received.length;
    await expect(sendOutboxEmail(db(), mail.id, { transport: smtp.transport() })).rejects.toThrow(/451/);
    const deferred = await row(mail.id);
    expect(deferred).toMatchObject({ status: "pending", attempts: 1, leaseExpiresAt: null, serverResponseCode: 451 });
    expect(deferred.serverResponse).toBe("451 4.3.0 Temporary local problem, try again later");

    smtp.answer({ kind: "accept" });
    expect(await sendOutboxEmail(db(), mail.id, { transport: smtp.transport() })).toBe("sent");
    const attempts = smtp.received.slice(first);
    expect(attempts).toEqual([
      { to: [email], messageId: mail.messageId },
      { to: [email], messageId: mail.messageId },
    ]);
    const sent = await row(mail.id);
    expect(sent).toMatchObject({
      status: "sent",
      attempts: 2,
      lastError: null,
      serverResponseCode: 250,
      acceptedRecipients: [email],
    });
    expect(sent.serverResponse).toMatch(/^250 2\.0\.0 Ok: queued as T\d+$/);
  });

  it("sends again, with the same Message-ID, a mail whose connection was cut mid-message", async () => {
    const { email, row: mail } = await acknowledgement();
    smtp.answer({ kind: "cut" });
    const first = smtp.received.length;
    await expect(sendOutboxEmail(db(), mail.id, { transport: smtp.transport() })).rejects.toThrow();
    expect(await row(mail.id)).toMatchObject({ status: "pending", attempts: 1, serverResponseCode: null });

    smtp.answer({ kind: "accept" });
    expect(await sendOutboxEmail(db(), mail.id, { transport: smtp.transport() })).toBe("sent");
    expect(smtp.received.slice(first).map((m) => m.messageId)).toEqual([mail.messageId, mail.messageId]);
    expect((await row(mail.id)).acceptedRecipients).toEqual([email]);
  });

  it("fails a mail after its last attempt, and one whose last attempt was cut by a crash", async () => {
    const { row: mail } = await acknowledgement();
    smtp.answer({ kind: "refuse", at: "rcpt", code: 421, text: "4.7.0 Try again later, closing connection" });
    await db().outboxEmail.update({ where: { id: mail.id }, data: { attempts: MAX_SEND_ATTEMPTS - 1 } });
    expect(await sendOutboxEmail(db(), mail.id, { transport: smtp.transport() })).toBe("failed");
    expect(await row(mail.id)).toMatchObject({
      status: "failed",
      attempts: MAX_SEND_ATTEMPTS,
      serverResponseCode: 421,
    });

    const { row: other } = await acknowledgement();
    await db().outboxEmail.update({
      where: { id: other.id },
      data: { status: "sending", attempts: MAX_SEND_ATTEMPTS, leaseExpiresAt: later(-1000) },
    });
    expect(await sendOutboxEmail(db(), other.id, { transport: smtp.transport() })).toBe("failed");
    expect(await row(other.id)).toMatchObject({
      status: "failed",
      lastError: `the last of ${MAX_SEND_ATTEMPTS} attempts was interrupted`,
    });
    smtp.answer({ kind: "accept" });
  });

  it("lets no attempt whose lease ran out undo the attempt that took over", async () => {
    const { email, row: mail } = await acknowledgement();
    smtp.answer({ kind: "hold" });
    const stale = sendOutboxEmail(db(), mail.id, { transport: smtp.transport() });
    await expect.poll(() => smtp.received.some((m) => m.messageId === mail.messageId)).toBe(true);

    // The server sits on its answer past the lease: another worker claims the mail and sends it.
    expect(await sendOutboxEmail(db(), mail.id, { now: later(SEND_LEASE_SECONDS * 1000 + 1000) })).toBe("sent");
    expect(await waitForMail(email)).toHaveLength(1);
    const sent = await row(mail.id);

    // The first attempt's refusal, arriving late, changes nothing.
    smtp.release({ code: 550, text: "5.7.1 Too late" });
    expect(await stale).toBe("skipped");
    expect(await row(mail.id)).toMatchObject({
      status: "sent",
      attempts: 2,
      sentAt: sent.sentAt,
      serverResponseCode: 250,
    });
    smtp.answer({ kind: "accept" });
  });

  it("claims at once, without waiting for the lease, a mail whose worker is no longer seen; leaves alone one whose worker is alive", async () => {
    const alive = await startPresence(db());
    const vanished = await startPresence(db());
    try {
      // Both workers were sending a mail when one was killed: its heartbeat stops.
      await db().workerProcess.update({
        where: { id: vanished.id },
        data: { seenAt: later(-(WORKER_GONE_SECONDS + 5) * 1000) },
      });
      const held = async (holder: string) => {
        const { email, row: mail } = await acknowledgement();
        await db().outboxEmail.update({
          where: { id: mail.id },
          data: {
            status: "sending",
            attempts: 1,
            leaseHolderId: holder,
            leaseExpiresAt: later(SEND_LEASE_SECONDS * 1000),
            enqueuedAt: later(-15_000),
          },
        });
        return { email, mail };
      };
      const kept = await held(alive.id);
      const orphan = await held(vanished.id);
      // A worker that never said it was there (its row gone) counts as gone too.
      const unknown = await held(randomUUID());

      const claimed = await claimPending(db(), "OutboxEmail", 10_000);
      expect(claimed).toEqual(expect.arrayContaining([orphan.mail.id, unknown.mail.id]));
      expect(claimed).not.toContain(kept.mail.id);
      expect(await sendOutboxEmail(db(), kept.mail.id, { holder: alive.id })).toBe("skipped");

      for (const { email, mail } of [orphan, unknown]) {
        expect(await sendOutboxEmail(db(), mail.id, { holder: alive.id })).toBe("sent");
        expect(await waitForMail(email)).toHaveLength(1);
        expect(await row(mail.id)).toMatchObject({
          status: "sent",
          attempts: 2,
          leaseHolderId: null,
          leaseExpiresAt: null,
        });
      }
      // The live worker stops cleanly: what it held is claimable at once.
      await alive.stop();
      expect(await claimPending(db(), "OutboxEmail", 10_000)).toContain(kept.mail.id);
    } finally {
      await alive.stop();
      await vanished.stop();
    }
  });

  it("a live worker whose connection to the database was cut hands back what it could not finish, and nothing it is still sending", async () => {
    const worker = await startPresence(db());
    try {
      const since = new Date();
      const held = async (status: "pending" | "sending", attemptAt: Date) => {
        const { row: mail } = await acknowledgement();
        await db().outboxEmail.update({
          where: { id: mail.id },
          data: {
            status,
            leaseHolderId: worker.id,
            lastAttemptAt: attemptAt,
            attempts: 1,
            enqueuedAt: later(-1000),
            leaseExpiresAt: status === "sending" ? later(SEND_LEASE_SECONDS * 1000) : null,
          },
        });
        return mail.id;
      };
      const cutAttempt = await held("sending", later(-10_000));
      const cutJob = await held("pending", later(-10_000));
      const sending = await held("sending", later(-10_000));
      const justBegun = await held("sending", new Date(since.getTime() + 50));
      // Handed to the queue by this worker, its job not fetched yet: it waits its turn.
      const queued = await held("pending", later(-10_000));

      // A worker with nothing in hand and no job ended releases nothing of another's.
      expect(await releaseCutEmails(db(), randomUUID(), { inHand: [], ended: [] }, since)).toBe(0);
      expect(await releaseCutEmails(db(), worker.id, { inHand: [sending], ended: [cutJob] }, since)).toBe(2);
      for (const id of [cutAttempt, cutJob])
        expect(await row(id)).toMatchObject({ enqueuedAt: null, leaseHolderId: null });
      for (const id of [sending, justBegun])
        expect(await row(id)).toMatchObject({ status: "sending", leaseHolderId: worker.id });
      expect(await row(queued)).toMatchObject({ status: "pending", leaseHolderId: worker.id });
      const claimed = await claimPending(db(), "OutboxEmail", 10_000);
      expect(claimed).toEqual(expect.arrayContaining([cutAttempt, cutJob]));
      expect(claimed).not.toContain(sending);
      expect(claimed).not.toContain(justBegun);
      expect(claimed).not.toContain(queued);
      expect(await sendOutboxEmail(db(), cutAttempt)).toBe("sent");
    } finally {
      await worker.stop();
    }
  });

  it("hands over again within seconds the mails a killed worker had fetched and not yet sent", async () => {
    const alive = await startPresence(db());
    const vanished = await startPresence(db());
    try {
      const waiting = async (holder: string) => {
        const { row: mail } = await acknowledgement();
        await db().outboxEmail.update({ where: { id: mail.id }, data: { enqueuedAt: later(-15_000) } });
        expect(await holdEmails(db(), [mail.id], holder)).toBe(1);
        return mail;
      };
      const inLiveBatch = await waiting(alive.id);
      const inKilledBatch = await waiting(vanished.id);
      await db().workerProcess.update({
        where: { id: vanished.id },
        data: { seenAt: later(-(WORKER_GONE_SECONDS + 5) * 1000) },
      });

      const claimed = await claimPending(db(), "OutboxEmail", 10_000, alive.id);
      expect(claimed).toContain(inKilledBatch.id);
      expect(claimed).not.toContain(inLiveBatch.id);
      // Handed over by the live worker, it is held in that worker's name until a worker fetches its job.
      expect(await row(inKilledBatch.id)).toMatchObject({ status: "pending", leaseHolderId: alive.id });
      // Once handed over, it waits for its new job: not handed over again and again.
      expect(await claimPending(db(), "OutboxEmail", 10_000)).not.toContain(inKilledBatch.id);
      // A mail already sending is not taken by a batch it was fetched in again.
      await db().outboxEmail.update({ where: { id: inLiveBatch.id }, data: { status: "sending" } });
      expect(await holdEmails(db(), [inLiveBatch.id], vanished.id)).toBe(0);
    } finally {
      await alive.stop();
      await vanished.stop();
    }
  });
});

describe("a mail the server refuses for good", () => {
  it("is failed at once with the server's answer, shown on the case, and sent once with the same Message-ID when the DPO resends it", async () => {
    const { email, reference, row: mail } = await acknowledgement();
    smtp.answer({
      kind: "refuse",
      at: "rcpt",
      code: 550,
      text: `5.1.1 <${email}>: Recipient address rejected: User unknown in virtual mailbox table`,
    });
    expect(await sendOutboxEmail(db(), mail.id, { transport: smtp.transport() })).toBe("failed");
    smtp.answer({ kind: "accept" });

    const failed = await row(mail.id);
    expect(failed).toMatchObject({
      status: "failed",
      attempts: 1,
      serverResponseCode: 550,
      rejectedRecipients: [email],
      acceptedRecipients: [],
      sentAt: null,
    });
    expect(failed.serverResponse).toBe(
      `550 5.1.1 <${email}>: Recipient address rejected: User unknown in virtual mailbox table`,
    );
    // Its content is kept, for the resend.
    expect(failed.subject).toContain(reference);

    // The case page's list: whom it was for, its subject, when, and why in the DPO's words.
    const shown = await undeliveredEmails(db(), mail.requestId!);
    expect(shown).toEqual([
      expect.objectContaining({
        id: mail.id,
        to: email,
        subject: failed.subject,
        attempts: 1,
        kind: "no_such_address",
        serverResponse: failed.serverResponse,
        failedAt: failed.lastAttemptAt,
      }),
    ]);

    // A token without the permission cannot resend it; the DPO's can, once.
    const readOnly = await staffToken({ scopes: ["requests.read"] });
    expect((await resend(reference, mail.id, readOnly.token)).status).toBe(403);
    expect((await row(mail.id)).status).toBe("failed");
    expect((await resend(reference, mail.id)).status).toBe(200);
    const requeued = await row(mail.id);
    expect(requeued).toMatchObject({ status: "pending", attempts: 0, enqueuedAt: null, messageId: mail.messageId });
    expect((await resend(reference, mail.id)).status).toBe(404);

    // The step is in the case's trail, with the refusal it answers.
    const events = await db().requestEvent.findMany({ where: { requestId: mail.requestId!, type: "email_resent" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorType: "api",
      payload: {
        outboxId: mail.id,
        recipient: email,
        subject: failed.subject,
        messageId: mail.messageId,
        refusedWith: failed.serverResponse,
      },
    });

    // The worker sends it; the server accepts it now: it arrives once, with the Message-ID it had.
    expect(await claimPending(db(), "OutboxEmail", 10_000)).toContain(mail.id);
    expect(await sendOutboxEmail(db(), mail.id)).toBe("sent");
    const messages = await waitForMail(email);
    expect(messages).toHaveLength(1);
    expect(await mailMessageId(messages[0]!.id)).toBe(mail.messageId);
    expect(await row(mail.id)).toMatchObject({
      status: "sent",
      attempts: 1,
      serverResponseCode: 250,
      acceptedRecipients: [email],
    });
    expect(await undeliveredEmails(db(), mail.requestId!)).toEqual([]);
  });

  it("is failed at once when the server refuses the message itself after its content (554)", async () => {
    const { row: mail } = await acknowledgement();
    smtp.answer({ kind: "refuse", at: "data", code: 554, text: "5.7.1 Message rejected as spam by Content Filtering" });
    expect(await sendOutboxEmail(db(), mail.id, { transport: smtp.transport() })).toBe("failed");
    smtp.answer({ kind: "accept" });
    expect(await row(mail.id)).toMatchObject({ status: "failed", attempts: 1, serverResponseCode: 554 });
    expect((await undeliveredEmails(db(), mail.requestId!))[0]?.kind).toBe("policy");
  });

  it("is resent only from its own case, and a code never", async () => {
    const a = await acknowledgement();
    const b = await acknowledgement();
    smtp.answer({ kind: "refuse", at: "rcpt", code: 550, text: "5.1.1 User unknown" });
    expect(await sendOutboxEmail(db(), a.row.id, { transport: smtp.transport() })).toBe("failed");

    // Another case's reference does not reach it.
    expect((await resend(b.reference, a.row.id)).status).toBe(404);
    expect((await row(a.row.id)).status).toBe("failed");
    expect(
      await db().requestEvent.count({
        where: { type: "email_resent", payload: { path: ["outboxId"], equals: a.row.id } },
      }),
    ).toBe(0);

    // A code refused for good keeps nothing of its secret and belongs to no case: nothing can resend it.
    const address = uniqueEmail("code");
    await sendEmailCode(db(), address, uniqueIp(), "fr", process.env.AUTH_SECRET!);
    const code = await db().outboxEmail.findFirstOrThrow({ where: { to: address } });
    expect(await sendOutboxEmail(db(), code.id, { transport: smtp.transport() })).toBe("failed");
    smtp.answer({ kind: "accept" });
    expect(await row(code.id)).toMatchObject({
      status: "failed",
      ephemeral: true,
      requestId: null,
      subject: "",
      html: "",
      text: "",
    });
    expect((await resend(a.reference, code.id)).status).toBe(404);
    expect((await row(code.id)).status).toBe("failed");
  });
});

describe("mails holding a secret", () => {
  const provider = () => authOptions().providers[0] as EmailConfig;
  const magicLink = async (email: string, expires: Date) => {
    await provider().options.sendVerificationRequest!({
      identifier: email,
      url: `${process.env.APP_URL}/api/auth/callback/email?token=t0k3n&email=${encodeURIComponent(email)}`,
      expires,
      provider: provider(),
      token: "t0k3n",
      theme: {},
    });
    return db().outboxEmail.findFirstOrThrow({ where: { to: email } });
  };

  it("drops a sign-in link whose validity ended before it could leave: never sent, nothing kept", async () => {
    const email = uniqueEmail("link");
    const expires = later(15 * 60_000);
    const mail = await magicLink(email, expires);
    expect(mail).toMatchObject({ ephemeral: true, expiresAt: expires, requestId: null });

    // The worker reaches it only after the link's 15 minutes.
    expect(await sendOutboxEmail(db(), mail.id, { now: new Date(expires.getTime() + 1000) })).toBe("expired");
    expect(await row(mail.id)).toMatchObject({ status: "expired", subject: "", html: "", text: "", sentAt: null });
    expect(await sendOutboxEmail(db(), mail.id)).toBe("skipped");
    await new Promise((r) => setTimeout(r, 300));
    expect(await mailbox(email)).toHaveLength(0);
  });

  it("sends a link still valid, then keeps nothing of it", async () => {
    const email = uniqueEmail("link");
    const mail = await magicLink(email, later(15 * 60_000));
    expect(await sendOutboxEmail(db(), mail.id)).toBe("sent");
    const [message] = await waitForMail(email);
    expect(message!.text).toContain("t0k3n");
    expect(await row(mail.id)).toMatchObject({
      status: "sent",
      subject: "",
      html: "",
      text: "",
      serverResponseCode: 250,
    });
  });

  it("gives a code's mail the code's own expiry", async () => {
    const address = uniqueEmail("code");
    await sendEmailCode(db(), address, uniqueIp(), "en", process.env.AUTH_SECRET!);
    const [mail, code] = await Promise.all([
      db().outboxEmail.findFirstOrThrow({ where: { to: address } }),
      db().emailCode.findFirstOrThrow({ where: { email: address } }),
    ]);
    expect(mail).toMatchObject({ ephemeral: true, expiresAt: code.expiresAt });
    expect(await sendOutboxEmail(db(), mail.id, { now: new Date(code.expiresAt.getTime() + 1) })).toBe("expired");
  });
});
