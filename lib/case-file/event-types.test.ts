import { describe, expect, it } from "vitest";
import { verifyChain } from "./chain";
import { checkedPayload, eventPartId, eventPayload, readPayload } from "./event-types";
import { chainEvent } from "./events";

describe("the table of case events", () => {
  it("writes a payload of its type's shape, and refuses a wrong or unknown field", () => {
    expect(checkedPayload("note", { text: "Appel du patient." })).toEqual({ text: "Appel du patient." });
    expect(() => checkedPayload("note", { text: 3 } as never)).toThrow();
    expect(() => checkedPayload("assign", { agentId: "a", extra: true } as never)).toThrow(/extra/);
    expect(() =>
      checkedPayload("actor_answer", { partId: "p", mode: "portal", sentOn: "2026-01-01" } as never),
    ).toThrow();
  });

  it("reads a stored payload by its type, and nothing of another type", () => {
    const stored = { type: "request_information", payload: { message: "Votre date de naissance ?", documents: [] } };
    expect(readPayload("request_information", stored)?.message).toBe("Votre date de naissance ?");
    expect(readPayload("note", stored)).toBeNull();
    expect(readPayload("note", null)).toBeNull();
    // What is stored and does not fit its shape is not read (a page still shows).
    expect(readPayload("request_information", { type: "request_information", payload: { message: 1 } })).toBeNull();
  });

  it("finds the part an event names, and reads an unknown type as empty", () => {
    expect(eventPartId({ type: "actor_decline", payload: { partId: "p1" } })).toBe("p1");
    expect(eventPartId({ type: "withdraw", payload: {} })).toBeNull();
    expect(eventPayload({ type: "no_such_event", payload: { anything: 1 } })).toEqual({});
    expect(eventPayload({ type: "note", payload: { text: 3 } })).toEqual({});
  });

  it("chains every event the same way, the first one included", () => {
    const at = new Date("2026-04-01T08:00:00Z");
    const first = chainEvent(
      "case-1",
      null,
      {
        type: "submit_unverified",
        actorType: "api",
        actorId: "token",
        payload: { channel: "post", identityStatus: "unverified", missingProofs: [], parts: [] },
      },
      at,
    );
    const second = chainEvent(
      "case-1",
      first.hash,
      {
        type: "assign",
        actorType: "staff",
        actorId: "agent",
        payload: { agentId: "agent" },
      },
      new Date(at.getTime() + 1000),
    );
    expect(verifyChain([first, second].map((e, i) => ({ id: BigInt(i + 1), ...e })))).toEqual({ ok: true, events: 2 });
  });
});
