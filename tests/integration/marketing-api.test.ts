import { beforeAll, describe, expect, it } from "vitest";
import { GET as audienceRoute } from "@/app/api/v1/marketing/audience/route";
import { POST as optInsRoute } from "@/app/api/v1/marketing/opt-ins/route";
import { suppressionKey } from "@/lib/marketing/suppression";
import { db } from "@/lib/db";
import { apiRequest, demoData, staffToken, uniqueEmail } from "./support";

/**
 * The platform's marketing tools ask the portal who may be written to, and import opt-ins through
 * it: a restriction (Art. 18), an objection (Art. 21(3)) and an erased account all keep a person out.
 */
let token: string;
const people: Record<
  "open" | "restricted" | "objected" | "smsOnly" | "closed" | "newcomer",
  { id: string; email: string }
> = {} as never;

beforeAll(async () => {
  await demoData();
  ({ token } = await staffToken({ role: "dpo_admin", scopes: ["marketing.sync"] }));
  const make = async (key: keyof typeof people, data: Record<string, unknown>, channels: ("email" | "sms")[]) => {
    const email = uniqueEmail(key.toLowerCase());
    const p = await db().patient.create({
      data: { email, firstName: "Test", lastName: key, birthDate: new Date("1990-01-01"), ...data },
    });
    await db().marketingPreference.createMany({
      data: channels.map((channel) => ({ patientId: p.id, channel, optedIn: true })),
    });
    people[key] = { id: p.id, email };
  };
  await make("open", {}, ["email"]);
  await make("restricted", { restrictedAt: new Date(), restrictionReference: "DR-TEST" }, ["email"]);
  await make("objected", {}, ["email"]);
  await make("smsOnly", {}, ["sms"]);
  await make("closed", { closedAt: new Date() }, ["email"]);
  await make("newcomer", {}, []);
  await db().marketingSuppression.create({
    data: { emailHash: suppressionKey(people.objected.email), reference: "DR-TEST" },
  });
});

const audience = async (query: string, auth = token) =>
  audienceRoute(apiRequest(`/api/v1/marketing/audience?${query}`, { token: auth }));
const emails = (...keys: (keyof typeof people)[]) =>
  keys.map((k) => `email=${encodeURIComponent(people[k].email)}`).join("&");

describe("the marketing audience", () => {
  it("holds only those opted in on the channel, not restricted, not objecting, with an open account", async () => {
    const response = await audience(
      `channel=email&${emails("open", "restricted", "objected", "smsOnly", "closed", "newcomer")}`,
    );
    expect(response.status).toBe(200);
    expect(((await response.json()) as { recipients: { email: string }[] }).recipients.map((r) => r.email)).toEqual([
      people.open.email,
    ]);
    const sms = (await (await audience(`channel=sms&${emails("smsOnly", "open")}`)).json()) as {
      recipients: { email: string }[];
    };
    expect(sms.recipients.map((r) => r.email)).toEqual([people.smsOnly.email]);
  });

  it("pages through everyone by id, each once", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page = (await (await audience(`channel=email&limit=2${after ? `&after=${after}` : ""}`)).json()) as {
        recipients: { email: string }[];
        next: string | null;
      };
      seen.push(...page.recipients.map((r) => r.email));
      after = page.next;
    } while (after);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toContain(people.open.email);
    for (const key of ["restricted", "objected", "closed"] as const) expect(seen).not.toContain(people[key].email);
  });

  it("answers a bad query with field errors, and only to a token allowed to", async () => {
    const bad = await audience("channel=fax&limit=0");
    expect(bad.status).toBe(422);
    const body = (await bad.json()) as { error: { fields: { path: string }[] } };
    expect(body.error.fields.map((f) => f.path).sort()).toEqual(["channel", "limit"]);
    const { token: agent } = await staffToken({ role: "dpo_agent" });
    expect((await audience("channel=email", agent)).status).toBe(403);
    const { token: otherScope } = await staffToken({ role: "dpo_admin", scopes: ["requests.read"] });
    expect((await audience("channel=email", otherScope)).status).toBe(403);
    expect((await audience("channel=email", "dsr_not-a-token")).status).toBe(401);
  });
});

describe("importing opt-ins", () => {
  it("opts people in, except those who objected, whatever the list says", async () => {
    const post = (body: unknown) => optInsRoute(apiRequest("/api/v1/marketing/opt-ins", { token, body }));
    const response = await post({
      contacts: [
        { email: people.newcomer.email, channel: "email" },
        { email: people.objected.email.toUpperCase(), channel: "email" },
      ],
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ imported: 1, suppressed: 1 });
    const now = (await (await audience(`channel=email&${emails("newcomer", "objected")}`)).json()) as {
      recipients: { email: string }[];
    };
    expect(now.recipients.map((r) => r.email)).toEqual([people.newcomer.email]);
    expect((await post({ contacts: [{ email: "pas-une-adresse", channel: "email" }] })).status).toBe(422);
    expect((await post({ contacts: [] })).status).toBe(422);
  });
});
