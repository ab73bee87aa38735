import { describe, expect, it } from "vitest";
import { fill } from "./fill";
import { messages } from "./messages";

describe("fill", () => {
  it("fills every placeholder and leaves unknown ones visible", () => {
    expect(fill(messages("fr").form.stepOf, { n: 2, total: 6 })).toBe("Étape 2 sur 6");
    expect(fill(messages("en").form.stepOf, { n: 2, total: 6 })).toBe("Step 2 of 6");
    expect(fill("{a} et {b}", { a: "x" })).toBe("x et {b}");
  });

  it("both dictionaries have the same keys", () => {
    const keys = (o: object, prefix = ""): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        v && typeof v === "object" && !Array.isArray(v) ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
      );
    expect(keys(messages("en")).sort()).toEqual(keys(messages("fr")).sort());
  });
});
