import { describe, expect, it } from "vitest";
import { eventPartId } from "@/lib/case-file/event-types";
import { REGISTRY } from "@/lib/registry/activities";
import { partVisibleToRequester, requesterEvents, requesterParts, scopeReachesActors } from "./disclosure";

const platform = { healthActor: null, visibleToRequester: true };
const known = { healthActor: { name: "Dr Known" }, visibleToRequester: true };
const unknown = { healthActor: { name: "Dr Hidden" }, visibleToRequester: false };

describe("what a requester is told about health actors", () => {
  it("an actor is named only when known from the requester's own account or named by them", () => {
    expect(partVisibleToRequester("a", new Set(["a"]))).toBe(true);
    expect(partVisibleToRequester("a", new Set(), ["a"])).toBe(true);
    expect(partVisibleToRequester("a", new Set(["b"]), ["c"])).toBe(false);
  });

  it("a stranger sees the same thing whether the person is known to the platform or not", () => {
    const personKnown = requesterParts([platform, unknown, unknown], true);
    const personUnknown = requesterParts([platform], true);
    expect(personKnown.visible).toEqual(personUnknown.visible);
    expect(personKnown.actorsNote).toBe(personUnknown.actorsNote);
    expect(personKnown.actorsNote).toBe(true);
  });

  it("no note when every actor is named, or when the scope is the platform's processing only", () => {
    expect(requesterParts([platform, known], true).actorsNote).toBe(false);
    expect(requesterParts([platform], false).actorsNote).toBe(false);
    expect(requesterParts([platform, known, unknown], true).visible).toEqual([platform, known]);
  });

  it.each([
    [{}, true],
    [{ activities: ["direct_marketing"] }, false],
    [{ activities: ["direct_marketing", "practice_software"] }, true],
    [{ activities: ["direct_marketing"], healthActorIds: ["x"] }, true],
  ])("scope %j reaches health actors: %s", (scope, expected) => {
    expect(scopeReachesActors(scope, REGISTRY)).toBe(expected);
  });
});

describe("requesterEvents", () => {
  const parts = [
    { id: "p0", healthActor: null, visibleToRequester: true },
    { id: "known", healthActor: { name: "Dr A" }, visibleToRequester: true },
    { id: "unknown", healthActor: { name: "Dr B" }, visibleToRequester: false },
  ];
  const labelled = (type: string) => type !== "note";
  // Each with the payload its type is written with (lib/case-file/event-types.ts).
  const payloads: Record<string, (partId: string) => object> = {
    submit_verified: () => ({ channel: "web", identityStatus: "verified", missingProofs: [], parts: [] }),
    note: () => ({ text: "Appelé le patient." }),
    forward: (partId) => ({ partId, healthActorId: "actor", dueDate: "2026-05-04" }),
    actor_decline: (partId) => ({ partId }),
    answer_part: (partId) => ({ partId, outcome: "granted", grounds: [] }),
  };
  const e = (type: string, partId: string | null, actorType = "system") => ({
    type,
    actorType,
    payload: payloads[type]!(partId ?? ""),
  });

  it("keeps labelled steps, hides the forwarding of a part the requester may not know of, shows what its actor did", () => {
    const events = [
      e("submit_verified", null, "requester"),
      e("note", null, "staff"),
      e("forward", "known"),
      e("forward", "unknown"),
      e("actor_decline", "unknown", "health_actor"),
      e("answer_part", "p0", "staff"),
    ];
    expect(requesterEvents(events, parts, labelled).map((x) => `${x.type}:${eventPartId(x) ?? ""}`)).toEqual([
      "submit_verified:",
      "forward:known",
      "actor_decline:unknown",
      "answer_part:p0",
    ]);
  });
});
