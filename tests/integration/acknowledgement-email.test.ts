import { randomUUID } from "node:crypto";
import { extractText, getDocumentProxy } from "unpdf";
import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/requests/route";
import { db } from "@/lib/db";
import { computeDeadline } from "@/lib/deadlines";
import { enqueueOutbox } from "@/lib/email/enqueue-outbox";
import { sendOutboxEmail } from "@/lib/email/send-outbox-email";
import { boss, createQueues, QUEUES } from "@/lib/jobs/boss";
import { formatDay } from "@/lib/i18n/format";
import { submitWebRequest } from "@/lib/requests/submit-web-request";
import { getStorage } from "@/lib/storage";
import type { PresentedRequest } from "@/lib/requests/present-request";
import {
  apiRequest,
  DEMO_ACTORS,
  DEMO_PATIENTS,
  demoData,
  mailAttachment,
  mailbox,
  requestBody,
  staffToken,
  uniqueEmail,
  waitForMail,
} from "./support";

let token: string;

beforeAll(async () => {
  await demoData();
  ({ token } = await staffToken());
});

/** Registers Camille's access request (received 1 April 2026 in Paris) for a fresh requester address. */
async function register(overrides: Record<string, unknown> = {}) {
  const email = uniqueEmail("ack");
  const response = await POST(
    apiRequest("/api/v1/requests", { token, body: requestBody({ requester: { email }, ...overrides }) }),
  );
  expect(response.status).toBe(201);
  const request = (await response.json()) as PresentedRequest;
  const outbox = await db().outboxEmail.findMany({ where: { to: email } });
  return { email, request, outbox };
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
  return text.replace(/\s+/g, " ");
}

describe("the acknowledgement of a request", () => {
  it("is written to the outbox with the case, then delivered once with its PDF receipt", async () => {
    const { email, request, outbox } = await register();

    // Written in the same transaction as the case, waiting for the worker.
    expect(outbox).toHaveLength(1);
    const row = outbox[0]!;
    expect(row).toMatchObject({ status: "pending", attempts: 0, sentAt: null });
    expect(row.requestId).toBe(
      (await db().rightsRequest.findUniqueOrThrow({ where: { reference: request.reference } })).id,
    );
    expect(row.subject).toContain(request.reference);
    expect(await mailbox(email)).toHaveLength(0);

    expect(await sendOutboxEmail(db(), row.id)).toBe("sent");
    const sent = await db().outboxEmail.findUniqueOrThrow({ where: { id: row.id } });
    expect(sent).toMatchObject({ status: "sent", attempts: 1, lastError: null });
    expect(sent.sentAt).toBeInstanceOf(Date);

    const messages = await waitForMail(email);
    expect(messages).toHaveLength(1);
    const message = messages[0]!;
    expect(message.subject).toBe(`Votre demande ${request.reference} a bien été reçue`);
    // The due date in words: received 1 April in Paris, the platform answers by 4 May.
    const text = message.text!;
    expect(text).toContain(request.reference);
    expect(text).toContain("1 avril 2026 à 00:30");
    expect(text).toContain("La plateforme (délégué à la protection des données) · Réponse au plus tard le: 4 mai 2026");

    const pdfs = (message.attachments ?? []).filter((a) => a.contentType === "application/pdf");
    expect(pdfs).toHaveLength(1);
    expect(pdfs[0]!.filename).toBe(`accuse-reception-${request.reference}.pdf`);
    const receipt = await pdfText(await mailAttachment(message.id, pdfs[0]!.generatedFileName));
    expect(receipt).toContain("Accusé de réception");
    expect(receipt).toContain(request.reference);
    expect(receipt).toContain("4 mai 2026");
    expect(receipt).toContain("CNIL");

    // A second run of the job (a retry, a duplicate) sends nothing.
    expect(await sendOutboxEmail(db(), row.id)).toBe("skipped");
    await new Promise((r) => setTimeout(r, 300));
    expect(await mailbox(email)).toHaveLength(1);
    expect((await db().outboxEmail.findUniqueOrThrow({ where: { id: row.id } })).attempts).toBe(1);
  });

  it("is delivered once when two workers pick the same e-mail at the same time", async () => {
    const { email, outbox } = await register();
    const outcomes = await Promise.all([sendOutboxEmail(db(), outbox[0]!.id), sendOutboxEmail(db(), outbox[0]!.id)]);
    expect(outcomes.sort()).toEqual(["sent", "skipped"]);
    await waitForMail(email);
    await new Promise((r) => setTimeout(r, 300));
    expect(await mailbox(email)).toHaveLength(1);
  });

  it("is in English, subject and PDF, for a request filed in English", async () => {
    const { email, request, outbox } = await register({ locale: "en" });
    expect(await sendOutboxEmail(db(), outbox[0]!.id)).toBe("sent");
    const [message] = await waitForMail(email);
    expect(message!.subject).toBe(`Your request ${request.reference} has been received`);
    expect(message!.text).toContain("The platform (data protection officer) · Answer at the latest on: 4 May 2026");
    const pdf = message!.attachments!.find((a) => a.contentType === "application/pdf")!;
    expect(pdf.filename).toBe(`receipt-${request.reference}.pdf`);
    const receipt = await pdfText(await mailAttachment(message!.id, pdf.generatedFileName));
    expect(receipt).toContain("Acknowledgement of a data-rights request");
    expect(receipt).toContain(request.reference);
    expect(receipt).toContain("4 May 2026");
    expect(receipt).not.toContain("Accusé de réception");
  });

  it("tells the requester when the right does not apply to what they chose", async () => {
    const { email, outbox } = await register({
      right: "portability",
      scope: { activities: ["fraud_prevention"] },
      details: { portabilityFormat: "csv" },
    });
    await sendOutboxEmail(db(), outbox[0]!.id);
    const [message] = await waitForMail(email);
    expect(message!.text).toContain("le droit ne s'applique pas à ces traitements");
  });
});

/** Delivers a case's acknowledgement and returns its text, HTML and PDF text. */
async function deliver(email: string, outboxId: string) {
  expect(await sendOutboxEmail(db(), outboxId)).toBe("sent");
  const [message] = await waitForMail(email);
  const full = (await (await fetch(`${process.env.MAILDEV_URL}/api/email/${message!.id}`)).json()) as { html?: string };
  const pdf = message!.attachments!.find((a) => a.contentType === "application/pdf")!;
  return {
    text: message!.text!,
    html: full.html ?? "",
    pdf: await pdfText(await mailAttachment(message!.id, pdf.generatedFileName)),
  };
}

/** The patient form about Camille herself (access, all her data). */
function webForm(overrides: { requester: { firstName: string; lastName: string; email: string } }): FormData {
  const c = DEMO_PATIENTS.camille;
  const form = new FormData();
  form.set(
    "payload",
    JSON.stringify({
      right: "access",
      requester: overrides.requester,
      subject: { relation: "self", firstName: c.firstName, lastName: c.lastName, birthDate: c.birthDate },
    }),
  );
  form.set("submissionId", randomUUID());
  return form;
}

const camillesPractitioners = [DEMO_ACTORS.dupont, DEMO_ACTORS.lefebvre, DEMO_ACTORS.mercier];

describe("the acknowledgement names health actors only to whom may know them", () => {
  // Who a person consults is health information (a dermatologist, a dentist...). The review step of
  // the form hides the subject's own health actors until the requester is known to be entitled
  // (lib/requests/preview-request.ts); the acknowledgement must not reveal them either.
  // Who a person consults is health information: the requester sees an actor's name only when entitled to it.

  it("names the practitioner the requester chose, with the 8-day date of CSP L1111-7", async () => {
    const { email, outbox } = await register({ scope: { healthActorIds: [DEMO_ACTORS.dupont.id] } });
    const { text, pdf } = await deliver(email, outbox[0]!.id);
    // 1 April + 8 days = Thursday 9 April 2026.
    expect(text).toContain(
      "Dr Antoine Dupont (acteur de santé, responsable de ses données) · Réponse au plus tard le: 9 avril 2026",
    );
    expect(pdf).toContain("Dr Antoine Dupont");
    expect(pdf).toContain("9 avril 2026");
  });

  it("names signed-in Camille's own practitioners to her, each with its due date", async () => {
    const c = DEMO_PATIENTS.camille;
    const { request } = await submitWebRequest(
      db(),
      getStorage(),
      webForm({ requester: { firstName: c.firstName, lastName: c.lastName, email: c.email } }),
      { sessionEmail: c.email, codeEmail: null },
    );
    const row = await db().outboxEmail.findFirstOrThrow({ where: { requestId: request.id } });
    const actorDue = formatDay(computeDeadline({ receivedAt: request.receivedAt, rule: "csp_l1111_7" }).dueDate, "fr");
    const platformDue = formatDay(
      computeDeadline({ receivedAt: request.receivedAt, rule: "gdpr_art12" }).dueDate,
      "fr",
    );
    expect(row.text).toContain(
      `La plateforme (délégué à la protection des données) · Réponse au plus tard le: ${platformDue}`,
    );
    for (const actor of camillesPractitioners) {
      expect(row.text).toContain(
        `${actor.name} (acteur de santé, responsable de ses données) · Réponse au plus tard le: ${actorDue}`,
      );
    }
    expect(row.text).not.toContain(DEMO_ACTORS.rousseau.name);
  });

  it("does not name Camille's practitioners to an address nobody verified (request registered by staff from a letter)", async () => {
    const { email, request, outbox } = await register();
    // The case itself is routed to them: that is the DPO's work, not the requester's business yet.
    expect(request.parts.filter((p) => p.handler === "health_actor")).toHaveLength(3);
    const { text, html, pdf } = await deliver(email, outbox[0]!.id);
    for (const actor of camillesPractitioners) {
      expect(text).not.toContain(actor.name);
      expect(html).not.toContain(actor.name);
      expect(pdf).not.toContain(actor.name);
    }
  });

  it("does not name Camille's practitioners to a stranger who proved only their own address and typed her name and birth date", async () => {
    const stranger = uniqueEmail("stranger");
    const form = webForm({ requester: { firstName: "Jean", lastName: "Dupuis", email: stranger } });
    const { request } = await submitWebRequest(db(), getStorage(), form, { sessionEmail: null, codeEmail: stranger });
    expect(request.identityStatus).toBe("documents_required");
    const row = await db().outboxEmail.findFirstOrThrow({ where: { requestId: request.id } });
    for (const actor of camillesPractitioners) {
      expect(row.text).not.toContain(actor.name);
      expect(row.html).not.toContain(actor.name);
    }
    const { pdf } = await deliver(stranger, row.id);
    for (const actor of camillesPractitioners) expect(pdf).not.toContain(actor.name);
  });
});

describe("enqueueOutbox: how the worker hands outbox rows to the job queue", () => {
  it("claims new pending rows once, takes back rows claimed by a worker that died, and leaves sent ones", async () => {
    const queue = await boss();
    await createQueues(queue);
    // Rows left by other tests are handed over first, so each check below starts from an empty backlog.
    while ((await enqueueOutbox(db(), queue, { limit: 10_000 })) > 0);
    const fresh = await register();
    const stale = await register();
    const sent = await register();
    expect(await sendOutboxEmail(db(), sent.outbox[0]!.id)).toBe("sent");

    const before = await queue.getQueueSize(QUEUES.sendEmail.name);
    expect(await enqueueOutbox(db(), queue, { limit: 10_000 })).toBe(2);
    expect(await queue.getQueueSize(QUEUES.sendEmail.name)).toBe(before + 2);
    const claimed = await db().outboxEmail.findMany({
      where: { id: { in: [fresh.outbox[0]!.id, stale.outbox[0]!.id] } },
    });
    expect(claimed.every((row) => row.enqueuedAt !== null)).toBe(true);

    // Nothing new: nothing is enqueued twice.
    expect(await enqueueOutbox(db(), queue, { limit: 10_000 })).toBe(0);
    // A claim older than two minutes whose mail is still pending is taken again.
    await db().outboxEmail.update({
      where: { id: stale.outbox[0]!.id },
      data: { enqueuedAt: new Date(Date.now() - 3 * 60_000) },
    });
    expect(await enqueueOutbox(db(), queue, { limit: 10_000 })).toBe(1);
  });

  it("keeps the queue flowing when a worker was killed holding a mail's job and the mail is handed over again", async () => {
    const queue = await boss();
    await createQueues(queue);
    const mail = (await register()).outbox[0]!;
    await enqueueOutbox(db(), queue, { limit: 10_000 });
    // The killed worker had fetched the job: it stays active until it expires.
    const moved = await db().$executeRaw`
      UPDATE pgboss.job SET state = 'active', started_on = now() WHERE name = ${QUEUES.sendEmail.name} AND singleton_key = ${mail.id} AND state = 'created'`;
    expect(moved).toBe(1);
    // Two minutes on, the mail still pending is handed over again, beside a new one.
    await db().outboxEmail.update({ where: { id: mail.id }, data: { enqueuedAt: new Date(Date.now() - 3 * 60_000) } });
    const other = (await register()).outbox[0]!;
    expect(await enqueueOutbox(db(), queue, { limit: 10_000 })).toBeGreaterThanOrEqual(2);

    // A live worker's fetch takes both: the job still marked active does not block the queue.
    const fetched = new Set<string>();
    for (
      let batch = await queue.fetch<{ outboxId: string }>(QUEUES.sendEmail.name, { batchSize: 100 });
      batch.length > 0;
      batch = await queue.fetch(QUEUES.sendEmail.name, { batchSize: 100 })
    ) {
      for (const job of batch) fetched.add(job.data.outboxId);
    }
    expect(fetched).toContain(mail.id);
    expect(fetched).toContain(other.id);
  });
});
