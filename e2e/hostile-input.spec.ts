import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { join, relative, sep } from "node:path";
import { type APIRequestContext, type APIResponse, expect, request as requests, test } from "@playwright/test";
import { forwardReadyParts } from "@/lib/actors/forward-parts";
import { createActorKey } from "@/lib/actors/api-keys";
import { createApiToken } from "@/lib/auth/api-token";
import { totpAt } from "@/lib/auth/totp";
import { createDb } from "@/lib/db";
import { parisDay } from "@/lib/deadlines";
import { fieldMessage } from "@/lib/i18n/errors";
import { upsertStaff } from "@/lib/staff/create-staff";
import { checkPassword, checkSecondFactor } from "@/lib/staff/sign-in";
import { MAX_UPLOAD_BYTES } from "@/lib/storage";
import { DEMO_ACTORS, DEMO_PATIENTS } from "@/prisma/seed/demo";
import { signedInClient, uniqueEmail } from "./support";

/**
 * Hostile input against the production build: every route and page found in app/ (a new one is
 * covered without being listed here), every server action of the build's manifest. Whatever is
 * sent, no 5xx: a 4xx in the JSON error shape naming the field, and nothing written.
 */

const BASE = process.env.E2E_BASE_URL ?? "http://127.0.0.1:3000";
const db = createDb(process.env.DATABASE_URL!, 2);
const camille = DEMO_PATIENTS.camille;
const mercier = DEMO_ACTORS.mercier;

/** Ids and references with bytes no route should take for one (each as it is written in a URL). */
const HOSTILE_IDS = ["%00", "%ED%A0%80", "%C0%AE%C0%AE%2F", "%FF%FE", "-".repeat(36), "DR-2026-0000-000%00"];
/** Characters the shared text type refuses in any free text. */
const HOSTILE_TEXT: [string, string][] = [
  ["NUL", "Bonjour\u0000"],
  ["a lone surrogate", "Bonjour \ud800"],
  ["a C0 control", "Bon\u0007jour"],
  ["a C1 control", "Bon\u0085jour"],
];
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
/** Properties of every object, sent where a name is looked up. */
const OBJECT_PROPERTIES = ["constructor", "__proto__", "toString", "valueOf", "hasOwnProperty"];

// ---------------------------------------------------------------------------------------------
// The routes and pages of the app, from its folder.
// ---------------------------------------------------------------------------------------------

interface AppEntry {
  kind: "route" | "page";
  /** The URL pattern, e.g. /[locale]/dpo/demandes/[reference] (route groups removed). */
  pattern: string;
  /** Its dynamic segments, e.g. ["locale", "reference"]. */
  params: string[];
}

function appEntries(dir = "app"): AppEntry[] {
  const found: AppEntry[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...appEntries(path));
    else if (entry.name === "route.ts" || entry.name === "page.tsx") {
      const segments = relative("app", dir)
        .split(sep)
        .filter((s) => s && !/^\(.*\)$/.test(s));
      found.push({
        kind: entry.name === "route.ts" ? "route" : "page",
        pattern: `/${segments.join("/")}`,
        params: segments.filter((s) => s.startsWith("[")).map((s) => s.replace(/^\[(\.\.\.)?|\]$/g, "")),
      });
    }
  }
  return found;
}

const ROUTES = appEntries().filter((e) => e.kind === "route");
const PAGES = appEntries().filter((e) => e.kind === "page");
/** Segments that name one record: the ones a hostile id goes into. */
const ID_PARAMS = new Set(["reference", "id", "partId", "exportId"]);

// ---------------------------------------------------------------------------------------------
// Who calls: each part of the app with its own credentials.
// ---------------------------------------------------------------------------------------------

interface Callers {
  anonymous: APIRequestContext;
  staff: APIRequestContext;
  member: APIRequestContext;
  patient: APIRequestContext;
  apiToken: string;
  actorKey: string;
}

let callers: Callers;
/** Camille's case, registered through the API, with a part forwarded to Dr Mercier. */
let reference = "";
let partId = "";

/** The client and headers for a path: the staff API token, the actor key, or the session of the area. */
function callerFor(path: string): { client: APIRequestContext; headers: Record<string, string> } {
  if (path.startsWith("/api/v1/actor"))
    return { client: callers.anonymous, headers: { authorization: `Bearer ${callers.actorKey}` } };
  if (path.startsWith("/api/v1/") || path.startsWith("/api/bench"))
    return { client: callers.anonymous, headers: { authorization: `Bearer ${callers.apiToken}` } };
  if (/^\/(fr|en)\/dpo|^\/api\/staff/.test(path)) return { client: callers.staff, headers: {} };
  if (/^\/(fr|en)\/pro|^\/api\/pro/.test(path)) return { client: callers.member, headers: {} };
  if (/^\/(fr|en)\/(mes-demandes|demande)|^\/api\/portal/.test(path)) return { client: callers.patient, headers: {} };
  return { client: callers.anonymous, headers: {} };
}

/** A valid value of each dynamic segment (an existing case, a well-formed id nobody holds). */
function validParam(name: string): string {
  switch (name) {
    case "locale":
      return "fr";
    case "reference":
      return reference;
    case "partId":
      return partId;
    case "path":
      return "nothing-here";
    case "nextauth":
      return "providers";
    default:
      return randomUUID();
  }
}

function urlOf(entry: AppEntry, value: (param: string) => string = validParam): string {
  return entry.pattern.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, name: string) => value(name));
}

async function call(
  method: string,
  path: string,
  options: { data?: unknown; headers?: Record<string, string>; client?: APIRequestContext } = {},
) {
  const caller = callerFor(path);
  return (options.client ?? caller.client).fetch(path, {
    method,
    headers: { ...caller.headers, ...options.headers },
    data: options.data,
    maxRedirects: 0,
  });
}

interface RefusalBody {
  code: string;
  message: string;
  fields?: { path: string; message: string }[];
}

/**
 * A JSON error: the API's shape `{ error: { code, message, fields? } }`, or for the site's upload
 * routes the server actions' `{ ok: false, code, message, fields }`; a message, the fields if named.
 */
async function errorOf(response: APIResponse): Promise<RefusalBody> {
  expect(response.headers()["content-type"], response.url()).toMatch(/^application\/json/);
  const body = (await response.json()) as { error: RefusalBody } | ({ ok: false } & RefusalBody);
  const error = "error" in body ? body.error : body;
  expect(typeof error.code).toBe("string");
  expect(error.message.length).toBeGreaterThan(0);
  return error;
}

async function expectRefused(response: APIResponse, status: number, field?: string) {
  const what = `${response.url()} answered ${response.status()}`;
  expect(response.status(), what).toBeLessThan(500);
  expect(response.status(), what).toBe(status);
  const error = await errorOf(response);
  if (field)
    expect(
      error.fields?.map((f) => f.path),
      what,
    ).toContain(field);
  return error;
}

/** What a refused write must leave as it was: the case, its parts and events, and the counts of what a filing writes. */
async function snapshot() {
  const request = await db.rightsRequest.findUniqueOrThrow({
    where: { reference },
    include: { parts: { orderBy: { id: "asc" } }, events: { orderBy: { id: "asc" }, select: { id: true } } },
  });
  const [requests, outbox, parts] = await Promise.all([
    db.rightsRequest.count(),
    db.outboxEmail.count({ where: { requestId: request.id } }),
    db.requestPart.count(),
  ]);
  return { request, requests, outbox, parts };
}

// ---------------------------------------------------------------------------------------------
// Set-up: real credentials of each kind, and a case to aim at.
// ---------------------------------------------------------------------------------------------

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const email = uniqueEmail("admin-hostile");
  const password = "mot de passe de l'administrateur";
  const staff = await upsertStaff(
    db,
    { email, name: "Adèle Admin", role: "dpo_admin", password },
    process.env.AUTH_SECRET!,
  );
  const { token: apiToken } = await createApiToken(db, staff.id, "essais hostiles");
  const staffId = await checkPassword(db, email, password, "127.0.0.1");
  const session = await checkSecondFactor(
    db,
    staffId,
    totpAt(staff.totpSecret, new Date()),
    "127.0.0.1",
    process.env.AUTH_SECRET!,
  );
  const host = new URL(BASE).hostname;
  const staffClient = await requests.newContext({
    baseURL: BASE,
    storageState: {
      cookies: [
        {
          name: "dsr_staff",
          value: session,
          domain: host,
          path: "/",
          expires: -1,
          httpOnly: true,
          secure: false,
          sameSite: "Strict",
        },
      ],
      origins: [],
    },
  });

  const memberEmail = uniqueEmail("dr-mercier");
  const admin = await db.actorMember.create({
    data: { healthActorId: mercier.id, email: memberEmail, name: "Dr Paul Mercier", role: "admin" },
  });
  const { key: actorKey } = await createActorKey(
    db,
    [{ memberId: admin.id, healthActorId: mercier.id, actorName: mercier.name, role: "admin" }],
    mercier.id,
    "logiciel du cabinet",
  );

  callers = {
    anonymous: await requests.newContext({ baseURL: BASE }),
    staff: staffClient,
    member: await signedInClient(BASE, memberEmail),
    patient: await signedInClient(BASE, camille.email),
    apiToken,
    actorKey,
  };

  // Camille's access request, by post four days ago, about Dr Mercier's agenda; identity accepted, part forwarded.
  const filed = await call("POST", "/api/v1/requests", {
    data: {
      right: "access",
      channel: "post",
      receivedAt: new Date(Date.now() - 4 * 86_400_000).toISOString(),
      requester: { firstName: camille.firstName, lastName: camille.lastName, email: camille.email },
      subject: {
        relation: "self",
        firstName: camille.firstName,
        lastName: camille.lastName,
        birthDate: camille.birthDate,
      },
      scope: { healthActorIds: [mercier.id] },
      details: {},
    },
  });
  expect(filed.status()).toBe(201);
  reference = ((await filed.json()) as { reference: string }).reference;
  const status = (await db.rightsRequest.findUniqueOrThrow({ where: { reference } })).status;
  if (status === "awaiting_identity") {
    expect(
      (
        await call("POST", `/api/v1/requests/${reference}/actions`, {
          data: { action: "decide_identity", decision: "accepted" },
        })
      ).status(),
    ).toBe(200);
  }
  // Forwarded by this call or by the running worker, whichever locks the case first (SKIP LOCKED).
  const part = () => db.requestPart.findFirstOrThrow({ where: { request: { reference }, healthActorId: mercier.id } });
  await expect
    .poll(
      async () => {
        await forwardReadyParts(db);
        return (await part()).forwardedAt;
      },
      { timeout: 15_000 },
    )
    .not.toBeNull();
  partId = (await part()).id;
});

test.afterAll(async () => {
  for (const client of [callers?.anonymous, callers?.staff, callers?.member, callers?.patient]) await client?.dispose();
  await db.$disconnect();
});

// ---------------------------------------------------------------------------------------------
// Methods, ids, references and cursors in every route and page.
// ---------------------------------------------------------------------------------------------

test("every route answers a method it does not serve with 405, an Allow header and the JSON error shape", async () => {
  expect(ROUTES.length).toBeGreaterThan(20);
  for (const route of ROUTES) {
    const path = urlOf(route);
    const options = await call("OPTIONS", path);
    expect(options.status(), path).toBe(204);
    const allow = options.headers().allow ?? "";
    const served = allow.split(", ");
    expect(served, path).toContain("OPTIONS");
    for (const method of METHODS.filter((m) => !served.includes(m))) {
      const response = await call(method, path);
      const error = await expectRefused(response, 405);
      expect(error.code).toBe("method_not_allowed");
      expect(response.headers().allow, `${method} ${path}`).toBe(allow);
    }
  }
});

test("a hostile id or reference in any route is a 404 in the JSON error shape, in any page the not-found page", async () => {
  const withIds = [...ROUTES, ...PAGES].filter((e) => e.params.some((p) => ID_PARAMS.has(p)));
  expect(withIds.length).toBeGreaterThanOrEqual(14);
  for (const entry of withIds) {
    for (const param of entry.params.filter((p) => ID_PARAMS.has(p))) {
      for (const hostile of HOSTILE_IDS) {
        const path = urlOf(entry, (name) => (name === param ? hostile : validParam(name)));
        const methods =
          entry.kind === "page"
            ? ["GET"]
            : ((await call("OPTIONS", path)).headers().allow ?? "")
                .split(", ")
                .filter((m) => (METHODS as readonly string[]).includes(m));
        for (const method of methods) {
          const response = await call(method, path);
          if (entry.kind === "page") {
            expect(response.status(), `${path} answered ${response.status()}`).toBe(404);
            expect(await response.text()).toContain("Page introuvable");
          } else {
            expect((await expectRefused(response, 404)).code).toBe("not_found");
          }
        }
      }
    }
  }
});

test("a hostile pagination cursor is a 400 naming the parameter; the pages that take one show their first page", async () => {
  for (const hostile of [...HOSTILE_IDS, `2026-01-01_${"-".repeat(36)}`, "0000-00-00_x"]) {
    await expectRefused(await call("GET", `/api/v1/actor/parts?cursor=${hostile}`), 400, "cursor");
    await expectRefused(await call("GET", `/api/v1/marketing/audience?channel=email&after=${hostile}`), 400, "after");
    for (const page of [
      `/fr/dpo?cursor=${hostile}`,
      `/fr/pro?apres=${hostile}`,
      `/fr/dpo?q=${hostile}`,
      `/fr/dpo?healthActor=${hostile}`,
      `/fr/pro?ref=${hostile}`,
    ]) {
      const response = await call("GET", page);
      expect(response.status(), page).toBe(200);
    }
  }
});

// ---------------------------------------------------------------------------------------------
// Free text, action names, dates: refused field by field, nothing written.
// ---------------------------------------------------------------------------------------------

/** A request body with one field set (a dotted path into the API's shape). */
function requestWith(path: string, value: unknown): Record<string, unknown> {
  const body: Record<string, unknown> = {
    right: "objection",
    channel: "email",
    receivedAt: new Date(Date.now() - 86_400_000).toISOString(),
    requester: { firstName: "Rémi", lastName: "Laurent", email: uniqueEmail("remi") },
    subject: { relation: "self", firstName: "Rémi", lastName: "Laurent", birthDate: "1990-02-03" },
    scope: {},
    details: {
      message: "Je m'oppose.",
      rectifications: [{ field: "adresse", current: "1 rue A", corrected: "2 rue B" }],
      designatedPerson: { firstName: "Lise", lastName: "Laurent", email: "lise@exemple.fr" },
    },
  };
  const keys = path.split(".");
  let at = body as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) at = at[key] as Record<string, unknown>;
  at[keys.at(-1)!] = value;
  return body;
}

const REQUEST_TEXT_FIELDS: [string, "line" | "text"][] = [
  ["requester.firstName", "line"],
  ["requester.lastName", "line"],
  ["subject.firstName", "line"],
  ["subject.lastName", "line"],
  ["details.message", "text"],
  ["details.objectionGrounds", "text"],
  ["details.directives", "text"],
  ["details.rectifications.0.field", "line"],
  ["details.rectifications.0.current", "text"],
  ["details.rectifications.0.corrected", "text"],
  ["details.designatedPerson.firstName", "line"],
];

test("POST /api/v1/requests refuses NUL, lone surrogates and control characters in every free text, and line breaks in names, writing nothing", async () => {
  const before = await snapshot();
  for (const [field, kind] of REQUEST_TEXT_FIELDS) {
    const values = [
      ...HOSTILE_TEXT,
      ...(kind === "line" ? [["a line break", "Rémi\nLaurent"] as [string, string]] : []),
    ];
    for (const [what, value] of values) {
      const error = await expectRefused(
        await call("POST", "/api/v1/requests", { data: requestWith(field, value) }),
        422,
        field,
      );
      const message = error.fields!.find((f) => f.path === field)!.message;
      expect(message, `${field}: ${what}`).toBe(
        fieldMessage(what === "a line break" ? "line_break" : "characters", "fr"),
      );
    }
  }
  const after = await snapshot();
  expect(after.requests).toBe(before.requests);
  expect(after.parts).toBe(before.parts);
});

test("impossible dates are refused field by field: year 0000, the far future, a register export at the ends of the calendar", async () => {
  const before = await snapshot();
  for (const [field, value] of [
    ["receivedAt", "0000-01-01T00:00:00Z"],
    ["receivedAt", "2099-06-01T10:00:00+02:00"],
    ["receivedAt", "9999-12-31T23:59:59Z"],
    ["subject.birthDate", "0000-01-01"],
    ["subject.birthDate", "9999-12-31"],
    ["subject.birthDate", "1850-01-01"],
  ] as const) {
    await expectRefused(await call("POST", "/api/v1/requests", { data: requestWith(field, value) }), 422, field);
  }
  expect((await snapshot()).requests).toBe(before.requests);
  for (const [from, to, field] of [
    ["0001-01-01", "2026-01-31", "from"],
    ["2026-01-01", "9999-12-31", "to"],
    ["0000-01-01", "10000-01-01", "from"],
    ["2026-02-01", "2026-01-01", "to"],
  ] as const) {
    await expectRefused(await call("GET", `/fr/dpo/registre-export?from=${from}&to=${to}`), 422, field);
  }
});

test("case actions: an anonymous call is a 401 before its body is read, a name every object has is no action, hostile text is refused and the case stays as it was", async () => {
  const path = `/api/v1/requests/${reference}/actions`;
  for (const [headers, data] of [
    [{}, undefined],
    [{ "content-type": "text/plain" }, "hello"],
    [{ "content-type": "application/json" }, "{not json"],
  ] as [Record<string, string>, string | undefined][]) {
    const response = await callers.anonymous.post(path, { headers, data });
    expect((await expectRefused(response, 401)).code).toBe("unauthenticated");
  }
  // Large bodies, declared and chunked, each on a connection of its own that reads the early answer.
  for (const declared of [true, false]) {
    const large = await sendLarge(path, { "content-type": "application/json" }, 2 * 1024 * 1024, declared);
    expect(large.status, declared ? "declared" : "chunked").toBe(401);
    expect(JSON.parse(large.body).error.code).toBe("unauthenticated");
  }

  const before = await snapshot();
  for (const name of OBJECT_PROPERTIES) {
    const error = await expectRefused(await call("POST", path, { data: { action: name, text: "x" } }), 422, "action");
    expect(error.fields).toEqual([{ path: "action", message: fieldMessage("choice", "fr") }]);
  }
  await expectRefused(
    await call("POST", path, { data: JSON.parse('{"__proto__": {"action": "note"}, "text": "x"}') }),
    422,
    "action",
  );
  for (const [what, value] of HOSTILE_TEXT) {
    for (const [body, field] of [
      [{ action: "note", text: value }, "text"],
      [{ action: "decide_identity", decision: "rejected", reason: value }, "reason"],
      [{ action: "request_information", message: value }, "message"],
      [{ action: "extend", reason: value }, "reason"],
      [{ action: "set_legal_hold", reason: value }, "reason"],
      [{ action: "announce_lift", reason: value }, "reason"],
      [{ action: "balance_objection", decision: "objection_upheld", reasons: value }, "reasons"],
      [{ action: "answer_part", partId, outcome: "granted", message: value }, "message"],
      [{ action: "rectify", changes: [{ field: "lastName", value }] }, "changes.0.value"],
    ] as [Record<string, unknown>, string][]) {
      const error = await expectRefused(await call("POST", path, { data: body }), 422, field);
      expect(error.fields!.find((f) => f.path === field)!.message, `${body.action} ${what}`).toBe(
        fieldMessage("characters", "fr"),
      );
    }
  }
  await expectRefused(
    await call("POST", path, { data: { action: "assign", agentId: "-".repeat(36) } }),
    422,
    "agentId",
  );
  await expectRefused(
    await call("POST", path, {
      data: { action: "answer_part", partId: "-".repeat(36), outcome: "granted", message: "Voici." },
    }),
    422,
    "partId",
  );
  expect(await snapshot()).toEqual(before);
});

test("an answer to a request for information dated in the future or before the question is refused: the due date does not move", async () => {
  const path = `/api/v1/requests/${reference}/actions`;
  const asked = await call("POST", path, {
    data: { action: "request_information", message: "Pour quelle période souhaitez-vous vos rendez-vous ?" },
  });
  expect(asked.status()).toBe(200);
  const before = await snapshot();
  const pausedSince = before.request.pausedSince!;
  for (const [receivedAt, key] of [
    ["2099-01-01T09:00:00+01:00", "future"],
    [new Date(Date.now() + 2 * 86_400_000).toISOString(), "future"],
    [new Date(pausedSince.getTime() - 3_600_000).toISOString(), "before_question"],
    ["0000-01-01T00:00:00Z", "date_range"],
  ] as const) {
    const error = await expectRefused(
      await call("POST", path, { data: { action: "information_received", receivedAt } }),
      422,
      "receivedAt",
    );
    expect(error.fields![0]!.message).toBe(fieldMessage(key, "fr"));
  }
  const after = await snapshot();
  expect(after).toEqual(before);
  expect(after.request.dueDate).toEqual(before.request.dueDate);
  expect(after.request.parts.map((p) => p.dueDate)).toEqual(before.request.parts.map((p) => p.dueDate));
  expect((await call("POST", path, { data: { action: "information_received" } })).status()).toBe(200);
});

test("a health actor's actions: hostile text, an answer sent before the request was received, a key checked before the body", async () => {
  const path = `/api/v1/actor/parts/${partId}/actions`;
  expect((await expectRefused(await callers.anonymous.post(path, { data: "{broken" }), 401)).code).toBe(
    "unauthenticated",
  );
  const before = await snapshot();
  for (const [, value] of HOSTILE_TEXT) {
    await expectRefused(await call("POST", path, { data: { action: "decline", reason: value } }), 422, "reason");
    await expectRefused(
      await call("POST", path, {
        data: { action: "answer", mode: "other", sentOn: parisDay(new Date()), channel: value },
      }),
      422,
      "channel",
    );
    await expectRefused(
      await call("POST", path, {
        data: { action: "instruct", instruction: { kind: "rectify_identity", lastName: value } },
      }),
      422,
      "instruction.lastName",
    );
  }
  await expectRefused(
    await call("POST", path, { data: { action: "answer", mode: "other", sentOn: "2001-01-01", channel: "courrier" } }),
    422,
    "sentOn",
  );
  await expectRefused(
    await call("POST", path, { data: { action: "answer", mode: "other", sentOn: "2099-01-01", channel: "courrier" } }),
    422,
    "sentOn",
  );
  await expectRefused(
    await call("POST", path, { data: { action: "answer", mode: "other", sentOn: "0000-01-01", channel: "courrier" } }),
    422,
    "sentOn",
  );
  for (const name of OBJECT_PROPERTIES)
    await expectRefused(await call("POST", path, { data: { action: name } }), 422, "action");
  // The inbox's form, the same rule: the day it was sent is not before the day the request was received.
  const fromInbox = await callers.member.post(`/api/pro/parts/${partId}/answer?locale=fr`, {
    multipart: { mode: "other", sentOn: "2001-01-01", channel: "courrier" },
  });
  const error = await expectRefused(fromInbox, 422, "sentOn");
  expect(error.fields).toEqual([{ path: "sentOn", message: fieldMessage("before_receipt", "fr") }]);
  expect(await snapshot()).toEqual(before);
});

// ---------------------------------------------------------------------------------------------
// Bodies over the cap, sent chunked: cut at the cap with a 413, never read whole.
// ---------------------------------------------------------------------------------------------

/**
 * Posts `total` bytes (a multiple of 64 KB) with no Content-Length (chunked), or with it
 * (`declared`), stopping as soon as the server answers: the answer is read even when the server
 * closes the connection under the rest.
 */
function sendLarge(
  path: string,
  headers: Record<string, string>,
  total: number,
  declared = false,
): Promise<{ status: number; body: string; sent: number }> {
  return new Promise((resolve, reject) => {
    const framing = declared ? { "content-length": String(total) } : { "transfer-encoding": "chunked" };
    // A connection of its own: one kept alive from an earlier call may be closed by the server just
    // as this one starts.
    const outgoing = httpRequest(new URL(path, BASE), {
      method: "POST",
      headers: { ...headers, ...framing },
      agent: false,
    });
    const chunk = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    let answered = false;
    outgoing.on("response", (response) => {
      answered = true;
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (part: string) => (body += part));
      response.on("end", () => {
        outgoing.destroy();
        resolve({ status: response.statusCode ?? 0, body, sent });
      });
    });
    // Once answered, the server may close the connection under the rest of the upload.
    outgoing.on("error", (error) => (answered ? undefined : reject(error)));
    // One chunk per turn of the event loop: an answer that arrives meanwhile is read, and the upload
    // stops, before the server closes the connection under it.
    const pump = () => {
      if (answered) return;
      if (sent >= total) return void outgoing.end();
      sent += chunk.length;
      if (outgoing.write(chunk)) setImmediate(pump);
      else outgoing.once("drain", pump);
    };
    pump();
  });
}

async function cookieOf(client: APIRequestContext): Promise<string> {
  return (await client.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

test("uploads over the cap sent chunked are cut at the cap with a 413, before the whole body is read, and write nothing", async () => {
  test.setTimeout(120_000);
  const beyond = 24 * 1024 * 1024;
  const multipart = { "content-type": "multipart/form-data; boundary=----hostile" };
  const uploads: [string, number, string][] = [
    ["/api/portal/requests?locale=fr", 3 * MAX_UPLOAD_BYTES + 256 * 1024, await cookieOf(callers.patient)],
    [
      `/api/portal/requests/${reference}/proofs?locale=fr`,
      3 * MAX_UPLOAD_BYTES + 64 * 1024,
      await cookieOf(callers.patient),
    ],
    [`/api/pro/parts/${partId}/answer?locale=fr`, MAX_UPLOAD_BYTES + 64 * 1024, await cookieOf(callers.member)],
  ];
  const before = await snapshot();
  for (const [path, cap, cookie] of uploads) {
    const result = await sendLarge(path, { ...multipart, cookie }, cap + beyond);
    expect(result.status, path).toBe(413);
    expect(JSON.parse(result.body)).toMatchObject({ ok: false, code: "payload_too_large" });
    expect(result.sent, `${path}: the server waited for the whole body`).toBeLessThan(cap + beyond);
  }
  const json = await sendLarge(
    "/api/v1/requests",
    { "content-type": "application/json", authorization: `Bearer ${callers.apiToken}` },
    4 * 1024 * 1024,
  );
  expect(json.status).toBe(413);
  expect(JSON.parse(json.body).error.code).toBe("payload_too_large");
  expect(await snapshot()).toEqual(before);
});

test("a client still sending when it is answered early reads its answer: 30 uploads over the cap in a row, each a 413", async () => {
  // The server ends the stream after the answer and closes once the client has read it, instead of
  // resetting a connection that still has data coming in (lib/http/incoming-requests.ts).
  const statuses: number[] = [];
  for (let i = 0; i < 30; i++) {
    const result = await sendLarge(
      "/api/v1/requests",
      { "content-type": "application/json", authorization: `Bearer ${callers.apiToken}` },
      8 * 1024 * 1024,
    );
    statuses.push(result.status);
  }
  expect(statuses).toEqual(Array(30).fill(413));
});

// ---------------------------------------------------------------------------------------------
// Server actions: every one of the build, called with what a page never sends.
// ---------------------------------------------------------------------------------------------

interface ServerAction {
  id: string;
  name: string;
  /** A page that serves it. */
  path: string;
}

function serverActions(): ServerAction[] {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; exportedName: string }>;
  };
  return Object.entries(manifest.node).map(([id, action]) => {
    const worker = Object.keys(action.workers)[0]!;
    const segments = worker
      .replace(/^app\//, "")
      .replace(/\/page$/, "")
      .split("/")
      .filter((s) => !/^\(.*\)$/.test(s));
    return {
      id,
      name: action.exportedName,
      path: urlOf({ kind: "page", pattern: `/${segments.join("/")}`, params: [] }),
    };
  });
}

/** Calls a server action as React does (its arguments as JSON text); the result, decoded from the RSC answer. */
async function callAction(action: ServerAction, args: unknown[] | string, headers: Record<string, string> = {}) {
  const response = await call("POST", action.path, {
    headers: {
      "next-action": action.id,
      "content-type": "text/plain;charset=UTF-8",
      accept: "text/x-component",
      ...headers,
    },
    data: typeof args === "string" ? args : JSON.stringify(args),
  });
  const line = (await response.text()).split("\n").find((l) => l.startsWith("1:"));
  return { status: response.status(), result: line ? (JSON.parse(line.slice(2)) as unknown) : undefined };
}

test("every server action, called with arguments no page sends, answers without a 5xx or an internal error, and writes nothing", async () => {
  test.setTimeout(180_000);
  const actions = serverActions();
  expect(actions.length).toBeGreaterThanOrEqual(20);
  const argumentSets: unknown[][] = [
    [],
    [{}],
    ["fr", null, null, null, null],
    ["fr", { "\u0000": "\ud800" }, ["constructor"], 42, "x"],
    ["fr", reference, "constructor", null, { not: "a form" }],
    ["fr", reference, "__proto__", null, "pas un formulaire"],
    [{ toString: "x" }, [reference], { action: "note" }, true, []],
  ];
  const before = await snapshot();
  for (const action of actions) {
    for (const args of argumentSets) {
      const { status, result } = await callAction(action, args);
      const what = `${action.name}(${JSON.stringify(args)}) on ${action.path}`;
      expect(status, what).toBeLessThan(500);
      expect((result as { code?: string } | undefined)?.code, what).not.toBe("internal");
    }
  }
  expect(await snapshot()).toEqual(before);
});

test("server actions check the lists and strings they are given", async () => {
  const actions = serverActions();
  const preview = actions.find((a) => a.name === "previewAction")!;
  const search = actions.find((a) => a.name === "searchHealthActorsAction")!;
  const payload = JSON.parse(JSON.stringify(requestWith("right", "access")));
  for (const proofKinds of [null, "identity_document", { 0: "identity_document" }, ["constructor"], 7]) {
    const { status, result } = await callAction(preview, ["fr", payload, proofKinds], {
      cookie: await cookieOf(callers.patient),
    });
    expect(status).toBe(200);
    expect(result).toMatchObject({ ok: false, code: "validation", fields: [{ path: "proofKinds" }] });
  }
  expect((await callAction(search, ["Mercier"])).result).toEqual([expect.objectContaining({ id: mercier.id })]);
  for (const query of [{ q: "Mercier" }, ["Mercier"], null, "Merc\u0000ier", 42]) {
    const { status, result } = await callAction(search, [query]);
    expect(status).toBe(200);
    expect(result).toEqual([]);
  }
});

test("a server action's arguments over 1 MB are a 413 in the JSON error shape, declared or sent chunked", async () => {
  const search = serverActions().find((a) => a.name === "searchHealthActorsAction")!;
  const headers = { "next-action": search.id, "content-type": "text/plain;charset=UTF-8" };
  for (const declared of [true, false]) {
    const answer = await sendLarge(search.path, headers, 3 * 1024 * 1024, declared);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error.code).toBe("payload_too_large");
  }
});

// ---------------------------------------------------------------------------------------------
// The client address of rate limits.
// ---------------------------------------------------------------------------------------------

test("without TRUST_PROXY, a sign-in link is counted against the socket's address, not a claimed X-Forwarded-For", async () => {
  const claimed = `203.0.113.${Math.floor(Math.random() * 200) + 20}`;
  const client = await requests.newContext({ baseURL: BASE });
  const { csrfToken } = (await (await client.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const since = new Date(Date.now() - 1000);
  const response = await client.post("/api/auth/signin/email", {
    headers: { "x-forwarded-for": claimed },
    form: { email: uniqueEmail("xff"), csrfToken, callbackUrl: `${BASE}/fr`, json: "true" },
  });
  expect(response.status()).toBe(200);
  await client.dispose();
  expect(await db.rateLimitHit.count({ where: { bucket: `magic-link:ip:${claimed}` } })).toBe(0);
  const counted = await db.rateLimitHit.findMany({
    where: { bucket: { startsWith: "magic-link:ip:" }, createdAt: { gte: since } },
    select: { bucket: true },
  });
  expect(counted.map((h) => h.bucket)).toContain("magic-link:ip:127.0.0.1");
});
