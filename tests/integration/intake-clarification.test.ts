import { beforeAll, describe, expect, it } from "vitest";
import { POST as caseAction } from "@/app/api/v1/requests/[reference]/actions/route";
import { POST } from "@/app/api/v1/requests/route";
import { applyImmediateEffects } from "@/lib/rights/immediate-effects";
import { listCases } from "@/lib/backoffice/list-cases";
import { ZCaseListQuery } from "@/lib/backoffice/list-cases.schema";
import { answerPart } from "@/lib/cases/answer-part";
import { requesterByAnswerLink } from "@/lib/requests/answer-link";
import { closeCase } from "@/lib/cases/close-case";
import { decideIdentity } from "@/lib/cases/decide-identity";
import { recordClarification } from "@/lib/cases/record-clarification";
import {
  remindUnansweredRequests,
  replyToInformationRequest,
  requestInformation,
} from "@/lib/cases/request-information";
import { db } from "@/lib/db";
import { computeDeadline, fromDateColumn } from "@/lib/deadlines";
import type { AppError } from "@/lib/errors/app-error";
import { awaitedProofs, completeProofs } from "@/lib/identity/complete-proofs";
import type { PresentedRequest } from "@/lib/requests/present-request";
import { submitWebRequest } from "@/lib/requests/submit-web-request";
import { currentRegistry } from "@/lib/registry";
import { missingDetails } from "@/lib/rights/missing-details";
import { getStorage } from "@/lib/storage";
import { fileParentCase } from "@/prisma/seed/cases";
import { family } from "./family";
import { apiRequest, DEMO_PATIENTS, demoData, minimalPdf, requestBody, staffToken, uniqueEmail } from "./support";

const DAY = 86_400_000;
const RECEIVED_AT = "2026-03-31T22:30:00.000Z";
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e as AppError,
  );

let token: string;
let staffId: string;
const actor = () => ({ type: "staff" as const, staffId, actorId: staffId });

beforeAll(async () => {
  await demoData();
  ({ token, staffId } = await staffToken());
});

async function post(body: unknown) {
  const response = await POST(apiRequest("/api/v1/requests", { token, body }));
  return { status: response.status, body: (await response.json()) as PresentedRequest };
}

async function act(reference: string, body: unknown) {
  const response = await caseAction(apiRequest(`/api/v1/requests/${reference}/actions`, { token, body }), {
    params: Promise.resolve({ reference }),
  });
  return {
    status: response.status,
    body: (await response.json()) as PresentedRequest & { error?: { fields?: { path: string; message: string }[] } },
  };
}

const row = (reference: string) =>
  db().rightsRequest.findUniqueOrThrow({
    where: { reference },
    include: { events: { orderBy: { id: "asc" } }, proofs: true, messages: true },
  });
const toClarify = async () =>
  (
    await listCases(db(), ZCaseListQuery.parse({ clarify: "1", limit: "100", sort: "received" }), { staffId })
  ).items.map((c) => c.reference);

/** The answer link of the latest e-mail of a case to its requester. */
async function answerLinkOf(requestId: string, to: string) {
  const mail = await db().outboxEmail.findFirstOrThrow({ where: { requestId, to }, orderBy: { createdAt: "desc" } });
  const url = mail.text.match(/https?:\/\/\S+\/repondre\?jeton=(\S+)/);
  expect(url, mail.text).not.toBeNull();
  return { mail, token: url![1]! };
}

describe("POST /api/v1/requests takes a request that lacks its right's details", () => {
  it.each([
    ["portability", {}, ["portabilityFormat"]],
    ["objection", { activities: ["fraud_prevention"] }, ["objectionGrounds"]],
    ["consent_withdrawal", {}, ["consents"]],
    ["rectification", {}, ["rectifications"]],
  ] as const)(
    "%s without details: 201, dated from its real receipt, flagged to clarify",
    async (right, scope, missing) => {
      const created = await post(
        requestBody({ right, scope, details: { message: "Reçu par courrier, sans plus de précision." } }),
      );
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        right,
        status: "awaiting_identity",
        receivedAt: RECEIVED_AT,
        needsClarification: true,
        paused: false,
      });
      // The clock runs from receipt (Art. 12(3)): the GDPR month from 1 April in Paris.
      const due = computeDeadline({ receivedAt: new Date(RECEIVED_AT), rule: "gdpr_art12" }).dueDate;
      expect(created.body.parts.find((p) => p.handler === "platform")!.dueDate).toBe(due);
      const stored = await row(created.body.reference);
      expect(stored.needsClarification).toBe(true);
      expect(stored.receivedAt.toISOString()).toBe(RECEIVED_AT);
      // What the case page names as missing.
      expect(
        missingDetails(
          { right, scope: stored.scope as { activities?: string[] }, details: stored.details as object },
          currentRegistry().activities,
        ),
      ).toEqual(missing);
      expect(await toClarify()).toContain(created.body.reference);
    },
  );

  it("a request with what its right needs, or an objection to direct marketing alone, is not flagged", async () => {
    const complete = await post(requestBody({ right: "portability", details: { portabilityFormat: "csv" } }));
    const marketing = await post(requestBody({ right: "objection", scope: { activities: ["direct_marketing"] } }));
    for (const created of [complete, marketing]) {
      expect(created.status).toBe(201);
      expect(created.body.needsClarification).toBe(false);
      expect(await toClarify()).not.toContain(created.body.reference);
    }
  });

  it("the patient's own form still asks for them: refused, naming the field", async () => {
    const camille = DEMO_PATIENTS.camille;
    const form = (payload: object) => {
      const data = new FormData();
      data.set(
        "payload",
        JSON.stringify({
          requester: { firstName: camille.firstName, lastName: camille.lastName, email: camille.email },
          subject: {
            relation: "self",
            firstName: camille.firstName,
            lastName: camille.lastName,
            birthDate: camille.birthDate,
          },
          ...payload,
        }),
      );
      data.set("submissionId", crypto.randomUUID());
      return data;
    };
    const signedIn = { sessionEmail: camille.email, codeEmail: null };
    const before = await db().rightsRequest.count();
    const portability = await failure(submitWebRequest(db(), getStorage(), form({ right: "portability" }), signedIn));
    expect(portability?.fields).toEqual([{ path: "details.portabilityFormat", key: "required" }]);
    const objection = await failure(
      submitWebRequest(
        db(),
        getStorage(),
        form({ right: "objection", scope: { activities: ["fraud_prevention"] } }),
        signedIn,
      ),
    );
    expect(objection?.fields).toEqual([{ path: "details.objectionGrounds", key: "required" }]);
    expect(await db().rightsRequest.count()).toBe(before);
  });
});

describe("the DPO records the clarification", () => {
  it("names what is still missing, refuses a consent the processing does not rest on, then clears the flag", async () => {
    const created = await post(requestBody({ right: "consent_withdrawal" }));
    const { reference } = created.body;

    const nothing = await act(reference, { action: "clarify", details: {} });
    expect(nothing.status).toBe(422);
    expect(nothing.body.error?.fields).toEqual([{ path: "details.consents", message: "Ce champ est obligatoire." }]);
    const notConsent = await act(reference, { action: "clarify", details: { consents: ["fraud_prevention"] } });
    expect(notConsent.status).toBe(422);
    expect(notConsent.body.error?.fields).toEqual([
      { path: "details.consents.0", message: "Ce traitement ne repose pas sur votre consentement." },
    ]);
    expect((await row(reference)).needsClarification).toBe(true);

    const clarified = await act(reference, { action: "clarify", details: { consents: ["map_service"] } });
    expect(clarified.status).toBe(200);
    expect(clarified.body.needsClarification).toBe(false);
    const stored = await row(reference);
    expect(stored.details).toEqual({ consents: ["map_service"] });
    expect(stored.events.at(-1)).toMatchObject({
      type: "details_clarified",
      actorType: "api",
      payload: { fields: ["consents"] },
    });
    expect(await toClarify()).not.toContain(reference);
    // Nothing left to clarify.
    expect((await act(reference, { action: "clarify", details: { consents: ["map_service"] } })).status).toBe(409);
  });

  it("a consent withdrawal naming no consent takes effect only once the DPO recorded which, and then only on those", async () => {
    const { alice } = await family();
    const consents = () =>
      db().consent.findMany({
        where: { patientId: alice.id },
        orderBy: { activityKey: "asc" },
        select: { activityKey: true, withdrawnAt: true },
      });
    const created = await post(
      requestBody({
        right: "consent_withdrawal",
        requester: { firstName: "Alice", lastName: "Morel", email: alice.email },
        subject: { firstName: "Alice", lastName: "Morel", birthDate: "1980-02-03", email: alice.email },
      }),
    );
    expect(created.body).toMatchObject({ needsClarification: true, subject: { found: true } });
    await decideIdentity(db(), getStorage(), created.body.reference, { decision: "accepted" }, actor());

    await applyImmediateEffects(db());
    expect((await consents()).every((c) => c.withdrawnAt === null)).toBe(true);
    expect((await row(created.body.reference)).effectsAppliedAt).toBeNull();

    await recordClarification(db(), created.body.reference, { details: { consents: ["map_service"] } }, actor());
    await applyImmediateEffects(db());
    expect((await consents()).map((c) => [c.activityKey, c.withdrawnAt !== null])).toEqual([
      ["map_service", true],
      ["personalised_services", false],
    ]);
  });

  it("the platform's part is not granted before the clarification; a refusal need not wait", async () => {
    const created = await post(requestBody({ right: "portability" }));
    await decideIdentity(db(), getStorage(), created.body.reference, { decision: "accepted" }, actor());
    const platform = created.body.parts.find((p) => p.handler === "platform")!;
    const granted = await failure(
      answerPart(
        db(),
        getStorage(),
        created.body.reference,
        { partId: platform.id, outcome: "granted", message: "Voici vos données." },
        actor(),
      ),
    );
    expect(granted?.code).toBe("conflict");
    expect(granted?.userMessage.fr).toMatch(/à préciser/);
    expect((await db().requestPart.findUniqueOrThrow({ where: { id: platform.id } })).status).toBe("pending");
    await answerPart(
      db(),
      getStorage(),
      created.body.reference,
      {
        partId: platform.id,
        outcome: "refused",
        grounds: ["identity_not_established"],
        message: "Identité non établie.",
      },
      actor(),
    );
    expect((await db().requestPart.findUniqueOrThrow({ where: { id: platform.id } })).status).toBe("refused");
  });
});

describe("asking for identification information while the identity is checked", () => {
  it("stops the clock; the requester's answer with the document, by the e-mail's link, restarts it and shifts the due date; the identity decision follows", async () => {
    const created = await post(requestBody({ right: "portability" }));
    const { reference } = created.body;
    const requesterEmail = (await row(reference)).requesterEmail;
    expect(created.body.status).toBe("awaiting_identity");

    const asked = await act(reference, {
      action: "request_information",
      message: "Merci de préciser le format voulu et de joindre une pièce d'identité.",
      documents: ["id_document"],
    });
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({
      status: "awaiting_information",
      identityStatus: "documents_required",
      paused: true,
    });
    const waiting = await row(reference);
    expect(waiting.pausedSince).not.toBeNull();
    expect(waiting.events.at(-1)).toMatchObject({
      type: "request_information",
      payload: { documents: ["id_document"] },
    });

    // The e-mail names the document and carries the link to answer.
    const { mail, token: link } = await answerLinkOf(waiting.id, requesterEmail);
    expect(mail.subject).toContain("Des justificatifs sont nécessaires");
    expect(mail.text).toContain("- Pièce d'identité");
    expect(await requesterByAnswerLink(db(), reference, link)).toBe(requesterEmail);
    expect(await requesterByAnswerLink(db(), "DR-2026-0000-0000", link)).toBeNull();
    expect(await requesterByAnswerLink(db(), reference, `${link}x`)).toBeNull();
    // The link ends with the follow-up period (15 + 15 days by default).
    expect(await requesterByAnswerLink(db(), reference, link, Date.now() + 31 * DAY)).toBeNull();

    // Nine days later (the question moved back in time), the answer: the text and the document.
    await db().rightsRequest.update({
      where: { id: waiting.id },
      data: { pausedSince: new Date(waiting.pausedSince!.getTime() - 9 * DAY) },
    });
    const notAsked = await failure(
      replyToInformationRequest(db(), getStorage(), reference, requesterEmail, {
        uploads: [{ kind: "mandate", bytes: minimalPdf("MANDAT") }],
      }),
    );
    expect(notAsked?.fields).toEqual([{ path: "proofs.mandate", key: "invalid" }]);
    await replyToInformationRequest(db(), getStorage(), reference, requesterEmail, {
      message: "Au format JSON, merci.",
      uploads: [{ kind: "id_document", bytes: minimalPdf("CNI RECUE") }],
    });

    const answered = await row(reference);
    expect(answered).toMatchObject({
      status: "awaiting_identity",
      identityStatus: "documents_submitted",
      pausedSince: null,
      pausedDays: 9,
    });
    expect(fromDateColumn(answered.dueDate)).toBe(
      computeDeadline({ receivedAt: answered.receivedAt, rule: "gdpr_art12", pausedDays: 9 }).dueDate,
    );
    expect(answered.events.at(-1)).toMatchObject({
      type: "identification_received",
      actorType: "requester",
      payload: { kinds: ["id_document"], missing: [] },
    });
    expect(answered.messages).toHaveLength(1);
    expect(Buffer.from(answered.messages[0]!.body).includes(Buffer.from("JSON"))).toBe(false);
    const proof = answered.proofs.find((p) => p.kind === "id_document")!;
    expect(Buffer.from(await getStorage().get(proof.storageKey!)).toString("latin1")).toContain("CNI RECUE");
    // The link is spent once the answer is in.
    expect(await requesterByAnswerLink(db(), reference, link)).toBeNull();

    // The DPO decides the identity, then records the format the answer gave.
    await decideIdentity(db(), getStorage(), reference, { decision: "accepted" }, actor());
    expect(await getStorage().exists(proof.storageKey!)).toBe(false);
    await recordClarification(db(), reference, { details: { portabilityFormat: "json" } }, actor());
    expect(await row(reference)).toMatchObject({
      status: "received",
      identityStatus: "accepted",
      needsClarification: false,
      pausedDays: 9,
    });
  });

  it("an answer without the document asked leaves the clock stopped until it comes", async () => {
    const created = await post(requestBody({ right: "access" }));
    const { reference } = created.body;
    const requesterEmail = (await row(reference)).requesterEmail;
    await act(reference, {
      action: "request_information",
      message: "Merci de joindre une pièce d'identité.",
      documents: ["id_document"],
    });
    const since = new Date(Date.now() - 4 * DAY);
    await db().rightsRequest.update({ where: { reference }, data: { pausedSince: since } });

    expect(
      (await failure(replyToInformationRequest(db(), getStorage(), reference, requesterEmail, { uploads: [] })))
        ?.fields,
    ).toEqual([{ path: "message", key: "required" }]);
    await replyToInformationRequest(db(), getStorage(), reference, requesterEmail, {
      message: "Je l'envoie dès que possible.",
      uploads: [],
    });
    expect(await row(reference)).toMatchObject({
      status: "awaiting_identity",
      identityStatus: "documents_required",
      pausedSince: since,
      pausedDays: 0,
    });

    await completeProofs(db(), getStorage(), reference, requesterEmail, [
      { kind: "id_document", bytes: minimalPdf("CNI") },
    ]);
    expect(await row(reference)).toMatchObject({
      status: "awaiting_identity",
      identityStatus: "documents_submitted",
      pausedSince: null,
      pausedDays: 4,
    });
  });

  it("a proof asked for again (a copy that cannot be read) is awaited anew, and the new file joins the case", async () => {
    const filed = await fileParentCase(db(), getStorage(), minimalPdf("LIVRET ILLISIBLE"));
    expect(filed.identityStatus).toBe("documents_submitted");
    await requestInformation(
      db(),
      filed.reference,
      {
        message: "La copie du livret de famille est illisible : merci d'en envoyer une autre.",
        documents: ["parental_authority"],
      },
      actor(),
    );
    expect(await awaitedProofs(db(), filed.id)).toEqual(["parental_authority"]);
    await replyToInformationRequest(db(), getStorage(), filed.reference, filed.requesterEmail, {
      uploads: [{ kind: "parental_authority", bytes: minimalPdf("LIVRET LISIBLE") }],
    });
    const answered = await row(filed.reference);
    expect(answered).toMatchObject({
      status: "awaiting_identity",
      identityStatus: "documents_submitted",
      pausedSince: null,
    });
    expect(answered.proofs.filter((p) => p.kind === "parental_authority" && p.storageKey)).toHaveLength(2);
    expect(await awaitedProofs(db(), filed.id)).toBeNull();
  });

  it("documents cannot be asked once the identity is decided", async () => {
    const created = await post(requestBody({ right: "access" }));
    await decideIdentity(db(), getStorage(), created.body.reference, { decision: "accepted" }, actor());
    const refused = await act(created.body.reference, {
      action: "request_information",
      message: "Une pièce d'identité ?",
      documents: ["id_document"],
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error?.fields).toEqual([
      { path: "documents", message: "L'identité est déjà décidée : aucun justificatif ne peut plus être demandé." },
    ]);
    expect((await row(created.body.reference)).status).toBe("received");
  });
});

describe("documents awaited at filing follow the rules of an unanswered request", () => {
  it("the requester is reminded once after 15 days with what is awaited and the link to answer, then the case may be closed 15 days later", async () => {
    const { extractText, getDocumentProxy } = await import("unpdf");
    const filed = await fileParentCase(db(), getStorage(), null);
    expect(filed).toMatchObject({ status: "awaiting_identity", identityStatus: "documents_required" });
    await db().rightsRequest.update({
      where: { id: filed.id },
      data: { pausedSince: new Date(Date.now() - 16 * DAY) },
    });

    expect((await failure(closeCase(db(), getStorage(), filed.reference, actor())))?.userMessage.fr).toMatch(
      /pas encore été relancé/,
    );
    const now = new Date();
    expect(await remindUnansweredRequests(db(), now)).toBeGreaterThanOrEqual(1);
    await remindUnansweredRequests(db(), now);
    const reminders = await db().outboxEmail.findMany({
      where: { requestId: filed.id, to: filed.requesterEmail, subject: { startsWith: "Rappel" } },
    });
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.text).toContain(
      "Justificatifs attendus : Preuve de l'autorité parentale (livret de famille, jugement).",
    );
    const { token: link } = await answerLinkOf(filed.id, filed.requesterEmail);
    expect(await requesterByAnswerLink(db(), filed.reference, link)).toBe(filed.requesterEmail);

    const early = await failure(
      closeCase(db(), getStorage(), filed.reference, actor(), new Date(now.getTime() + 10 * DAY)),
    );
    expect(early?.userMessage.en).toMatch(/can only be closed from/);
    await closeCase(db(), getStorage(), filed.reference, actor(), new Date(now.getTime() + 15 * DAY + 3600_000));
    const closed = await db().rightsRequest.findUniqueOrThrow({ where: { id: filed.id }, include: { letters: true } });
    expect(closed).toMatchObject({ status: "closed", pausedSince: null });
    const pdf = await getStorage().get(closed.letters[0]!.storageKey);
    const text = (await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true })).text;
    expect(text).toContain("Preuve de l'autorité parentale");
    expect(text).toContain("faute de réponse");
  });

  it("closing for want of the documents asked deletes the files already sent", async () => {
    const filed = await fileParentCase(db(), getStorage(), minimalPdf("LIVRET"));
    await requestInformation(
      db(),
      filed.reference,
      { message: "Merci d'ajouter votre pièce d'identité.", documents: ["id_document"] },
      actor(),
      new Date(Date.now() - 16 * DAY),
    );
    const now = new Date();
    await remindUnansweredRequests(db(), now);
    await closeCase(db(), getStorage(), filed.reference, actor(), new Date(now.getTime() + 15 * DAY + 3600_000));
    const closed = await row(filed.reference);
    expect(closed.status).toBe("closed");
    expect(closed.proofs).toMatchObject([{ kind: "parental_authority", storageKey: null }]);
    expect(closed.proofs[0]!.fileDeletedAt).not.toBeNull();
  });

  it("a case whose clock runs cannot be closed for want of an answer", async () => {
    const created = await post(requestBody({ right: "access", requester: { email: uniqueEmail("courrier") } }));
    const refused = await failure(closeCase(db(), getStorage(), created.body.reference, actor()));
    expect(refused?.code).toBe("conflict");
    expect((await row(created.body.reference)).status).toBe("awaiting_identity");
  });
});
