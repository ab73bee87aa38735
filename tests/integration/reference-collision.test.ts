import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/v1/requests/route";
import { db } from "@/lib/db";
import type * as reference from "@/lib/requests/reference";
import { REFERENCE_PATTERN } from "@/lib/validation/ids";
import { apiRequest, demoData, requestBody, rowCounts, staffToken } from "./support";

// The random reference is drawn as usual, except when a test makes the next one a taken reference.
const forced: string[] = [];
vi.mock("@/lib/requests/reference", async (original) => {
  const actual = await original<typeof reference>();
  return { ...actual, generateReference: (year: number) => forced.shift() ?? actual.generateReference(year) };
});

let token: string;

beforeAll(async () => {
  await demoData();
  ({ token } = await staffToken());
});

async function post(body: unknown) {
  const response = await POST(apiRequest("/api/v1/requests", { token, body }));
  return { status: response.status, body: (await response.json()) as { reference: string } };
}

const delta = (after: Record<string, number>, before: Record<string, number>) =>
  Object.fromEntries(Object.keys(after).map((table) => [table, after[table]! - before[table]!]));

describe("a new case whose random reference is already taken", () => {
  it("is written once under a fresh reference, with nothing left of the failed attempt", async () => {
    const start = await rowCounts();
    const first = await post(requestBody());
    expect(first.status).toBe(201);
    const afterFirst = await rowCounts();

    forced.push(first.body.reference);
    const second = await post(requestBody());

    expect(second.status).toBe(201);
    expect(forced).toEqual([]);
    expect(second.body.reference).not.toBe(first.body.reference);
    expect(second.body.reference).toMatch(REFERENCE_PATTERN);
    // The same rows as an ordinary submission: the failed statement wrote none.
    expect(delta(await rowCounts(), afterFirst)).toEqual(delta(afterFirst, start));
    expect(await db().rightsRequest.count({ where: { reference: first.body.reference } })).toBe(1);
  });

  it("asks to try again after three taken references in a row, writing nothing", async () => {
    const taken = (await post(requestBody())).body.reference;
    const before = await rowCounts();

    forced.push(taken, taken, taken);
    const response = await POST(apiRequest("/api/v1/requests", { token, body: requestBody() }));

    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).not.toBeNull();
    expect(forced).toEqual([]);
    expect(await rowCounts()).toEqual(before);
  });
});
