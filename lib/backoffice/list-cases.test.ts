import { describe, expect, it } from "vitest";
import { AppError, fieldErrorsFromZod } from "@/lib/errors/app-error";
import {
  caseListFilter,
  caseListSql,
  decodeCursor,
  encodeCursor,
  sortKeyOf,
  toCaseRow,
  type CaseRowRecord,
} from "./list-cases";
import {
  caseListParams,
  OPEN_STATUSES,
  parseCaseSearch,
  type TCaseListQuery,
  ZCaseListQuery,
} from "./list-cases.schema";

const STAFF = "7d9f2c1e-3b4a-4c5d-8e6f-9a0b1c2d3e4f";
const ACTOR = "0b5e8a1c-2d3f-4a6b-9c7d-1e2f3a4b5c6d";
const ID = "11111111-2222-4333-8444-555555555555";
const viewer = { staffId: STAFF };
const TODAY = "2026-06-15";
const day = (d: string) => new Date(`${d}T00:00:00Z`);

function parse(input: Record<string, unknown>) {
  return ZCaseListQuery.parse(input);
}
/** The field errors (path -> translation key) of a refused query. */
function refusal(input: Record<string, unknown>) {
  const result = ZCaseListQuery.safeParse(input);
  expect(result.success).toBe(false);
  return Object.fromEntries(fieldErrorsFromZod(result.error!).map((f) => [f.path, f.key]));
}
const query = (over: Partial<TCaseListQuery> = {}): TCaseListQuery => ({ ...parse({}), ...over });

describe("ZCaseListQuery", () => {
  it("defaults to the open queue sorted by due date, 25 a page", () => {
    expect(parse({})).toEqual({ status: "open", sort: "due", limit: 25 });
  });

  it("treats empty and blank values as absent (a select left on 'any', '?right=')", () => {
    expect(
      parse({
        status: "",
        right: "",
        channel: " ",
        assignee: "",
        dueWithin: "",
        overdue: "",
        healthActor: "",
        q: "   ",
        sort: "",
        cursor: "",
        limit: "",
      }),
    ).toEqual({ status: "open", sort: "due", limit: 25 });
  });

  it.each([
    [{ status: "all" }, { status: "all" }],
    [{ status: "open" }, { status: "open" }],
    [{ status: "answered" }, { status: "answered" }],
    [{ status: "AWAITING_IDENTITY" }, { status: "awaiting_identity" }],
    [{ status: " OPEN " }, { status: "open" }],
    [{ right: "erasure" }, { right: "erasure" }],
    [{ right: "post_mortem_directives" }, { right: "post_mortem_directives" }],
    [{ channel: "in_person" }, { channel: "in_person" }],
    [{ assignee: "me" }, { assignee: "me" }],
    [{ assignee: "none" }, { assignee: "none" }],
    [{ assignee: STAFF.toUpperCase() }, { assignee: STAFF }],
    [{ dueWithin: "0" }, { dueWithin: 0 }],
    [{ dueWithin: " 7 " }, { dueWithin: 7 }],
    [{ dueWithin: "365" }, { dueWithin: 365 }],
    [{ dueWithin: 30 }, { dueWithin: 30 }],
    [{ overdue: "1" }, { overdue: true }],
    [{ overdue: "true" }, { overdue: true }],
    [{ overdue: "TRUE" }, { overdue: true }],
    [{ overdue: "0" }, { overdue: false }],
    [{ overdue: "false" }, { overdue: false }],
    [{ overdue: true }, { overdue: true }],
    [{ healthActor: ACTOR }, { healthActor: ACTOR }],
    [{ q: "  Martin " }, { q: "Martin" }],
    [{ q: "x".repeat(100) }, { q: "x".repeat(100) }],
    [{ sort: "received" }, { sort: "received" }],
    [{ sort: "reference" }, { sort: "reference" }],
    [{ cursor: "abc_-" }, { cursor: "abc_-" }],
    [{ limit: "1" }, { limit: 1 }],
    [{ limit: "100" }, { limit: 100 }],
  ])("accepts and coerces %j", (input, expected) => {
    expect(parse(input)).toMatchObject(expected);
  });

  it.each([
    [{ status: "pending" }, "status", "choice"],
    [{ right: "deletion" }, "right", "choice"],
    [{ channel: "fax" }, "channel", "choice"],
    [{ assignee: "someone" }, "assignee", "choice"],
    [{ assignee: "12345" }, "assignee", "choice"],
    [{ dueWithin: "-1" }, "dueWithin", "invalid"],
    [{ dueWithin: "366" }, "dueWithin", "invalid"],
    [{ dueWithin: "7.5" }, "dueWithin", "invalid"],
    [{ dueWithin: "1e2" }, "dueWithin", "invalid"],
    [{ dueWithin: "seven" }, "dueWithin", "invalid"],
    [{ overdue: "yes" }, "overdue", "choice"],
    [{ overdue: "2" }, "overdue", "choice"],
    [{ healthActor: "not-a-uuid" }, "healthActor", "uuid"],
    [{ q: "x".repeat(101) }, "q", "too_long"],
    [{ q: "Mar\u0000tin" }, "q", "characters"],
    [{ sort: "name" }, "sort", "choice"],
    [{ limit: "0" }, "limit", "invalid"],
    [{ limit: "101" }, "limit", "invalid"],
    [{ limit: "ten" }, "limit", "invalid"],
    [{ limit: ["10", "20"] }, "limit", "invalid"],
  ])("%j -> %s: %s", (input, path, key) => {
    expect(refusal(input)).toEqual({ [path]: key });
  });

  it("reports every refused field at once", () => {
    expect(refusal({ status: "x", right: "y", limit: "0" })).toEqual({
      status: "choice",
      right: "choice",
      limit: "invalid",
    });
  });

  it("reads URLSearchParams and Next's searchParams records (first value of a repeated key)", () => {
    const sp = new URLSearchParams("status=all&right=access&right=erasure&limit=10&unknown=1");
    expect(parse(caseListParams(sp))).toEqual({ status: "all", right: "access", sort: "due", limit: 10 });
    expect(parse(caseListParams({ channel: ["post", "web"], overdue: "1", foo: "bar" }))).toEqual({
      status: "open",
      channel: "post",
      overdue: true,
      sort: "due",
      limit: 25,
    });
  });
});

describe("parseCaseSearch", () => {
  it.each([
    ["DR-2026-7K4M-Q9TZ", { kind: "reference", value: "DR-2026-7K4M-Q9TZ" }],
    ["dr-2026-7k4m-q9tz", { kind: "reference", value: "DR-2026-7K4M-Q9TZ" }],
    [" DR-2026-7K4M-Q9TZ ", { kind: "reference", value: "DR-2026-7K4M-Q9TZ" }],
    ["Camille.Martin@Exemple.FR", { kind: "email", value: "camille.martin@exemple.fr" }],
    ["Martin", { kind: "name", value: "martin" }],
    ["de la Fontaine", { kind: "name", value: "delafontaine" }],
    ["Lefèvre-Dupré", { kind: "name", value: "lefevredupre" }],
    ["DR-2026", { kind: "name", value: "dr2026" }],
    ["a @b", { kind: "name", value: "ab" }],
    ["%_\\", { kind: "name", value: "" }],
  ])("%s", (q, expected) => {
    expect(parseCaseSearch(q)).toEqual(expected);
  });
});

describe("caseListFilter", () => {
  it.each<[string, Partial<TCaseListQuery>, object]>([
    ["default: the open statuses", {}, { statuses: [...OPEN_STATUSES] }],
    ["status all: no condition", { status: "all" }, { statuses: null }],
    ["one status", { status: "closed" }, { statuses: ["closed"] }],
    ["right", { status: "all", right: "erasure" }, { statuses: null, right: "erasure" }],
    ["channel", { status: "all", channel: "post" }, { statuses: null, channel: "post" }],
    ["assignee me: the viewer", { status: "all", assignee: "me" }, { statuses: null, assigneeId: STAFF }],
    ["assignee none: unassigned", { status: "all", assignee: "none" }, { statuses: null, assigneeId: null }],
    ["assignee uuid", { status: "all", assignee: ACTOR }, { statuses: null, assigneeId: ACTOR }],
    [
      "dueWithin 0: due today",
      { status: "all", dueWithin: 0 },
      { statuses: null, dueFrom: "2026-06-15", dueTo: "2026-06-15" },
    ],
    [
      "dueWithin 7: today to today + 7",
      { status: "all", dueWithin: 7 },
      { statuses: null, dueFrom: "2026-06-15", dueTo: "2026-06-22" },
    ],
    ["overdue: open and before today", { overdue: true }, { statuses: [...OPEN_STATUSES], dueBefore: "2026-06-15" }],
    [
      "overdue with status all: still only open",
      { status: "all", overdue: true },
      { statuses: [...OPEN_STATUSES], dueBefore: "2026-06-15" },
    ],
    [
      "overdue with one open status",
      { status: "in_progress", overdue: true },
      { statuses: ["in_progress"], dueBefore: "2026-06-15" },
    ],
    [
      "overdue with a closed status: nothing",
      { status: "answered", overdue: true },
      { statuses: [], dueBefore: "2026-06-15" },
    ],
    ["overdue false: no condition", { status: "all", overdue: false }, { statuses: null }],
    ["health actor: a part for it", { status: "all", healthActor: ACTOR }, { statuses: null, healthActorId: ACTOR }],
    [
      "escalated: a health actor's part flagged past due",
      { status: "all", escalated: true },
      { statuses: null, escalated: true },
    ],
    ["clarify: details to clarify", { clarify: true }, { statuses: [...OPEN_STATUSES], needsClarification: true }],
    ["clarify false: no condition", { status: "all", clarify: false }, { statuses: null }],
    [
      "q reference: exact, upper case",
      { status: "all", q: "dr-2026-7k4m-q9tz" },
      { statuses: null, reference: "DR-2026-7K4M-Q9TZ" },
    ],
    [
      "q e-mail: exact, lower case",
      { status: "all", q: "Camille@Exemple.fr" },
      { statuses: null, email: "camille@exemple.fr" },
    ],
    [
      "q name: a range of folded keys",
      { status: "all", q: "Mar" },
      { statuses: null, name: { from: "mar", to: "mas" } },
    ],
    [
      "q name: accents and case folded",
      { status: "all", q: "Lefè" },
      { statuses: null, name: { from: "lefe", to: "leff" } },
    ],
    [
      "q name ending in z: the range ends after the last key below",
      { status: "all", q: "Ruiz" },
      { statuses: null, name: { from: "ruiz", to: "ruj" } },
    ],
    ["q name of only z: no upper end", { status: "all", q: "Zz" }, { statuses: null, name: { from: "zz", to: null } }],
    ["q with no letter or digit: nothing", { status: "all", q: "%_-" }, { statuses: [] }],
    [
      "filters combine",
      { status: "open", right: "access", assignee: "me", dueWithin: 3 },
      { statuses: [...OPEN_STATUSES], right: "access", assigneeId: STAFF, dueFrom: "2026-06-15", dueTo: "2026-06-18" },
    ],
  ])("%s", (_, over, expected) => {
    expect(caseListFilter(query(over), viewer, TODAY)).toEqual(expected);
  });

  it("counts days on the calendar across a month end", () => {
    expect(caseListFilter(query({ status: "all", dueWithin: 20 }), viewer, "2026-12-20")).toMatchObject({
      dueFrom: "2026-12-20",
      dueTo: "2027-01-09",
    });
  });
});

describe("caseListSql", () => {
  const filter = caseListFilter(query({ right: "erasure", q: "O'Brien" }), viewer, TODAY);

  it("passes every value as a parameter, never in the text", () => {
    const sql = caseListSql(filter, "due", { sort: "due", key: "2026-05-04", id: ID }, 26);
    expect(sql.sql).not.toMatch(/erasure|obrien|2026-05-04|11111111/);
    expect(sql.values).toEqual(expect.arrayContaining(["erasure", "obrien", "obrieo", "2026-05-04", ID, 26]));
  });

  it("reads the open queue one status at a time and merges, for the due-date sort only", () => {
    const open = caseListSql(filter, "due", null, 26);
    expect(open.sql.match(/UNION ALL/g)).toHaveLength(OPEN_STATUSES.length - 1);
    expect(caseListSql(filter, "received", null, 26).sql).not.toMatch(/UNION/);
    expect(caseListSql({ statuses: ["closed"] }, "due", null, 26).sql).not.toMatch(/UNION/);
  });

  it.each([
    ["due", /\(r\."dueDate", r\.id\) > \(/, /ORDER BY "dueDate" ASC, id ASC/],
    ["received", /\(r\."receivedAt", r\.id\) < \(/, /ORDER BY "receivedAt" DESC, id DESC/],
    ["reference", /\(r\.reference, r\.id\) > \(/, /ORDER BY reference ASC, id ASC/],
  ] as const)("%s: the cursor is a row comparison in the sort's direction", (sort, after, order) => {
    const key = sort === "due" ? "2026-05-04" : sort === "received" ? "2026-03-31T22:30:00.000Z" : "DR-2026-7K4M-Q9TZ";
    const sql = caseListSql({ statuses: null }, sort, { sort, key, id: ID }, 26).sql;
    expect(sql).toMatch(after);
    expect(sql).toMatch(order);
  });
});

describe("cursors", () => {
  const row = {
    dueDate: day("2026-05-04"),
    receivedAt: new Date("2026-03-31T22:30:00.000Z"),
    reference: "DR-2026-7K4M-Q9TZ",
  };

  it.each([
    ["due", "2026-05-04"],
    ["received", "2026-03-31T22:30:00.000Z"],
    ["reference", "DR-2026-7K4M-Q9TZ"],
  ] as const)("%s: the row's key, round trip through an opaque URL-safe string", (sort, key) => {
    expect(sortKeyOf(sort, row)).toBe(key);
    const text = encodeCursor({ sort, key, id: ID });
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(sort, text)).toEqual({ sort, key, id: ID });
  });

  const b64 = (value: unknown) =>
    Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");
  it.each([
    ["empty", "due", ""],
    ["not base64url", "due", "abc$%^"],
    ["base64 padding", "due", `${b64({ v: 1, s: "due", k: "2026-05-04", id: ID })}=`],
    ["not JSON", "due", b64("hello")],
    ["JSON but not an object", "due", b64([1, 2])],
    ["another version", "due", b64({ v: 2, s: "due", k: "2026-05-04", id: ID })],
    ["id not a uuid", "due", b64({ v: 1, s: "due", k: "2026-05-04", id: "1 OR 1=1" })],
    ["impossible day", "due", b64({ v: 1, s: "due", k: "2026-02-30", id: ID })],
    ["instant for a day", "due", b64({ v: 1, s: "due", k: "2026-05-04T00:00:00.000Z", id: ID })],
    ["day for an instant", "received", b64({ v: 1, s: "received", k: "2026-05-04", id: ID })],
    ["instant with an offset", "received", b64({ v: 1, s: "received", k: "2026-05-04T00:00:00+02:00", id: ID })],
    ["reference with spaces", "reference", b64({ v: 1, s: "reference", k: "DR 2026", id: ID })],
    ["made for another sort", "received", encodeCursor({ sort: "due", key: "2026-05-04", id: ID })],
    ["too long", "due", "A".repeat(301)],
    ["a trailing character", "due", `${encodeCursor({ sort: "due", key: "2026-05-04", id: ID })}x`],
    [
      "a flipped character",
      "due",
      (() => {
        const text = encodeCursor({ sort: "due", key: "2026-05-04", id: ID });
        return `${text.slice(0, 5)}${text[5] === "x" ? "y" : "x"}${text.slice(6)}`;
      })(),
    ],
  ] as const)("%s: AppError malformed (400) with a message in both languages", (_, sort, text) => {
    let error: unknown;
    try {
      decodeCursor(sort, text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).toBe("malformed");
    expect(appError.status).toBe(400);
    expect(appError.userMessage.fr).toMatch(/curseur|cursor/);
    expect(appError.userMessage.en).toMatch(/cursor/);
  });
});

describe("toCaseRow", () => {
  const record: CaseRowRecord = {
    id: ID,
    reference: "DR-2026-7K4M-Q9TZ",
    right: "access",
    status: "in_progress",
    channel: "post",
    receivedAt: new Date("2026-03-31T22:30:00.000Z"),
    dueDate: day("2026-05-04"),
    requesterFirstName: "Camille",
    requesterLastName: "Martin",
    requesterEmail: "camille@exemple.fr",
    subjectFirstName: "Léo",
    subjectLastName: "Martin",
    subjectRelation: "minor",
    identityStatus: "verified",
    pausedSince: new Date("2026-04-10T08:00:00Z"),
    extended: false,
    needsClarification: true,
    assigneeId: STAFF,
    assigneeName: "Agent",
    parts: [
      { handler: "platform", status: "pending", dueDate: "2026-05-04", healthActorName: null, escalated: false },
      {
        handler: "health_actor",
        status: "forwarded",
        dueDate: "2026-04-09",
        healthActorName: "Dr Dupont",
        escalated: true,
      },
    ],
  };

  it("shapes a row, with days left counted from today in Paris", () => {
    // 3 May 2026 at 22:30 UTC is already 4 May in Paris: due today.
    expect(toCaseRow(record, new Date("2026-05-03T22:30:00Z"))).toEqual({
      reference: "DR-2026-7K4M-Q9TZ",
      right: "access",
      status: "in_progress",
      channel: "post",
      receivedAt: "2026-03-31T22:30:00.000Z",
      dueDate: "2026-05-04",
      daysLeft: 0,
      requesterName: "Camille Martin",
      requesterEmail: "camille@exemple.fr",
      subjectName: "Léo Martin",
      subjectRelation: "minor",
      identityStatus: "verified",
      assignee: { id: STAFF, name: "Agent" },
      parts: [
        { handler: "platform", healthActorName: null, status: "pending", dueDate: "2026-05-04", escalated: false },
        {
          handler: "health_actor",
          healthActorName: "Dr Dupont",
          status: "forwarded",
          dueDate: "2026-04-09",
          escalated: true,
        },
      ],
      paused: true,
      extended: false,
      needsClarification: true,
    });
    expect(
      toCaseRow(
        { ...record, pausedSince: null, assigneeId: null, assigneeName: null },
        new Date("2026-05-10T12:00:00Z"),
      ),
    ).toMatchObject({
      daysLeft: -6,
      paused: false,
      assignee: null,
    });
  });
});
