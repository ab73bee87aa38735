import { describe, expect, it } from "vitest";
import { eventHash, type StoredEvent, verifyChain } from "./chain";

function chain(n: number): StoredEvent[] {
  const events: StoredEvent[] = [];
  let prev: string | null = null;
  for (let i = 0; i < n; i++) {
    const base = {
      requestId: "r1",
      type: `step_${i}`,
      actorType: "staff",
      actorId: "a",
      payload: { i, text: "é" },
      createdAt: new Date(1_800_000_000_000 + i * 1000),
    };
    const hash = eventHash(prev, base);
    events.push({ ...base, id: BigInt(i + 1), prevHash: prev, hash });
    prev = hash;
  }
  return events;
}

describe("audit hash chain", () => {
  it("an untouched chain verifies", () => {
    expect(verifyChain(chain(5))).toEqual({ ok: true, events: 5 });
    expect(verifyChain([])).toEqual({ ok: true, events: 0 });
  });

  it.each([
    ["an altered payload", (e: StoredEvent[]) => (e[2]!.payload = { i: 2, text: "autre" }), "3", "hash_mismatch"],
    ["an altered date", (e: StoredEvent[]) => (e[1]!.createdAt = new Date(0)), "2", "hash_mismatch"],
    ["a deleted event", (e: StoredEvent[]) => e.splice(1, 1), "3", "prev_mismatch"],
    ["a swapped pair", (e: StoredEvent[]) => e.splice(1, 2, e[2]!, e[1]!), "3", "prev_mismatch"],
  ])("points at the first broken link after %s", (_label, tamper, eventId, reason) => {
    const events = chain(5);
    tamper(events);
    expect(verifyChain(events)).toEqual({ ok: false, eventId, reason });
  });

  it("does not depend on the order of the payload's keys", () => {
    const base = { requestId: "r", type: "t", actorType: "api", actorId: null, createdAt: new Date(0) };
    expect(eventHash(null, { ...base, payload: { a: 1, b: 2 } })).toBe(
      eventHash(null, { ...base, payload: { b: 2, a: 1 } }),
    );
  });
});
