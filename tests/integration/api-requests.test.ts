import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/requests/[reference]/route";
import { POST } from "@/app/api/v1/requests/route";
import { API_RATE_LIMIT_PER_MINUTE } from "@/lib/auth/api-token";
import { computeDeadline } from "@/lib/deadlines";
import { db } from "@/lib/db";
import { currentRegistry } from "@/lib/registry";
import type { PresentedRequest } from "@/lib/requests/present-request";
import { REFERENCE_PATTERN } from "@/lib/validation/ids";
import {
  apiRequest,
  DEMO_ACTORS,
  DEMO_PATIENTS,
  DEMO_RELATIVES,
  demoData,
  requestBody,
  rowCounts,
  staffToken,
  uniqueEmail,
} from "./support";

type Json = Record<string, unknown>;
type ErrorBody = { error: { code: string; message: string; fields?: { path: string; message: string }[] } };
type Presented = PresentedRequest & { events?: { type: string; actorType: string; at: string; data: Json }[] };

const platformKeys = currentRegistry()
  .activities.filter((a) => a.controller === "platform")
  .map((a) => a.key);
const actorKeys = currentRegistry()
  .activities.filter((a) => a.controller === "health_actor")
  .map((a) => a.key);

let token: string;

beforeAll(async () => {
  await demoData();
  ({ token } = await staffToken());
});

async function post(body: unknown, init: { token?: string | null; headers?: Record<string, string> } = {}) {
  const response = await POST(
    apiRequest("/api/v1/requests", {
      token: init.token === null ? undefined : (init.token ?? token),
      body,
      headers: init.headers,
    }),
  );
  return { response, status: response.status, body: (await response.json()) as Presented & ErrorBody };
}

async function postRaw(rawBody: string, headers: Record<string, string>, init: { token?: string } = {}) {
  const response = await POST(
    apiRequest("/api/v1/requests", { method: "POST", token: init.token ?? token, rawBody, headers }),
  );
  return { response, status: response.status, body: (await response.json()) as ErrorBody };
}

async function get(reference: string, headers: Record<string, string> = {}, init: { token?: string } = {}) {
  const response = await GET(
    apiRequest(`/api/v1/requests/${encodeURIComponent(reference)}`, { token: init.token ?? token, headers }),
    {
      params: Promise.resolve({ reference }),
    },
  );
  return { response, status: response.status, body: (await response.json()) as Presented & ErrorBody };
}

/** Asserts the status and shows the body when it differs (so a failure explains itself). */
function expectStatus(result: { status: number; body: unknown }, status: number) {
  expect({ status: result.status, body: result.body }).toMatchObject({ status });
}

const actorParts = (r: PresentedRequest) =>
  r.parts
    .filter((p) => p.handler === "health_actor")
    .sort((a, b) => a.healthActor!.name.localeCompare(b.healthActor!.name));

describe("POST /api/v1/requests: a case and its parts", () => {
  it("registers Camille's access request: the platform's month and one 8-day part per health actor she has dealt with", async () => {
    const created = await post(requestBody());
    expectStatus(created, 201);
    const r = created.body;

    expect(r.reference).toMatch(REFERENCE_PATTERN);
    expect(r.reference).toMatch(new RegExp(`^DR-${new Date().getUTCFullYear()}-[0-9A-Z]{4}-[0-9A-Z]{4}$`));
    expect(r).toMatchObject({
      status: "awaiting_identity",
      right: "access",
      channel: "post",
      receivedAt: "2026-03-31T22:30:00.000Z",
      identityStatus: "unverified",
      paused: false,
      extended: false,
      subject: { relation: "self", found: true },
    });

    // Received 31 March 22:30 UTC = 1 April 00:30 in Paris. GDPR month: 1 May 2026 is Labour Day
    // (a Friday), then a weekend -> Monday 4 May.
    const platform = r.parts.filter((p) => p.handler === "platform");
    expect(platform).toHaveLength(1);
    expect(platform[0]).toMatchObject({
      healthActor: null,
      applicable: true,
      reason: null,
      deadlineRule: "gdpr_art12",
      dueDate: "2026-05-04",
      status: "pending",
    });
    expect([...platform[0]!.activities].sort()).toEqual([...platformKeys].sort());
    expect(platform[0]!.dueDate).toBe(
      computeDeadline({ receivedAt: new Date("2026-03-31T22:30:00Z"), rule: "gdpr_art12" }).dueDate,
    );

    // Her own practitioners, not Léo's paediatrician. CSP L1111-7: 1 April + 8 days = Thursday 9 April;
    // 2 months for information over five years old: Monday 1 June; not before 48 hours.
    const actors = actorParts(r);
    expect(actors.map((p) => p.healthActor)).toEqual([
      { id: DEMO_ACTORS.dupont.id, name: DEMO_ACTORS.dupont.name },
      { id: DEMO_ACTORS.lefebvre.id, name: DEMO_ACTORS.lefebvre.name },
      { id: DEMO_ACTORS.mercier.id, name: DEMO_ACTORS.mercier.name },
    ]);
    expect(r.parts.some((p) => p.healthActor?.id === DEMO_ACTORS.rousseau.id)).toBe(false);
    for (const part of actors) {
      expect(part).toMatchObject({
        applicable: true,
        reason: null,
        deadlineRule: "csp_l1111_7",
        dueDate: "2026-04-09",
        olderInformationDueDate: "2026-06-01",
        earliestAnswerAt: "2026-04-02T22:30:00.000Z",
        status: "awaiting_forwarding",
      });
      expect([...part.activities].sort()).toEqual([...actorKeys].sort());
    }
    expect(r.parts).toHaveLength(4);

    // The case is due when its latest part is.
    expect(r.dueDate).toBe("2026-05-04");
    expect(r.dueDate).toBe([...r.parts.map((p) => p.dueDate)].sort().at(-1));

    const row = await db().rightsRequest.findUniqueOrThrow({ where: { reference: r.reference } });
    expect(row.subjectPatientId).toBe(DEMO_PATIENTS.camille.id);
    expect(row.subjectRelativeId).toBeNull();

    // GET answers the same case, with its history: one event, unverified since staff registered it.
    const read = await get(r.reference);
    expectStatus(read, 200);
    const { events, ...rest } = read.body;
    expect(rest).toEqual(r);
    expect(events).toHaveLength(1);
    expect(events![0]).toMatchObject({
      type: "submit_unverified",
      actorType: "api",
      data: { channel: "post", identityStatus: "unverified" },
    });
    expect((events![0]!.data.parts as unknown[]).length).toBe(4);
  });

  it("dates an 8-day access part that ends on 8 May (a holiday) on the next working day, with no platform part when only an actor is chosen", async () => {
    // Received 30 April 2026 in Paris: + 8 days = Friday 8 May (Victoire 1945), then the weekend -> Monday 11 May.
    const receivedAt = "2026-04-30T10:00:00+02:00";
    const created = await post(requestBody({ receivedAt, scope: { healthActorIds: [DEMO_ACTORS.rousseau.id] } }));
    expectStatus(created, 201);
    expect(created.body.parts).toHaveLength(1);
    expect(created.body.parts[0]).toMatchObject({
      handler: "health_actor",
      healthActor: { id: DEMO_ACTORS.rousseau.id, name: DEMO_ACTORS.rousseau.name },
      applicable: true,
      deadlineRule: "csp_l1111_7",
      dueDate: "2026-05-11",
      olderInformationDueDate: "2026-06-30",
    });
    expect(created.body.parts[0]!.dueDate).toBe(
      computeDeadline({ receivedAt: new Date(receivedAt), rule: "csp_l1111_7" }).dueDate,
    );
    expect(created.body.dueDate).toBe("2026-05-11");
  });

  it("keeps an erasure's platform part applicable but explains, in the caller's language, that rights requests are kept under a legal obligation", async () => {
    const created = await post(requestBody({ right: "erasure" }));
    expectStatus(created, 201);
    const platform = created.body.parts.find((p) => p.handler === "platform")!;
    expect(platform.applicable).toBe(true);
    expect(platform.reason).toEqual(expect.any(String));
    expect(platform.reason).toContain("Réclamations et demandes de droits");
    expect(platform.reason).toContain("obligation légale");
    expect(platform.deadlineRule).toBe("gdpr_art12");
    expect(platform.dueDate).toBe("2026-05-04");

    // Erasure is not access to the medical record: the actors' parts run on the GDPR month too.
    const actors = actorParts(created.body);
    expect(actors.map((p) => p.healthActor!.id)).toEqual([
      DEMO_ACTORS.dupont.id,
      DEMO_ACTORS.lefebvre.id,
      DEMO_ACTORS.mercier.id,
    ]);
    for (const part of actors)
      expect(part).toMatchObject({
        applicable: true,
        deadlineRule: "gdpr_art12",
        dueDate: "2026-05-04",
        olderInformationDueDate: null,
        earliestAnswerAt: null,
      });

    const english = await get(created.body.reference, { "accept-language": "en-GB,en;q=0.9" });
    expectStatus(english, 200);
    const reasonEn = english.body.parts.find((p) => p.handler === "platform")!.reason;
    expect(reasonEn).toContain("Complaints and data-rights requests");
    expect(reasonEn).toContain("legal obligation");

    const postedEn = await post(requestBody({ right: "erasure" }), { headers: { "accept-language": "en" } });
    expectStatus(postedEn, 201);
    expect(postedEn.body.parts.find((p) => p.handler === "platform")!.reason).toContain(
      "Complaints and data-rights requests",
    );
  });

  it("registers a request about someone the platform does not know, with the platform's part only", async () => {
    const created = await post(
      requestBody({
        subject: { firstName: "Personne", lastName: `Inconnue-${randomUUID().slice(0, 6)}`, birthDate: "1970-01-01" },
      }),
    );
    expectStatus(created, 201);
    expect(created.body.subject).toEqual({ relation: "self", found: false });
    expect(created.body.parts).toHaveLength(1);
    expect(created.body.parts[0]).toMatchObject({
      handler: "platform",
      healthActor: null,
      applicable: true,
      deadlineRule: "gdpr_art12",
      dueDate: "2026-05-04",
    });
    expect(created.body.dueDate).toBe("2026-05-04");
  });

  it("routes a scope naming only platform activities to the platform alone", async () => {
    const created = await post(requestBody({ scope: { activities: ["account_management", "direct_marketing"] } }));
    expectStatus(created, 201);
    expect(created.body.parts).toHaveLength(1);
    expect(created.body.parts[0]).toMatchObject({ handler: "platform", applicable: true, reason: null });
    expect([...created.body.parts[0]!.activities].sort()).toEqual(["account_management", "direct_marketing"]);
  });

  it("records that portability does not apply to fraud prevention (legitimate interest), with the reason", async () => {
    const created = await post(
      requestBody({
        right: "portability",
        scope: { activities: ["fraud_prevention"] },
        details: { portabilityFormat: "json" },
      }),
    );
    expectStatus(created, 201);
    expect(created.body.parts).toHaveLength(1);
    const part = created.body.parts[0]!;
    expect(part).toMatchObject({
      handler: "platform",
      activities: ["fraud_prevention"],
      applicable: false,
      deadlineRule: "gdpr_art12",
    });
    expect(part.reason).toContain("portabilité");
    expect(part.reason).toContain("Prévention et lutte contre la fraude informatique");
    expect(part.reason).toContain("intérêt légitime");
  });
});

describe("POST /api/v1/requests: every refusal has its status and a translated error body", () => {
  it("400 on malformed JSON", async () => {
    const fr = await postRaw('{"right": ', { "content-type": "application/json" });
    expectStatus(fr, 400);
    expect(fr.body).toEqual({ error: { code: "malformed", message: "JSON mal formé." } });
    const en = await postRaw('{"right": ', { "content-type": "application/json", "accept-language": "en" });
    expect(en.body).toEqual({ error: { code: "malformed", message: "Malformed JSON." } });
  });

  it("400 on an unusable Idempotency-Key header", async () => {
    const result = await post(requestBody(), { headers: { "idempotency-key": "a key with spaces" } });
    expectStatus(result, 400);
    expect(result.body.error.code).toBe("malformed");
    expect(result.body.error.message).toContain("Idempotency-Key");
  });

  it("415 on a body that is not JSON", async () => {
    const result = await postRaw("right=access", { "content-type": "text/plain" });
    expectStatus(result, 415);
    expect(result.body.error.code).toBe("unsupported_media_type");
    expect(result.body.error.message).toContain("JSON");
    const en = await postRaw("right=access", { "content-type": "text/plain", "accept-language": "en" });
    expect(en.body.error.message).toBe("The body must be JSON (Content-Type: application/json).");
  });

  it("413 on a body over 64 KB", async () => {
    const big = JSON.stringify(requestBody({ details: { message: "x".repeat(70_000) } }));
    const result = await postRaw(big, { "content-type": "application/json" });
    expectStatus(result, 413);
    expect(result.body.error).toEqual({ code: "payload_too_large", message: "Le corps dépasse 64 Ko." });
  });

  it("401 without a token, with an unknown token and with a revoked token", async () => {
    const missing = await post(requestBody(), { token: null });
    expectStatus(missing, 401);
    expect(missing.body.error.code).toBe("unauthenticated");
    expect(missing.body.error.message).toContain("Jeton d'API manquant");

    const wrong = await post(requestBody(), { token: `dsr_${randomUUID()}` });
    expectStatus(wrong, 401);
    expect(wrong.body.error.code).toBe("unauthenticated");

    const revoked = await staffToken();
    await db().apiToken.update({ where: { id: revoked.tokenId }, data: { revokedAt: new Date() } });
    const refused = await post(requestBody(), { token: revoked.token, headers: { "accept-language": "en" } });
    expectStatus(refused, 401);
    expect(refused.body.error).toEqual({
      code: "unauthenticated",
      message: "Missing, invalid or revoked API token (header Authorization: Bearer <token>).",
    });
  });

  it("403 for a token whose scopes lack requests.create, and nothing is written", async () => {
    const readOnly = await staffToken({ scopes: ["requests.read"] });
    const before = await rowCounts();
    const result = await post(requestBody(), { token: readOnly.token });
    expectStatus(result, 403);
    expect(result.body.error.code).toBe("forbidden");
    expect(result.body.error.message).toBe("Ce jeton n'a pas le droit « requests.create ».");
    expect(await rowCounts()).toEqual(before);
  });

  it("404 for a reference that does not exist", async () => {
    const fr = await get("DR-2026-0000-0000");
    expectStatus(fr, 404);
    expect(fr.body).toEqual({ error: { code: "not_found", message: "Aucune demande DR-2026-0000-0000." } });
    const en = await get("DR-2026-0000-0000", { "accept-language": "en" });
    expect(en.body).toEqual({ error: { code: "not_found", message: "No request DR-2026-0000-0000." } });
  });

  it("409 when an Idempotency-Key is reused with a different body, and the first case is untouched", async () => {
    const key = randomUUID();
    const first = await post(requestBody(), { headers: { "idempotency-key": key } });
    expectStatus(first, 201);
    const before = await rowCounts();
    const second = await post(requestBody({ right: "erasure" }), { headers: { "idempotency-key": key } });
    expectStatus(second, 409);
    expect(second.body.error).toEqual({
      code: "conflict",
      message: "Cette clé d'idempotence a déjà servi pour une autre demande.",
    });
    expect(await rowCounts()).toEqual(before);
    const row = await db().rightsRequest.findUniqueOrThrow({ where: { reference: first.body.reference } });
    expect(row.right).toBe("access");
  });

  const in24h = () => new Date(Date.now() + 24 * 3600_000).toISOString();
  const validationCases: [string, () => Json, string, string, string][] = [
    [
      "a receipt time in the future",
      () => requestBody({ receivedAt: in24h() }),
      "receivedAt",
      "Cette date ne peut pas être dans le futur.",
      "This date cannot be in the future.",
    ],
    [
      "a requester without e-mail",
      () => {
        const body = requestBody();
        delete (body.requester as Json).email;
        return body;
      },
      "requester.email",
      "Ce champ est obligatoire.",
      "This field is required.",
    ],
    [
      "an invalid e-mail",
      () => requestBody({ requester: { email: "camille.martin@" } }),
      "requester.email",
      "Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.",
      "Enter a valid e-mail address, for example name@example.com.",
    ],
    [
      "an activity that is not in the registry",
      () => requestBody({ scope: { activities: ["account_management", "horoscope"] } }),
      "scope.activities.1",
      "Ce traitement n'existe pas dans le registre.",
      "This processing does not exist in the registry.",
    ],
    [
      "a health actor id nobody has",
      () => requestBody({ scope: { healthActorIds: [DEMO_ACTORS.dupont.id, randomUUID()] } }),
      "scope.healthActorIds.1",
      "Cet acteur de santé est inconnu.",
      "This health actor is unknown.",
    ],
    [
      "a consent withdrawal naming processing that does not rest on consent",
      () => requestBody({ right: "consent_withdrawal", details: { consents: ["map_service", "fraud_prevention"] } }),
      "details.consents.1",
      "Ce traitement ne repose pas sur votre consentement.",
      "This processing does not rest on your consent.",
    ],
    [
      "an adult presented as a minor",
      () => requestBody({ subject: { relation: "minor", birthDate: "2000-01-15" } }),
      "subject.birthDate",
      "La personne doit avoir moins de 18 ans à la date de la demande.",
      "The person must be under 18 on the date of the request.",
    ],
  ];

  it.each(validationCases)("422 for %s, naming the field, in French and English", async (_name, body, path, fr, en) => {
    const payload = body();
    const before = await rowCounts();
    const french = await post(payload);
    expectStatus(french, 422);
    expect(french.body.error.code).toBe("validation");
    expect(french.body.error.message).toBe("Certains champs sont invalides.");
    expect(french.body.error.fields).toContainEqual({ path, message: fr });

    const english = await post(payload, { headers: { "accept-language": "en-US,en;q=0.8,fr;q=0.5" } });
    expectStatus(english, 422);
    expect(english.body.error.message).toBe("Some fields are invalid.");
    expect(english.body.error.fields).toContainEqual({ path, message: en });
    expect(await rowCounts()).toEqual(before);
  });

  it("422 (not 201) for a minor's request whose child is in fact an adult (Léo's birth date moved back)", async () => {
    const result = await post(
      requestBody({
        subject: {
          relation: "minor",
          firstName: DEMO_RELATIVES.leo.firstName,
          lastName: DEMO_RELATIVES.leo.lastName,
          birthDate: "1990-06-21",
        },
      }),
    );
    expectStatus(result, 422);
    expect(result.body.error.fields).toEqual([
      { path: "subject.birthDate", message: "La personne doit avoir moins de 18 ans à la date de la demande." },
    ]);
  });

  it("429 once the token's calls in the minute exceed the limit, with Retry-After, and nothing is written", async () => {
    const limited = await staffToken();
    await db().apiToken.update({
      where: { id: limited.tokenId },
      data: { rateWindowCount: API_RATE_LIMIT_PER_MINUTE, rateWindowStart: new Date() },
    });
    const before = await rowCounts();
    const result = await post(requestBody(), { token: limited.token });
    expectStatus(result, 429);
    expect(result.body.error).toEqual({
      code: "rate_limited",
      message: "Trop d'appels pour ce jeton : réessayez dans une minute.",
    });
    const retryAfter = Number(result.response.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await rowCounts()).toEqual(before);
  });
});

describe("POST /api/v1/requests: hostile but well-formed input is refused, never a 500", () => {
  // Each of these is valid JSON a client can send. PostgreSQL refuses NUL characters and lone
  // surrogates in text/jsonb, dates before year 1, and the holiday calendar refuses years before
  // 1583: the API must answer 422 naming the field, not "Erreur interne".
  // Valid JSON that PostgreSQL or the calendar cannot take is refused field by field, never a 500.
  const hostile: [string, () => Json, string][] = [
    [
      "a NUL character in the requester's name",
      () => requestBody({ requester: { firstName: "Cam\u0000ille" } }),
      "requester.firstName",
    ],
    ["a NUL character in the message", () => requestBody({ details: { message: "Bonjour\u0000" } }), "details.message"],
    [
      "a lone UTF-16 surrogate in the message",
      () => requestBody({ details: { message: "Bonjour \ud800" } }),
      "details.message",
    ],
    ["a birth date in year 0000", () => requestBody({ subject: { birthDate: "0000-01-01" } }), "subject.birthDate"],
    ["a receipt time in year 1500", () => requestBody({ receivedAt: "1500-01-01T10:00:00Z" }), "receivedAt"],
  ];

  it.each(hostile)("%s", async (_name, body, path) => {
    const before = await rowCounts();
    const result = await post(body());
    expect(result.status).toBeLessThan(500);
    expectStatus(result, 422);
    expect(result.body.error.fields?.map((f) => f.path)).toContain(path);
    expect(await rowCounts()).toEqual(before);
  });

  it("answers 422 for JSON that is not an object", async () => {
    for (const body of [null, [], "access", 42]) {
      const result = await post(body);
      expectStatus(result, 422);
      expect(result.body.error.code).toBe("validation");
    }
  });
});

describe("POST /api/v1/requests: no half-written case, one case per submission", () => {
  it("writes nothing when routing fails on an unknown health actor", async () => {
    const before = await rowCounts();
    const result = await post(requestBody({ scope: { healthActorIds: [randomUUID()] } }));
    expectStatus(result, 422);
    expect(await rowCounts()).toEqual(before);
  });

  it("answers a repeated submission with the same case (same key, same body)", async () => {
    const key = randomUUID();
    const body = requestBody();
    const first = await post(body, { headers: { "idempotency-key": key } });
    const again = await post(body, { headers: { "idempotency-key": key } });
    expectStatus(first, 201);
    expectStatus(again, 201);
    expect(again.body.reference).toBe(first.body.reference);
    expect(again.response.headers.get("idempotent-replayed")).toBe("true");
    expect(first.response.headers.get("idempotent-replayed")).toBeNull();
    const email = (body.requester as Json).email as string;
    expect(await db().rightsRequest.count({ where: { requesterEmail: email } })).toBe(1);
    // One acknowledgement, not two.
    expect(await db().outboxEmail.count({ where: { to: email } })).toBe(1);
  });

  it("creates one case for five concurrent submissions with the same key", async () => {
    const key = randomUUID();
    const body = requestBody();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => post(body, { headers: { "idempotency-key": key } })),
    );
    for (const result of results) expectStatus(result, 201);
    const references = new Set(results.map((r) => r.body.reference));
    expect(references.size).toBe(1);
    const email = (body.requester as Json).email as string;
    expect(await db().rightsRequest.count({ where: { requesterEmail: email } })).toBe(1);
    expect(await db().outboxEmail.count({ where: { to: email } })).toBe(1);
  });

  it("never lets one staff member's Idempotency-Key reach another's case", async () => {
    const other = await staffToken();
    const key = randomUUID();
    const mine = await post(requestBody(), { headers: { "idempotency-key": key } });
    const theirs = await post(requestBody({ right: "erasure", requester: { email: uniqueEmail() } }), {
      token: other.token,
      headers: { "idempotency-key": key },
    });
    expectStatus(mine, 201);
    expectStatus(theirs, 201);
    expect(theirs.body.reference).not.toBe(mine.body.reference);
    expect(theirs.body.right).toBe("erasure");
  });
});
