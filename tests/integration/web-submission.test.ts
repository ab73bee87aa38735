import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError, toAppError } from "@/lib/errors/app-error";
import { getStorage } from "@/lib/storage";
import { submitWebRequest, type WebIdentity } from "@/lib/requests/submit-web-request";
import {
  DEMO_ACTORS,
  DEMO_PATIENTS,
  DEMO_RELATIVES,
  demoData,
  minimalPdf,
  rowCounts,
  storedFiles,
  uniqueEmail,
} from "./support";

type Json = Record<string, unknown>;

const camille = DEMO_PATIENTS.camille;
const leo = DEMO_RELATIVES.leo;
const signedInCamille: WebIdentity = { sessionEmail: camille.email, codeEmail: null };

beforeAll(async () => {
  await demoData();
});

/** The patient form's payload: the API's shape without channel and receipt time. */
function payload(overrides: Json = {}): Json {
  const { requester, subject, ...rest } = overrides;
  return {
    right: "access",
    requester: {
      firstName: camille.firstName,
      lastName: camille.lastName,
      email: camille.email,
      ...(requester as Json | undefined),
    },
    subject: {
      relation: "self",
      firstName: camille.firstName,
      lastName: camille.lastName,
      birthDate: camille.birthDate,
      ...(subject as Json | undefined),
    },
    ...rest,
  };
}

function form(body: Json, files: Record<string, File> = {}, submissionId: string = randomUUID()): FormData {
  const data = new FormData();
  data.set("payload", JSON.stringify(body));
  data.set("submissionId", submissionId);
  for (const [name, file] of Object.entries(files)) data.set(name, file);
  return data;
}

const forLeo = () =>
  payload({
    subject: { relation: "minor", firstName: leo.firstName, lastName: leo.lastName, birthDate: leo.birthDate },
  });

/** Runs a submission expected to be refused and returns the AppError. */
async function refused(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const actorIds = (parts: { handler: string; healthActorId: string | null }[]) =>
  parts
    .filter((p) => p.handler === "health_actor")
    .map((p) => p.healthActorId)
    .sort();

describe("submitting the patient form", () => {
  it("treats signed-in Camille asking for her own data as verified, received now, routed to her practitioners", async () => {
    const before = Date.now();
    const { request, replayed } = await submitWebRequest(db(), getStorage(), form(payload()), signedInCamille);
    expect(replayed).toBe(false);
    expect(request).toMatchObject({
      identityStatus: "verified",
      status: "received",
      channel: "web",
      subjectPatientId: camille.id,
      subjectRelativeId: null,
      pausedSince: null,
    });
    // The server stamps the receipt time.
    expect(request.receivedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(request.receivedAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(actorIds(request.parts)).toEqual(
      [DEMO_ACTORS.dupont.id, DEMO_ACTORS.lefebvre.id, DEMO_ACTORS.mercier.id].sort(),
    );
    expect(request.events).toHaveLength(1);
    expect(request.events[0]).toMatchObject({ type: "submit_verified", actorType: "requester" });
  });

  it("takes a parent's request for her child with the proof of parental authority, stored encrypted, and routes it to the child's practitioners", async () => {
    const marker = `AUTORITE-PARENTALE-${randomUUID()}`;
    const pdf = minimalPdf(`Jugement ${marker} Leo Martin`);
    const file = new File([pdf], "livret-de-famille.pdf", { type: "application/pdf" });
    const { request } = await submitWebRequest(
      db(),
      getStorage(),
      form(forLeo(), { proof_parental_authority: file }),
      signedInCamille,
    );

    expect(request).toMatchObject({
      identityStatus: "documents_submitted",
      status: "awaiting_identity",
      subjectRelation: "minor",
      subjectRelativeId: leo.id,
      subjectPatientId: null,
      // A proof awaits the DPO's check; nothing is asked of the parent, so the clock runs.
      pausedSince: null,
    });

    const proofs = await db().identityProof.findMany({ where: { requestId: request.id } });
    expect(proofs).toHaveLength(1);
    const proof = proofs[0]!;
    expect(proof).toMatchObject({ kind: "parental_authority", contentType: "application/pdf", size: pdf.length });

    // On disk: present, but not readable without the key.
    const onDisk = readFileSync(join(process.env.STORAGE_LOCAL_DIR!, ...proof.storageKey!.split("/")));
    expect(onDisk.length).toBeGreaterThan(0);
    expect(onDisk.includes(Buffer.from(marker))).toBe(false);
    expect(onDisk.includes(Buffer.from("%PDF-1.4"))).toBe(false);
    // ...and the application reads back exactly what was uploaded.
    expect(Buffer.from(await getStorage().get(proof.storageKey!)).equals(Buffer.from(pdf))).toBe(true);

    // Léo's practitioners (his paediatrician, and the family doctor who saw him for a fever in
    // 2023 per the demo data), not his mother's dermatologist or dentist.
    expect(actorIds(request.parts)).toEqual([DEMO_ACTORS.dupont.id, DEMO_ACTORS.rousseau.id].sort());
    expect(actorIds(request.parts)).not.toContain(DEMO_ACTORS.lefebvre.id);
    expect(actorIds(request.parts)).not.toContain(DEMO_ACTORS.mercier.id);
  });

  it("asks the same parent for the proof when she sends none, and stops the clock meanwhile", async () => {
    const { request } = await submitWebRequest(db(), getStorage(), form(forLeo()), signedInCamille);
    expect(request).toMatchObject({
      identityStatus: "documents_required",
      status: "awaiting_identity",
      subjectRelativeId: leo.id,
    });
    expect(request.pausedSince).toEqual(request.receivedAt);
    expect(request.events[0]!.payload).toMatchObject({
      identityStatus: "documents_required",
      missingProofs: ["parental_authority"],
    });
    const outbox = await db().outboxEmail.findFirstOrThrow({ where: { requestId: request.id } });
    expect(outbox.text).toContain("un justificatif est nécessaire");
    expect(outbox.text).toContain("Le délai de réponse est suspendu");
  });

  it("refuses a text file renamed .pdf as a proof: 422 on the field, no file kept, no case", async () => {
    const before = await rowCounts();
    const filesBefore = storedFiles();
    const fake = new File(["Ceci n'est pas un PDF, juste du texte."], "jugement.pdf", { type: "application/pdf" });
    const error = await refused(
      submitWebRequest(db(), getStorage(), form(forLeo(), { proof_parental_authority: fake }), signedInCamille),
    );
    expect(error.status).toBe(422);
    expect(error.fields).toEqual([{ path: "proofs.parental_authority", key: "file_type" }]);
    expect(storedFiles()).toEqual(filesBefore);
    expect(await rowCounts()).toEqual(before);
  });

  it("deletes an uploaded proof when the case cannot be written (unknown health actor)", async () => {
    const before = await rowCounts();
    const filesBefore = storedFiles();
    const file = new File([minimalPdf("preuve")], "preuve.pdf", { type: "application/pdf" });
    const body = { ...forLeo(), scope: { healthActorIds: [randomUUID()] } };
    const error = await refused(
      submitWebRequest(db(), getStorage(), form(body, { proof_parental_authority: file }), signedInCamille),
    );
    expect(error.status).toBe(422);
    expect(error.fields.map((f) => f.path)).toEqual(["scope.healthActorIds.0"]);
    expect(storedFiles()).toEqual(filesBefore);
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses a requester address that was not proven (422 on requester.email)", async () => {
    const before = await rowCounts();
    const someoneElse = uniqueEmail("inconnu");
    const error = await refused(
      submitWebRequest(db(), getStorage(), form(payload({ requester: { email: someoneElse } })), {
        sessionEmail: camille.email,
        codeEmail: uniqueEmail("autre"),
      }),
    );
    expect(error.status).toBe(422);
    expect(error.fields).toEqual([{ path: "requester.email", key: "email_not_verified" }]);
    expect(await rowCounts()).toEqual(before);
  });

  it("creates one case for a retried submission (same submission id), and keeps one copy of its proof", async () => {
    const submissionId = randomUUID();
    const pdf = minimalPdf("retry");
    const make = () =>
      form(forLeo(), { proof_parental_authority: new File([pdf], "p.pdf", { type: "application/pdf" }) }, submissionId);
    const first = await submitWebRequest(db(), getStorage(), make(), signedInCamille);
    const filesAfterFirst = storedFiles();
    const again = await submitWebRequest(db(), getStorage(), make(), signedInCamille);
    expect(first.replayed).toBe(false);
    expect(again.replayed).toBe(true);
    expect(again.request.reference).toBe(first.request.reference);
    expect(await db().rightsRequest.count({ where: { idempotencyKey: `web:${submissionId}` } })).toBe(1);
    expect(await db().identityProof.count({ where: { requestId: first.request.id } })).toBe(1);
    expect(await db().outboxEmail.count({ where: { requestId: first.request.id } })).toBe(1);
    expect(storedFiles()).toEqual(filesAfterFirst);
  });

  it("asks an ID document of a requester proven by e-mail code whose identity matches no account", async () => {
    const email = uniqueEmail("code");
    const body = payload({
      requester: { firstName: "Aline", lastName: "Rivière", email },
      subject: { firstName: "Aline", lastName: "Rivière", birthDate: "1990-02-03" },
    });
    const { request } = await submitWebRequest(db(), getStorage(), form(body), {
      sessionEmail: null,
      codeEmail: email,
    });
    expect(request).toMatchObject({
      identityStatus: "documents_required",
      status: "awaiting_identity",
      subjectPatientId: null,
    });
    expect(request.pausedSince).not.toBeNull();
    expect(request.events[0]!.payload).toMatchObject({ missingProofs: ["id_document"] });
    expect(request.events[0]!.actorId).toBe(email);
  });

  it("does not let an e-mail code for Camille's address stand in for her records when the name differs", async () => {
    const body = payload({ subject: { firstName: "Camille", lastName: "Durand" } });
    const { request } = await submitWebRequest(db(), getStorage(), form(body), {
      sessionEmail: null,
      codeEmail: camille.email,
    });
    expect(request.identityStatus).toBe("documents_required");
    expect(request.subjectPatientId).toBeNull();
  });
});

describe("what the requester is told, and which files are kept", () => {
  const julien = DEMO_PATIENTS.julien;
  const jeanne = DEMO_RELATIVES.jeanne;

  it("a relative's doctors are named only when the requester booked them from their own account", async () => {
    // Julien holds his mother Jeanne; he booked Dr Fontaine for her, his sister Claire booked the clinic.
    const body = payload({
      requester: { firstName: julien.firstName, lastName: julien.lastName, email: julien.email },
      subject: {
        relation: "mandate",
        firstName: jeanne.firstName,
        lastName: jeanne.lastName,
        birthDate: jeanne.birthDate,
      },
    });
    const { request } = await submitWebRequest(db(), getStorage(), form(body), {
      sessionEmail: julien.email,
      codeEmail: null,
    });
    const visibility = Object.fromEntries(
      request.parts.filter((p) => p.healthActor).map((p) => [p.healthActor!.name, p.visibleToRequester]),
    );
    expect(visibility).toEqual({ [DEMO_ACTORS.fontaine.name]: true, [DEMO_ACTORS.tilleuls.name]: false });
  });

  it("a stranger who types Camille's name learns nothing of her doctors", async () => {
    const stranger = uniqueEmail("stranger");
    const body = payload({ requester: { firstName: "Eve", lastName: "Curieuse", email: stranger } });
    const { request } = await submitWebRequest(db(), getStorage(), form(body), {
      sessionEmail: null,
      codeEmail: stranger,
    });
    expect(request.identityStatus).toBe("documents_required");
    const actorParts = request.parts.filter((p) => p.handler === "health_actor");
    expect(actorParts.length).toBeGreaterThan(0);
    expect(actorParts.every((p) => !p.visibleToRequester)).toBe(true);
  });

  it("an ID document sent with a request the sign-in already verifies is not kept", async () => {
    const before = storedFiles();
    const id = new File([minimalPdf("CARTE-IDENTITE")], "cni.pdf", { type: "application/pdf" });
    const { request } = await submitWebRequest(
      db(),
      getStorage(),
      form(payload(), { proof_id_document: id }),
      signedInCamille,
    );
    expect(request.identityStatus).toBe("verified");
    expect(await db().identityProof.count({ where: { requestId: request.id } })).toBe(0);
    expect(storedFiles()).toEqual(before);
  });

  it("withdrawing a request deletes its identity files and keeps the fact", async () => {
    const { withdrawRequest } = await import("@/lib/requests/withdraw-request");
    const proof = new File([minimalPdf("LIVRET-DE-FAMILLE")], "livret.pdf", { type: "application/pdf" });
    const { request } = await submitWebRequest(
      db(),
      getStorage(),
      form(forLeo(), { proof_parental_authority: proof }),
      signedInCamille,
    );
    const stored = await db().identityProof.findFirstOrThrow({ where: { requestId: request.id } });
    expect(await getStorage().exists(stored.storageKey!)).toBe(true);
    await withdrawRequest(db(), getStorage(), request.reference, camille.email);
    expect(await getStorage().exists(stored.storageKey!)).toBe(false);
    expect(await db().identityProof.findUniqueOrThrow({ where: { id: stored.id } })).toMatchObject({
      storageKey: null,
      kind: "parental_authority",
    });
    expect((await db().rightsRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("withdrawn");
    // A second withdrawal is refused, not repeated.
    expect((await refused(withdrawRequest(db(), getStorage(), request.reference, camille.email))).code).toBe(
      "conflict",
    );
  });

  it("withdrawing a platform consent goes to the platform only", async () => {
    const body = payload({ right: "consent_withdrawal", details: { consents: ["personalised_services"] } });
    const { request } = await submitWebRequest(db(), getStorage(), form(body), signedInCamille);
    expect(request.parts.map((p) => p.handler)).toEqual(["platform"]);
    expect(request.parts[0]!.applicable).toBe(true);
  });

  it("an heir cannot ask for portability (LIL art. 85)", async () => {
    const body = payload({
      right: "portability",
      details: { portabilityFormat: "json" },
      subject: { relation: "heir" },
    });
    const error = await submitWebRequest(db(), getStorage(), form(body), signedInCamille).then(() => null, toAppError);
    expect(error?.fields.map((f) => f.path)).toContain("right");
  });
});

describe("a proven address files a limited number of requests an hour", () => {
  it("refuses the request past the limit", async () => {
    const previous = process.env.PORTAL_SUBMISSIONS_PER_HOUR;
    process.env.PORTAL_SUBMISSIONS_PER_HOUR = "2";
    try {
      const email = uniqueEmail("prolific");
      const body = () =>
        payload({
          requester: { firstName: "Paul", lastName: "Prolixe", email },
          subject: { firstName: "Paul", lastName: "Prolixe", birthDate: "1980-01-01" },
        });
      const identity = { sessionEmail: null, codeEmail: email };
      await submitWebRequest(db(), getStorage(), form(body()), identity);
      await submitWebRequest(db(), getStorage(), form(body()), identity);
      expect((await refused(submitWebRequest(db(), getStorage(), form(body()), identity))).code).toBe("rate_limited");
    } finally {
      process.env.PORTAL_SUBMISSIONS_PER_HOUR = previous;
    }
  });
});
