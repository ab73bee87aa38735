import { describe, expect, it } from "vitest";
import { ZDetails } from "@/lib/requests/submit-request.schema";
import {
  ART_19_RIGHTS,
  actorDetailLines,
  HEIR_EXCLUDED_RIGHTS,
  RIGHT_ARTICLES,
  RIGHT_DEFINITIONS,
  RIGHT_LABELS,
  RIGHTS,
} from ".";

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

  it("shows a health actor what the patient asked of the right, in its language, and nothing of an empty field", () => {
    expect(
      actorDetailLines(
        "post_mortem_directives",
        {
          directives: "Effacer mon compte, transmettre mes comptes rendus à ma fille.",
          designatedPerson: { firstName: "Léa", lastName: "Martin", email: "lea.martin@exemple.fr" },
        },
        "en",
      ),
    ).toEqual([
      { label: "Directives", value: "Effacer mon compte, transmettre mes comptes rendus à ma fille." },
      { label: "Person designated to carry them out", value: "Léa Martin <lea.martin@exemple.fr>" },
    ]);
    expect(actorDetailLines("portability", { portabilityFormat: "csv" }, "fr")).toEqual([
      { label: "Format demandé", value: "CSV" },
    ]);
    expect(actorDetailLines("restriction", { restrictionGround: "legal_claims" }, "en")).toEqual([
      { label: "Ground (GDPR Art. 18(1))", value: "The person needs the data for legal claims (c)" },
    ]);
    expect(actorDetailLines("objection", { objectionGrounds: "   " }, "fr")).toEqual([]);
    expect(actorDetailLines("access", {}, "fr")).toEqual([]);
  });
});
