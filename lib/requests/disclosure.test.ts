import { describe, expect, it } from "vitest";
import { REGISTRY } from "@/lib/registry/activities";
import { partVisibleToRequester, requesterParts, scopeReachesActors } from "./disclosure";

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
