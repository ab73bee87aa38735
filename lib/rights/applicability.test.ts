import { describe, expect, it } from "vitest";
import { makeActivity } from "@/tests/support/activity-fixture";
import type { LegalBasis } from "@/lib/registry/types";
import { rightApplicability } from "./applicability";
import { RIGHTS, type RightKey } from "./rights";

const platform = (legalBases: LegalBasis[], directMarketing = false) =>
  makeActivity({ key: "x", legalBases, directMarketing });

describe("rightApplicability on the platform's processing", () => {
  it.each<[RightKey, LegalBasis[], boolean, boolean]>([
    // Portability: consent or contract only (Art. 20(1)(a)).
    ["portability", ["consent"], false, true],
    ["portability", ["contract"], false, true],
    ["portability", ["legitimate_interest"], false, false],
    ["portability", ["legal_obligation"], false, false],
    ["portability", ["legitimate_interest", "consent"], false, true],
    // Objection: legitimate or public interest (Art. 21(1)), always for direct marketing (21(2)).
    ["objection", ["legitimate_interest"], false, true],
    ["objection", ["public_interest"], false, true],
    ["objection", ["contract"], false, false],
    ["objection", ["consent"], true, true],
    ["objection", ["legal_obligation"], false, false],
    // Erasure: refused where the only basis is a legal obligation (Art. 17(3)(b)).
    ["erasure", ["legal_obligation"], false, false],
    ["erasure", ["contract", "legal_obligation"], false, true],
    ["erasure", ["consent"], false, true],
    // Consent withdrawal: where the basis is consent (Art. 7(3)).
    ["consent_withdrawal", ["consent"], false, true],
    ["consent_withdrawal", ["contract", "consent"], false, true],
    ["consent_withdrawal", ["contract"], false, false],
    ["consent_withdrawal", ["legitimate_interest"], true, false],
    // Access, rectification, restriction and directives apply to every processing.
    ["access", ["legal_obligation"], false, true],
    ["rectification", ["legal_obligation"], false, true],
    ["restriction", ["legitimate_interest"], false, true],
    ["post_mortem_directives", ["contract"], false, true],
  ])("%s on %j (marketing %s) -> %s", (right, bases, marketing, expected) => {
    expect(rightApplicability(right, platform(bases, marketing)).applicable).toBe(expected);
  });

  it("gives a readable reason in both languages naming the processing and its basis", () => {
    const activity = makeActivity({
      key: "rights_requests",
      legalBases: ["legal_obligation"],
      purpose: { fr: "Réclamations et demandes de droits", en: "Complaints and rights requests" },
    });
    const result = rightApplicability("erasure", activity);
    expect(result).toMatchObject({ applicable: false, code: "erasure_legal_obligation" });
    if (result.applicable) throw new Error("unreachable");
    expect(result.reason.fr).toContain("Réclamations et demandes de droits");
    expect(result.reason.fr).toContain("une obligation légale");
    expect(result.reason.fr).toContain("17(3)(b)");
    expect(result.reason.en).toContain("Complaints and rights requests");
    expect(result.reason.en).toContain("a legal obligation");
  });
});

describe("rightApplicability on a health actor's processing", () => {
  it.each(RIGHTS)("%s is always forwarded: the actor decides", (right) => {
    const activity = makeActivity({ key: "practice_software", controller: "health_actor", legalBases: [] });
    expect(rightApplicability(right, activity)).toEqual({ applicable: true });
  });
});
