import { describe, expect, it } from "vitest";
import { flattenErrors } from "./field-errors";

describe("flattenErrors", () => {
  it("lists each field's message once, by its dotted path, in order, the form's own error without a path", () => {
    const ref = { name: "x" };
    expect(
      flattenErrors({
        reason: { type: "too_small", message: "Ce champ est obligatoire.", ref },
        changes: [{ value: { type: "custom", message: "Date" } }],
        root: { type: "server", message: "Refusé." },
        empty: undefined,
      }),
    ).toEqual([
      { path: "reason", message: "Ce champ est obligatoire." },
      { path: "changes.0.value", message: "Date" },
      { path: "", message: "Refusé." },
    ]);
  });
});
