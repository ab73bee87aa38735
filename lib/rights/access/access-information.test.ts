import { describe, expect, it } from "vitest";
import { currentRegistry } from "@/lib/registry";
import { accessInformation } from "./access-information";

describe("accessInformation", () => {
  const registry = currentRegistry();
  const platform = registry.activities.filter((a) => a.controller === "platform");
  const actorKey = registry.activities.find((a) => a.controller === "health_actor")!.key;

  it("covers exactly the platform's activities asked, each with (a) to (e)", () => {
    const keys = platform.slice(0, 3).map((a) => a.key);
    const info = accessInformation(registry, [...keys, actorKey, "unknown"], "fr");
    expect(info.activities.map((a) => a.key)).toEqual(keys);
    for (const a of info.activities) {
      expect(a.purpose).not.toBe("");
      expect(a.legalBasis).not.toBe("");
      expect(a.categories.length).toBeGreaterThan(0);
      expect(a.retention).not.toBe("");
      expect(a.rights).toContain("Accès à mes données");
      // Directives concern the person's data as a whole, not each processing.
      expect(a.rights).not.toContain("Directives post mortem");
      expect(a.rightsNotApplicable.join()).not.toContain("Directives post mortem");
    }
    expect(info.complaint).toContain("CNIL");
    expect(info.automatedDecisions).toMatch(/Aucune décision/);
    expect(info.transfers).toMatch(/Union européenne/);
  });

  it("states which rights do not apply and why (erasure of what the law requires to keep)", () => {
    const legalObligation = platform.find((a) => a.legalBases.length === 1 && a.legalBases[0] === "legal_obligation");
    expect(legalObligation).toBeDefined();
    const [info] = accessInformation(registry, [legalObligation!.key], "en").activities;
    expect(info!.rightsNotApplicable.some((r) => r.startsWith("Erasure"))).toBe(true);
    expect(info!.rights).not.toContain("Erasure");
  });
});
