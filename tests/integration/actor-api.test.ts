import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as act } from "@/app/api/v1/actor/parts/[id]/actions/route";
import { GET as packageOf } from "@/app/api/v1/actor/parts/[id]/package/route";
import { GET as readPart } from "@/app/api/v1/actor/parts/[id]/route";
import { GET as listParts } from "@/app/api/v1/actor/parts/route";
import { GET as webhookLogOf } from "@/app/api/v1/actor/webhook/route";
import { createActorKey, revokeActorKey } from "@/lib/actors/api-keys";
import { forwardReadyParts } from "@/lib/actors/forward-parts";
import { membershipsOf } from "@/lib/actors/inbox";
import { deliverWebhook, enqueueWebhookDeliveries, setWebhook, verifyWebhookSignature } from "@/lib/actors/webhooks";
import { hashToken } from "@/lib/auth/api-token";
import { db } from "@/lib/db";
import type { AppError } from "@/lib/errors/app-error";
import { getStorage } from "@/lib/storage";
import { fileSelfCase } from "@/prisma/seed/cases";
import { DEMO_ACTORS } from "@/prisma/seed/demo";
import { apiRequest, demoData, minimalPdf } from "./support";

const dupont = DEMO_ACTORS.dupont.id;
const lefebvre = DEMO_ACTORS.lefebvre.id;
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e as AppError,
  );
const params = (id: string) => ({ params: Promise.resolve({ id }) });

let dupontKey: string;
let lefebvreKey: string;

async function forwardAll() {
  while ((await forwardReadyParts(db())) > 0);
}

/** Camille's erasure request about Dr Dupont and Dr Lefebvre, forwarded to both. */
async function twoDoctorsCase() {
  const request = await fileSelfCase(db(), getStorage(), "erasure", { healthActorIds: [dupont, lefebvre] });
  await forwardAll();
  const parts = await db().requestPart.findMany({ where: { requestId: request.id, handler: "health_actor" } });
  return { request, of: (actor: string) => parts.find((p) => p.healthActorId === actor)!.id };
}

beforeAll(async () => {
  await demoData();
  dupontKey = (
    await createActorKey(db(), await membershipsOf(db(), "dr.dupont@exemple.fr"), dupont, "Logiciel du cabinet")
  ).key;
  lefebvreKey = (await createActorKey(db(), await membershipsOf(db(), "dr.lefebvre@exemple.fr"), lefebvre, "Logiciel"))
    .key;
});

describe("actor API keys", () => {
  it("are created by the actor's admin only, stored hashed, and stop working once revoked", async () => {
    const secretary = await membershipsOf(db(), "secretariat.dupont@exemple.fr");
    expect((await failure(createActorKey(db(), secretary, dupont, "X")))?.code).toBe("forbidden");
    const admin = await membershipsOf(db(), "dr.dupont@exemple.fr");
    const { id, key } = await createActorKey(db(), admin, dupont, "Clé à révoquer");
    const row = await db().actorApiKey.findUniqueOrThrow({ where: { id } });
    expect(row.keyHash).toBe(hashToken(key));
    expect(JSON.stringify(row)).not.toContain(key);
    expect((await listParts(apiRequest("/api/v1/actor/parts", { token: key }))).status).toBe(200);
    await revokeActorKey(db(), admin, dupont, id);
    const revoked = await listParts(apiRequest("/api/v1/actor/parts", { token: key }));
    expect(revoked.status).toBe(401);
    expect((await listParts(apiRequest("/api/v1/actor/parts"))).status).toBe(401);
    // A staff token is not an actor key.
    expect((await listParts(apiRequest("/api/v1/actor/parts", { token: "dsr_notanactorkey" }))).status).toBe(401);
  });
});

describe("an actor's software reaches only its own parts", () => {
  it.each([
    [
      "reads by id",
      (id: string) => readPart(apiRequest(`/api/v1/actor/parts/${id}`, { token: dupontKey }), params(id)),
    ],
    [
      "acts",
      (id: string) =>
        act(
          apiRequest(`/api/v1/actor/parts/${id}/actions`, { token: dupontKey, body: { action: "acknowledge" } }),
          params(id),
        ),
    ],
    [
      "downloads the package",
      (id: string) => packageOf(apiRequest(`/api/v1/actor/parts/${id}/package`, { token: dupontKey }), params(id)),
    ],
  ] as const)("%s: another actor's part is a 404", async (_, call) => {
    const { of } = await twoDoctorsCase();
    const response = await call(of(lefebvre));
    expect(response.status).toBe(404);
    expect(await db().requestPart.findUniqueOrThrow({ where: { id: of(lefebvre) } })).toMatchObject({
      acknowledgedAt: null,
      status: "forwarded",
    });
  });

  it("reads what the patient asked of the right: the corrections, the grounds, the format", async () => {
    const cases = [
      [
        "rectification",
        { rectifications: [{ field: "Nom", current: "Martin", corrected: "Martin-Durand" }] },
        [{ label: "Correction demandée", value: "Nom : « Martin » → « Martin-Durand »" }],
      ],
      [
        "objection",
        { objectionGrounds: "Je ne veux plus être suivie par ce cabinet." },
        [{ label: "Motifs de l'opposition", value: "Je ne veux plus être suivie par ce cabinet." }],
      ],
      [
        "restriction",
        { restrictionGround: "accuracy_contested" },
        [
          {
            label: "Motif (RGPD art. 18(1))",
            value: "La personne conteste l'exactitude de ses données (a), le temps de la vérifier",
          },
        ],
      ],
    ] as const;
    for (const [right, details, expected] of cases) {
      const request = await fileSelfCase(db(), getStorage(), right, { healthActorIds: [dupont] }, details);
      await forwardAll();
      const part = await db().requestPart.findFirstOrThrow({
        where: { requestId: request.id, healthActorId: dupont },
      });
      const response = await readPart(
        apiRequest(`/api/v1/actor/parts/${part.id}?locale=fr`, { token: dupontKey }),
        params(part.id),
      );
      expect(response.status, right).toBe(200);
      expect(((await response.json()) as { details: unknown }).details, right).toEqual(expected);
    }
  });

  it("lists: never another actor's part", async () => {
    const { of } = await twoDoctorsCase();
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await listParts(
        apiRequest(`/api/v1/actor/parts${cursor ? `?cursor=${cursor}` : ""}`, { token: dupontKey }),
      );
      const page = (await response.json()) as { items: { id: string }[]; nextCursor: string | null };
      ids.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(ids).toContain(of(dupont));
    expect(ids).not.toContain(of(lefebvre));
    const parts = await db().requestPart.findMany({ where: { id: { in: ids } }, select: { healthActorId: true } });
    expect(new Set(parts.map((p) => p.healthActorId))).toEqual(new Set([dupont]));
  });

  it("reads, acknowledges, downloads and answers its part; a malformed or repeated action is refused", async () => {
    const { of } = await twoDoctorsCase();
    const id = of(dupont);
    const read = await readPart(
      apiRequest(`/api/v1/actor/parts/${id}`, { token: dupontKey, headers: { "accept-language": "en" } }),
      params(id),
    );
    expect(read.status).toBe(200);
    const part = (await read.json()) as {
      reference: string;
      deadlineRule: string;
      identity: { summary: string };
      subject: { lastName: string };
    };
    expect(part.deadlineRule).toBe("gdpr_art12");
    expect(part.identity.summary).toContain("Identity verified by the platform");
    expect(part.subject.lastName).toBe("Martin");

    const bad = await act(
      apiRequest(`/api/v1/actor/parts/${id}/actions`, {
        token: dupontKey,
        body: { action: "answer", mode: "other", channel: "" },
      }),
      params(id),
    );
    expect(bad.status).toBe(422);
    const fields = ((await bad.json()) as { error: { fields: { path: string }[] } }).error.fields
      .map((f) => f.path)
      .sort();
    expect(fields).toEqual(["channel", "sentOn"]);
    expect(
      (
        await act(
          apiRequest(`/api/v1/actor/parts/${id}/actions`, { token: dupontKey, body: { action: "erase_everything" } }),
          params(id),
        )
      ).status,
    ).toBe(422);

    const zip = await packageOf(
      apiRequest(`/api/v1/actor/parts/${id}/package?format=zip`, { token: dupontKey }),
      params(id),
    );
    expect(zip.headers.get("content-type")).toBe("application/zip");
    const files = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    expect((JSON.parse(strFromU8(files["dossier.json"]!)) as { healthActor: { id: string } }).healthActor.id).toBe(
      dupont,
    );

    const answered = await act(
      apiRequest(`/api/v1/actor/parts/${id}/actions`, {
        token: dupontKey,
        body: {
          action: "answer",
          mode: "portal",
          document: Buffer.from(minimalPdf("REPONSE PAR API")).toString("base64"),
        },
      }),
      params(id),
    );
    expect(answered.status).toBe(200);
    expect(((await answered.json()) as { status: string }).status).toBe("answered");
    const again = await act(
      apiRequest(`/api/v1/actor/parts/${id}/actions`, {
        token: dupontKey,
        body: { action: "decline", reason: "Non." },
      }),
      params(id),
    );
    expect(again.status).toBe(409);
  });
});

describe("status callbacks", () => {
  let server: Server;
  let url: string;
  let secret: string;
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  let failNext = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString("utf8")));
      req.on("end", () => {
        received.push({ headers: req.headers, body });
        if (failNext > 0) {
          failNext--;
          res.writeHead(503).end();
        } else res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/rgpd/rappels`;
    secret = (await setWebhook(db(), await membershipsOf(db(), "dr.lefebvre@exemple.fr"), lefebvre, url)).secret;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("each change of a part is POSTed signed; a failure is retried, a success never sent again", async () => {
    const { request, of } = await twoDoctorsCase();
    const id = of(lefebvre);
    await act(
      apiRequest(`/api/v1/actor/parts/${id}/actions`, { token: lefebvreKey, body: { action: "acknowledge" } }),
      params(id),
    );
    const deliveries = await db().webhookDelivery.findMany({ where: { partId: id }, orderBy: { createdAt: "asc" } });
    expect(deliveries.map((d) => d.event)).toEqual(["part.forwarded", "part.acknowledged"]);
    // Dr Dupont has no callback URL: nothing for his part.
    expect(await db().webhookDelivery.count({ where: { partId: of(dupont) } })).toBe(0);

    // The receiver is down once: the attempt fails, the delivery waits for the queue's retry.
    failNext = 1;
    const first = deliveries[0]!;
    await expect(deliverWebhook(db(), first.id)).rejects.toThrow("HTTP 503");
    expect(await db().webhookDelivery.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      status: "pending",
      attempts: 1,
      lastStatusCode: 503,
    });
    expect(await deliverWebhook(db(), first.id)).toBe("delivered");
    expect(await deliverWebhook(db(), first.id)).toBe("skipped");
    expect(await db().webhookDelivery.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      status: "delivered",
      attempts: 2,
      lastStatusCode: 204,
    });
    const sent = received.filter((r) => r.headers["x-dsr-delivery"] === first.id);
    expect(sent).toHaveLength(2);

    // What the receiver checks: the signature over the timestamp and the raw body.
    const last = sent.at(-1)!;
    const check = (body: string, timestamp = String(last.headers["x-dsr-timestamp"]), now?: Date) =>
      verifyWebhookSignature({ secret, timestamp, signature: String(last.headers["x-dsr-signature"]), body, now });
    expect(check(last.body)).toBe(true);
    const message = JSON.parse(last.body) as { id: string; event: string; part: { id: string; reference: string } };
    expect(message).toMatchObject({
      id: first.id,
      event: "part.forwarded",
      part: { id, reference: request.reference },
    });
    expect(last.body).not.toContain("Martin");
    expect(check(last.body.replace("part.forwarded", "part.answered"))).toBe(false);
    expect(check(last.body, String(Number(last.headers["x-dsr-timestamp"]) + 1))).toBe(false);
    expect(check(last.body, undefined, new Date(Date.now() + 10 * 60_000))).toBe(false);
    expect(
      verifyWebhookSignature({
        secret: "whsec_another",
        timestamp: String(last.headers["x-dsr-timestamp"]),
        signature: String(last.headers["x-dsr-signature"]),
        body: last.body,
      }),
    ).toBe(false);

    // The log, as the software reads it.
    const log = (await (await webhookLogOf(apiRequest("/api/v1/actor/webhook", { token: lefebvreKey }))).json()) as {
      url: string;
      deliveries: { id: string; status: string }[];
    };
    expect(log.url).toBe(url);
    expect(log.deliveries.find((d) => d.id === first.id)?.status).toBe("delivered");
  });

  it("go through the job queue with back-off, once per delivery", async () => {
    const { boss } = await import("@/lib/jobs/boss");
    const { createQueues, QUEUES } = await import("@/lib/jobs/boss");
    const queue = await boss();
    await createQueues(queue);
    const { of } = await twoDoctorsCase();
    const pending = await db().webhookDelivery.findFirstOrThrow({ where: { partId: of(lefebvre), status: "pending" } });
    expect(await enqueueWebhookDeliveries(db(), queue)).toBeGreaterThanOrEqual(1);
    // Handed over once: a second pass within two minutes does not hand it again.
    await enqueueWebhookDeliveries(db(), queue);
    const jobs = await db().$queryRaw<{ retry_limit: number; retry_backoff: boolean; retry_delay: number }[]>`
      SELECT retry_limit, retry_backoff, retry_delay FROM pgboss.job WHERE name = ${QUEUES.deliverWebhook.name} AND data->>'deliveryId' = ${pending.id}`;
    expect(jobs).toEqual([{ retry_limit: 8, retry_backoff: true, retry_delay: 30 }]);
    await queue.stop({ graceful: false, wait: true });
  });
});
