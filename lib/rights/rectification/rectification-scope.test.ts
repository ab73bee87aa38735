import { describe, expect, it } from "vitest";
import { RECTIFIABLE_FIELDS } from "./rectifiable-fields";
import { currentRegistry } from "@/lib/registry";
import { FIELD_ACTIVITIES, rectificationBatches } from "./rectification-scope";

describe("rectificationBatches", () => {
  const registry = currentRegistry();
  const held = [
    "account_management",
    "account_information",
    "personalised_services",
    "map_service",
    "direct_marketing",
  ];

  it("tells each recipient only of the corrected fields its processing holds", () => {
    const batches = rectificationBatches(registry, held, [
      { field: "city", after: "Villeurbanne" },
      { field: "phone", after: "+33 6 99 99 99 99" },
    ]);
    const of = (recipient: string) =>
      batches.find((b) => b.recipients.includes(recipient))?.changes.map((c) => c.field);
    expect(of("Braze")).toEqual(["city", "phone"]);
    expect(of("Google (Google Maps)")).toEqual(["city"]);
    expect(of("Didomi")).toEqual(["city"]);
    // Each recipient once, in one batch.
    const all = batches.flatMap((b) => b.recipients);
    expect(new Set(all).size).toBe(all.length);
  });

  it("leaves out recipients holding none of the fields, and the platform's own hosts", () => {
    const batches = rectificationBatches(
      registry,
      ["direct_marketing", "map_service"],
      [{ field: "phone", after: "+33 6 99 99 99 99" }],
    );
    expect(batches).toEqual([]);
    const street = rectificationBatches(registry, held, [{ field: "street", after: "2 rue Basse" }]);
    expect(street.flatMap((b) => b.recipients).sort()).toEqual(["Didomi", "Google (Google Maps)"]);
  });

  it("knows every rectifiable field, each held by the account at least, in the registry's platform processing", () => {
    const keys = new Set(registry.activities.filter((a) => a.controller === "platform").map((a) => a.key));
    for (const field of RECTIFIABLE_FIELDS) {
      expect(FIELD_ACTIVITIES[field]).toContain("account_management");
      for (const key of FIELD_ACTIVITIES[field]) expect(keys.has(key)).toBe(true);
    }
  });
});
