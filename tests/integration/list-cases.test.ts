import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { beforeAll, describe, expect, it } from "vitest";
import { listCases } from "@/lib/backoffice/list-cases";
import { nameKey } from "@/lib/util/name-key";
import { type TCaseListQuery, ZCaseListQuery } from "@/lib/backoffice/list-cases.schema";
import { type Db, db } from "@/lib/db";
import { toDateColumn } from "@/lib/deadlines";
import { AppError } from "@/lib/errors/app-error";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { Channel, PartStatus, RequestStatus, Right } from "@/lib/generated/prisma/enums";
import { currentRegistry, ensureRegistryVersion } from "@/lib/registry";
import { generateReference } from "@/lib/requests/reference";
import { submitRequest } from "@/lib/requests/submit-request";
import { ZSubmitRequest } from "@/lib/requests/submit-request.schema";
import { demoData, requestBody, uniqueEmail } from "./support";

/** Today is Monday 15 June 2026 in Paris for every listing below. */
const NOW = new Date("2026-06-15T10:00:00Z");

let viewer: { staffId: string };
let otherStaff: { id: string; name: string };
let actor1: { id: string; name: string };
let actor2: { id: string; name: string };

/** A last name no other test uses: the queue is searched by it, so only this file's cases show. */
const uniqueName = () => `Listecas${randomUUID().replace(/-/g, "").slice(0, 10)}`;

interface CaseSpec {
  label: string;
  lastName: string;
  subjectLastName?: string;
  email?: string;
  status?: RequestStatus;
  right?: Right;
  channel?: Channel;
  assigneeId?: string | null;
  dueDate: string;
  receivedAt?: string;
  paused?: boolean;
  extended?: boolean;
  parts?: { healthActorId: string | null; status: PartStatus; dueDate?: string }[];
}

interface Created extends CaseSpec {
  id: string;
  email: string;
  reference: string;
  receivedAt: string;
}

/** Writes cases and their parts directly (two statements), with the dates and statuses asked. */
async function createCases(specs: CaseSpec[]): Promise<Created[]> {
  const registryVersion = currentRegistry().version;
  const created = specs.map((s) => ({
    ...s,
    id: randomUUID(),
    reference: generateReference(2026),
    receivedAt: s.receivedAt ?? "2026-05-15T08:00:00.000Z",
    email: s.email ?? uniqueEmail("liste"),
  }));
  await db().rightsRequest.createMany({
    data: created.map((c) => ({
      id: c.id,
      reference: c.reference,
      right: c.right ?? "access",
      channel: c.channel ?? "web",
      status: c.status ?? "received",
      receivedAt: new Date(c.receivedAt),
      dueDate: toDateColumn(c.dueDate),
      registryVersion,
      identityStatus: "verified",
      requesterFirstName: "Camille",
      requesterLastName: c.lastName,
      requesterNameKey: nameKey(c.lastName),
      requesterEmail: c.email,
      subjectRelation: "self",
      subjectFirstName: "Camille",
      subjectLastName: c.subjectLastName ?? c.lastName,
      subjectNameKey: nameKey(c.subjectLastName ?? c.lastName),
      subjectBirthDate: toDateColumn("1985-04-12"),
      scope: {},
      details: {},
      pausedSince: c.paused ? new Date("2026-06-01T09:00:00Z") : null,
      extended: c.extended ?? false,
      assigneeId: c.assigneeId ?? null,
    })),
  });
  const parts = created.flatMap((c) =>
    (c.parts ?? [{ healthActorId: null, status: "pending" as const }]).map((p) => ({
      requestId: c.id,
      handler: p.healthActorId ? ("health_actor" as const) : ("platform" as const),
      healthActorId: p.healthActorId,
      activities: [],
      applicable: true,
      deadlineRule: p.healthActorId ? ("csp_l1111_7" as const) : ("gdpr_art12" as const),
      dueDate: toDateColumn(p.dueDate ?? c.dueDate),
      status: p.status,
    })),
  );
  if (parts.length > 0) await db().requestPart.createMany({ data: parts });
  return created;
}

const q = (input: Record<string, unknown>): TCaseListQuery => ZCaseListQuery.parse(input);
const list = (input: Record<string, unknown>, who = viewer) => listCases(db(), q(input), who, NOW);

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("expected a rejection");
}

beforeAll(async () => {
  await ensureRegistryVersion(db(), currentRegistry());
  const suffix = randomUUID().slice(0, 8);
  const [me, other] = await Promise.all(
    ["me", "other"].map((who) =>
      db().staffUser.create({
        data: { email: `dpo-${who}-${suffix}@exemple.fr`, name: `Agent ${who} ${suffix}`, role: "dpo_agent" },
      }),
    ),
  );
  viewer = { staffId: me!.id };
  otherStaff = { id: other!.id, name: other!.name };
  const createActor = (n: number) =>
    db().healthActor.create({
      data: {
        kind: "practitioner",
        name: `Dr Liste ${n} ${suffix}`,
        specialty: "Généraliste",
        city: "Lyon",
        email: `liste${n}-${suffix}@exemple.fr`,
      },
      select: { id: true, name: true },
    });
  [actor1, actor2] = await Promise.all([createActor(1), createActor(2)]);
});

describe("listCases: the default queue", () => {
  it("shows open cases, overdue first, with their parts, assignee and days left, in one constant number of queries", async () => {
    const name = uniqueName();
    const cases = await createCases([
      { label: "later", lastName: name, dueDate: "2026-07-01", status: "in_progress" },
      {
        label: "late5",
        lastName: name,
        dueDate: "2026-06-10",
        status: "received",
        assigneeId: viewer.staffId,
        paused: true,
      },
      { label: "today", lastName: name, dueDate: "2026-06-15", status: "awaiting_identity", extended: true },
      {
        label: "late45",
        lastName: name,
        dueDate: "2026-05-01",
        status: "awaiting_information",
        parts: [
          { healthActorId: null, status: "pending" },
          { healthActorId: actor1.id, status: "forwarded", dueDate: "2026-04-20" },
        ],
      },
      { label: "answered", lastName: name, dueDate: "2026-01-01", status: "answered" },
    ]);
    const byLabel = Object.fromEntries(cases.map((c) => [c.label, c]));

    const page = await list({ q: name });
    expect(page.nextCursor).toBeNull();
    expect(page.items.map((r) => [r.reference, r.dueDate, r.daysLeft])).toEqual([
      [byLabel.late45!.reference, "2026-05-01", -45],
      [byLabel.late5!.reference, "2026-06-10", -5],
      [byLabel.today!.reference, "2026-06-15", 0],
      [byLabel.later!.reference, "2026-07-01", 16],
    ]);

    const [late45, late5, today] = page.items;
    expect(late45).toEqual({
      reference: byLabel.late45!.reference,
      right: "access",
      status: "awaiting_information",
      channel: "web",
      receivedAt: "2026-05-15T08:00:00.000Z",
      dueDate: "2026-05-01",
      daysLeft: -45,
      requesterName: `Camille ${name}`,
      requesterEmail: byLabel.late45!.email,
      subjectName: `Camille ${name}`,
      subjectRelation: "self",
      identityStatus: "verified",
      assignee: null,
      parts: [
        { handler: "platform", healthActorName: null, status: "pending", dueDate: "2026-05-01", escalated: false },
        {
          handler: "health_actor",
          healthActorName: actor1.name,
          status: "forwarded",
          dueDate: "2026-04-20",
          escalated: false,
        },
      ],
      paused: false,
      extended: false,
      needsClarification: false,
    });
    expect(late5).toMatchObject({
      assignee: { id: viewer.staffId, name: expect.stringMatching(/^Agent me /) },
      paused: true,
    });
    expect(today).toMatchObject({ extended: true, paused: false });
  });

  it("loads parts and assignees in batches, not one query per case (no N+1)", async () => {
    const name = uniqueName();
    await createCases(
      Array.from({ length: 30 }, (_, i) => ({
        label: `c${i}`,
        lastName: name,
        dueDate: "2026-06-20",
        assigneeId: i % 2 === 0 ? viewer.staffId : otherStaff.id,
        parts: [
          { healthActorId: null, status: "pending" as const },
          { healthActorId: i % 3 === 0 ? actor1.id : actor2.id, status: "awaiting_forwarding" as const },
        ],
      })),
    );
    const counted = new PrismaClient({
      adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: 1 }),
      log: [{ emit: "event", level: "query" }],
    });
    const statements: string[] = [];
    counted.$on("query", (e) => statements.push(e.query));
    try {
      const queriesFor = async (limit: number) => {
        statements.length = 0;
        const page = await listCases(counted as unknown as Db, q({ q: name, limit: String(limit) }), viewer, NOW);
        expect(page.items).toHaveLength(limit);
        expect(
          page.items.every((r) => r.parts.length === 2 && r.assignee !== null && r.parts[1]!.healthActorName !== null),
        ).toBe(true);
        return statements.filter((s) => /^\s*SELECT/i.test(s)).length;
      };
      const forTwo = await queriesFor(2);
      const forTwentyFive = await queriesFor(25);
      expect(forTwentyFive).toBe(forTwo);
      // One statement: the page, its parts with their actors' names, and the assignees.
      expect(forTwentyFive).toBe(1);
    } finally {
      await counted.$disconnect();
    }
  });
});

describe("listCases: filters", () => {
  let name: string;
  let ref: Record<string, string>;
  let cases: Created[];
  const sharedEmail = `Liste.Partagee-${randomUUID().slice(0, 8)}@exemple.fr`.toLowerCase();

  beforeAll(async () => {
    name = uniqueName();
    cases = await createCases(
      [
        // Open cases
        {
          label: "a",
          lastName: name,
          status: "received",
          right: "access",
          channel: "web",
          assigneeId: "me",
          dueDate: "2026-06-10",
          email: sharedEmail,
          parts: [
            { healthActorId: null, status: "pending" },
            { healthActorId: "actor1", status: "awaiting_forwarding" },
          ],
        },
        {
          label: "b",
          lastName: name,
          status: "in_progress",
          right: "erasure",
          channel: "post",
          assigneeId: "other",
          dueDate: "2026-06-15",
          parts: [{ healthActorId: "actor2", status: "forwarded" }],
        },
        {
          label: "c",
          lastName: name,
          status: "awaiting_identity",
          right: "access",
          channel: "email",
          dueDate: "2026-06-20",
        },
        {
          label: "d",
          lastName: name,
          status: "awaiting_information",
          right: "rectification",
          channel: "phone",
          assigneeId: "me",
          dueDate: "2026-06-22",
          parts: [{ healthActorId: "actor1", status: "forwarded" }],
        },
        {
          label: "h",
          lastName: `R${name}`,
          subjectLastName: name,
          status: "received",
          right: "portability",
          channel: "web",
          dueDate: "2026-08-30",
          paused: true,
          extended: true,
        },
        // Closed cases
        {
          label: "e",
          lastName: name,
          status: "answered",
          right: "access",
          channel: "web",
          assigneeId: "me",
          dueDate: "2026-06-01",
          email: sharedEmail,
          parts: [{ healthActorId: "actor1", status: "answered" }],
        },
        {
          label: "f",
          lastName: name,
          subjectLastName: `S${name}`,
          status: "closed",
          right: "objection",
          channel: "in_person",
          dueDate: "2026-07-30",
        },
        { label: "g", lastName: name, status: "withdrawn", right: "access", channel: "web", dueDate: "2026-06-16" },
      ].map((s) => ({
        ...s,
        status: s.status as RequestStatus,
        right: s.right as Right,
        channel: s.channel as Channel,
        assigneeId: s.assigneeId === "me" ? viewer.staffId : s.assigneeId === "other" ? otherStaff.id : null,
        parts: s.parts?.map((p) => ({
          status: p.status as PartStatus,
          healthActorId: p.healthActorId === "actor1" ? actor1.id : p.healthActorId === "actor2" ? actor2.id : null,
        })),
      })),
    );
    ref = Object.fromEntries(cases.map((c) => [c.label, c.reference]));
  });

  /** The labels of the cases listed, in the order listed. */
  async function labels(input: Record<string, unknown>): Promise<string[]> {
    const page = await list({ q: name, ...input });
    const byRef = Object.fromEntries(Object.entries(ref).map(([label, reference]) => [reference, label]));
    return page.items.map((r) => byRef[r.reference] ?? `foreign:${r.reference}`);
  }

  it.each<[string, Record<string, unknown>, string[]]>([
    ["default: open cases by due date", {}, ["a", "b", "c", "d", "h"]],
    ["status=open", { status: "open" }, ["a", "b", "c", "d", "h"]],
    ["status=all", { status: "all" }, ["e", "a", "b", "g", "c", "d", "f", "h"]],
    ["status=answered", { status: "answered" }, ["e"]],
    ["status=withdrawn", { status: "withdrawn" }, ["g"]],
    ["right=access (open)", { right: "access" }, ["a", "c"]],
    ["right=access, all statuses", { right: "access", status: "all" }, ["e", "a", "g", "c"]],
    ["channel=web", { channel: "web" }, ["a", "h"]],
    ["channel=in_person, all statuses", { channel: "in_person", status: "all" }, ["f"]],
    ["assignee=me", { assignee: "me" }, ["a", "d"]],
    ["assignee=me, all statuses", { assignee: "me", status: "all" }, ["e", "a", "d"]],
    ["assignee=none", { assignee: "none" }, ["c", "h"]],
    ["dueWithin=0: due today", { dueWithin: "0" }, ["b"]],
    ["dueWithin=7: today to 22 June", { dueWithin: "7" }, ["b", "c", "d"]],
    ["dueWithin=1, all statuses", { dueWithin: "1", status: "all" }, ["b", "g"]],
    ["overdue=1", { overdue: "1" }, ["a"]],
    ["overdue=true, all statuses: an answered case is not late", { overdue: "true", status: "all" }, ["a"]],
    ["overdue=0: no filter", { overdue: "0" }, ["a", "b", "c", "d", "h"]],
    ["right=access and assignee=me", { right: "access", assignee: "me" }, ["a"]],
  ])("%s", async (_, input, expected) => {
    expect(await labels(input)).toEqual(expected);
  });

  it("assignee=<uuid>: that staff member's cases", async () => {
    expect(await labels({ assignee: otherStaff.id })).toEqual(["b"]);
    expect(await labels({ assignee: viewer.staffId, status: "all" })).toEqual(["e", "a", "d"]);
    // "me" is whoever is looking.
    expect(await labels({ assignee: "me" })).toEqual(["a", "d"]);
    const page = await list({ q: name, assignee: "me" }, { staffId: otherStaff.id });
    expect(page.items.map((r) => r.reference)).toEqual([ref.b]);
  });

  it("healthActor: cases with a part for that actor", async () => {
    expect(await labels({ healthActor: actor1.id })).toEqual(["a", "d"]);
    expect(await labels({ healthActor: actor1.id, status: "all" })).toEqual(["e", "a", "d"]);
    expect(await labels({ healthActor: actor2.id })).toEqual(["b"]);
    expect(await labels({ healthActor: randomUUID() })).toEqual([]);
  });

  it("q: a reference, exactly, whatever the case typed", async () => {
    for (const typed of [ref.c!, ref.c!.toLowerCase(), ` ${ref.c!.toLowerCase()} `]) {
      const page = await list({ q: typed, status: "all" });
      expect(page.items.map((r) => r.reference)).toEqual([ref.c]);
    }
    // A closed case is found by reference only when the status filter allows it.
    expect((await list({ q: ref.f })).items).toEqual([]);
    expect((await list({ q: ref.f, status: "all" })).items.map((r) => r.reference)).toEqual([ref.f]);
    expect((await list({ q: "DR-2026-ZZZZ-ZZZZ", status: "all" })).items).toEqual([]);
  });

  it("q: an e-mail address, exactly (lower-cased), on the requester's", async () => {
    const page = await list({ q: sharedEmail.toUpperCase(), status: "all" });
    expect(page.items.map((r) => r.reference)).toEqual([ref.e, ref.a]);
    expect(page.items.every((r) => r.requesterEmail === sharedEmail)).toBe(true);
    // Not a prefix search: part of an address finds nothing.
    expect((await list({ q: sharedEmail.replace("@", "x@"), status: "all" })).items).toEqual([]);
  });

  it("q: the start of the requester's or the subject's last name, any case or accent, punctuation ignored", async () => {
    const all = ["e", "a", "b", "g", "c", "d", "f", "h"];
    expect(await labels({ status: "all" })).toEqual(all);
    expect(await labels({ status: "all", q: name.toUpperCase() })).toEqual(all);
    expect(await labels({ status: "all", q: name.slice(0, -2).toLowerCase() })).toEqual(all);
    // h's requester is "R<name>", its subject "<name>"; f's subject is "S<name>".
    expect(await labels({ status: "all", q: `r${name}` })).toEqual(["h"]);
    expect(await labels({ status: "all", q: `S${name}` })).toEqual(["f"]);
    expect(await labels({ status: "all", q: `Lìs-tè ${name.slice(5).toUpperCase()}` })).toEqual(all);
    // Not a substring search; punctuation (LIKE wildcards included) counts for nothing.
    expect(await labels({ status: "all", q: name.slice(1) })).toEqual([]);
    expect(await labels({ status: "all", q: `%${name}` })).toEqual(all);
    expect(await labels({ status: "all", q: `${name.slice(0, 4)}_${name.slice(5)}` })).toEqual([]);
    expect(await labels({ status: "all", q: "%_'" })).toEqual([]);
  });
});

describe("listCases: keyset pagination", () => {
  let name: string;
  let cases: Created[];
  const STATUSES: RequestStatus[] = [
    "received",
    "awaiting_identity",
    "in_progress",
    "awaiting_information",
    "answered",
    "closed",
    "withdrawn",
  ];

  beforeAll(async () => {
    name = uniqueName();
    // 60 cases on few distinct due dates and receipt instants: many ties, broken by id.
    cases = await createCases(
      Array.from({ length: 60 }, (_, i) => ({
        label: `p${i}`,
        lastName: name,
        status: STATUSES[i % STATUSES.length]!,
        dueDate: ["2026-05-20", "2026-06-15", "2026-06-30", "2026-07-14"][i % 4]!,
        receivedAt: ["2026-04-01T08:00:00.000Z", "2026-04-02T23:30:00.123Z", "2026-05-01T12:00:00.000Z"][i % 3]!,
        assigneeId: i % 5 === 0 ? viewer.staffId : null,
        parts: [
          { healthActorId: null, status: "pending" as const },
          { healthActorId: actor1.id, status: "forwarded" as const },
        ],
      })),
    );
  });

  const expectedOrder: Record<"due" | "received" | "reference", (a: Created, b: Created) => number> = {
    due: (a, b) => (a.dueDate === b.dueDate ? (a.id < b.id ? -1 : 1) : a.dueDate < b.dueDate ? -1 : 1),
    received: (a, b) => (a.receivedAt === b.receivedAt ? (a.id > b.id ? -1 : 1) : a.receivedAt > b.receivedAt ? -1 : 1),
    reference: (a, b) => (a.reference < b.reference ? -1 : 1),
  };

  it.each(["due", "received", "reference"] as const)(
    "sort=%s: pages of 25 walk the 60 cases once each, in order",
    async (sort) => {
      const seen: string[] = [];
      const sizes: number[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof listCases>> = await list({
          q: name,
          status: "all",
          sort,
          limit: "25",
          ...(cursor ? { cursor } : {}),
        });
        sizes.push(page.items.length);
        seen.push(...page.items.map((r) => r.reference));
        cursor = page.nextCursor;
        expect(sizes.length).toBeLessThanOrEqual(3);
      } while (cursor);

      expect(sizes).toEqual([25, 25, 10]);
      expect(new Set(seen).size).toBe(60);
      expect(seen).toEqual([...cases].sort(expectedOrder[sort]).map((c) => c.reference));
    },
  );

  it("an exact multiple of the page size ends without an empty page", async () => {
    const first = await list({ q: name, status: "all", limit: "30" });
    expect(first.items).toHaveLength(30);
    const second = await list({ q: name, status: "all", limit: "30", cursor: first.nextCursor });
    expect(second.items).toHaveLength(30);
    expect(second.nextCursor).toBeNull();
  });

  it("filters still apply on later pages", async () => {
    const open = cases.filter((c) =>
      ["received", "awaiting_identity", "in_progress", "awaiting_information"].includes(c.status!),
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listCases>> = await list({
        q: name,
        limit: "10",
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.items.map((r) => r.reference));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...open].sort(expectedOrder.due).map((c) => c.reference));
  });

  it("a tampered or foreign cursor is refused: AppError malformed (400)", async () => {
    const first = await list({ q: name, status: "all", limit: "25" });
    const good = first.nextCursor!;
    const flipped = `${good.slice(0, 10)}${good[10] === "A" ? "B" : "A"}${good.slice(11)}`;
    const forged = Buffer.from(JSON.stringify({ v: 1, s: "due", k: "2026-13-01", id: randomUUID() })).toString(
      "base64url",
    );
    for (const cursor of ["not-a-cursor!", `${good}x`, flipped, forged, good.slice(0, -4)]) {
      const error = await rejection(list({ q: name, status: "all", cursor }));
      expect(error.code).toBe("malformed");
      expect(error.status).toBe(400);
      expect(error.userMessage.fr).toContain("cursor");
      expect(error.userMessage.en).toContain("cursor");
    }
    // A cursor of the due-date sort does not continue the receipt sort.
    const error = await rejection(list({ q: name, status: "all", sort: "received", cursor: good }));
    expect(error.code).toBe("malformed");
  });
});

describe("listCases: a case registered through submitRequest", () => {
  it("is listed with its routed parts and health actors", async () => {
    await demoData();
    const staff = await db().staffUser.create({
      data: { email: uniqueEmail("dpo"), name: "Agent API", role: "dpo_agent" },
    });
    const email = uniqueEmail("liste-api");
    const { request } = await submitRequest(db(), ZSubmitRequest.parse(requestBody({ requester: { email } })), {
      actor: { type: "api", tokenId: "t", staffUserId: staff.id },
    });
    const page = await listCases(db(), q({ q: email }), viewer, NOW);
    expect(page.items).toHaveLength(1);
    const row = page.items[0]!;
    expect(row).toMatchObject({
      reference: request.reference,
      requesterEmail: email,
      status: request.status,
      channel: "post",
      right: "access",
    });
    expect(row.parts).toHaveLength(request.parts.length);
    expect(
      row.parts
        .filter((p) => p.handler === "health_actor")
        .map((p) => p.healthActorName)
        .sort(),
    ).toEqual(
      request.parts
        .filter((p) => p.handler === "health_actor")
        .map((p) => p.healthActor!.name)
        .sort(),
    );
  });
});
