import { describe, expect, it } from "vitest";
import { ZDetails } from "@/lib/requests/submit-request.schema";
import { ART_19_RIGHTS, HEIR_EXCLUDED_RIGHTS, RIGHT_ARTICLES, RIGHT_DEFINITIONS, RIGHT_LABELS, RIGHTS } from ".";

describe("the table of rights", () => {
  it("defines every right under its own key, with a label in both languages and its article", () => {
    expect(Object.keys(RIGHT_DEFINITIONS).sort()).toEqual([...RIGHTS].sort());
    for (const key of RIGHTS) {
      expect(RIGHT_DEFINITIONS[key].key).toBe(key);
      expect(RIGHT_LABELS[key].fr).not.toBe("");
      expect(RIGHT_LABELS[key].en).not.toBe("");
      expect(RIGHT_ARTICLES[key]).toMatch(/art\. \d/);
    }
  });

  it("gives every details field a right reads a place in the request's schema", () => {
    const schemaFields = Object.keys(ZDetails.shape);
    for (const key of RIGHTS) {
      for (const field of RIGHT_DEFINITIONS[key].detailFields) expect(schemaFields, `${key}.${field}`).toContain(field);
    }
  });

  it("tells the recipients after a rectification, an erasure or a restriction (GDPR Art. 19)", () => {
    expect([...ART_19_RIGHTS].sort()).toEqual(["erasure", "rectification", "restriction"]);
  });

  it("leaves heirs access, rectification, erasure, objection and directives (LIL art. 85 II)", () => {
    expect([...HEIR_EXCLUDED_RIGHTS].sort()).toEqual(["consent_withdrawal", "portability", "restriction"]);
  });
});
