import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { isReference, isUuid, requireReference, requireUuid } from "./ids";

describe("isUuid: the one check of ids from URLs, bodies and cursors", () => {
  it.each<[string, unknown, boolean]>([
    ["a v4 UUID", "7f1c1a52-7a36-4c49-9d38-0c2f3b0f0e11", true],
    ["upper case", "7F1C1A52-7A36-4C49-9D38-0C2F3B0F0E11", true],
    ["a v5 UUID (the demo's)", "3d6f0f0e-8a51-5c1b-9f55-6e2b7f1a9c40", true],
    ["36 dashes", "-".repeat(36), false],
    ["36 hex digits without dashes", "7f1c1a527a364c499d380c2f3b0f0e11abcd", false],
    ["dashes in the wrong places", "7f1c1a5-27a36-4c49-9d38-0c2f3b0f0e11", false],
    ["a letter beyond f", "7f1c1a52-7a36-4c49-9d38-0c2f3b0f0e1g", false],
    ["no version digit", "7f1c1a52-7a36-0c49-9d38-0c2f3b0f0e11", false],
    ["a NUL", "7f1c1a52-7a36-4c49-9d38-0c2f3b0f0e1\u0000", false],
    ["a trailing newline", "7f1c1a52-7a36-4c49-9d38-0c2f3b0f0e11\n", false],
    ["empty", "", false],
    ["a number", 42, false],
    ["an object", { id: "7f1c1a52-7a36-4c49-9d38-0c2f3b0f0e11" }, false],
  ])("%s", (_name, value, expected) => {
    expect(isUuid(value)).toBe(expected);
  });
});

describe("isReference: a case reference as the portal writes it", () => {
  it.each<[string, unknown, boolean]>([
    ["a reference", "DR-2026-7K4M-Q9TZ", true],
    ["lower case", "dr-2026-7k4m-q9tz", false],
    ["I, L, O, U are not in the alphabet", "DR-2026-7K4M-Q9TO", false],
    ["a NUL", "DR-2026-7K4M-Q9T\u0000", false],
    ["a lone surrogate", "DR-2026-7K4M-Q9T\ud800", false],
    ["dot-dot-slash", "../../etc", false],
    ["too long", "DR-2026-7K4M-Q9TZZ", false],
    ["a number", 2026, false],
  ])("%s", (_name, value, expected) => {
    expect(isReference(value)).toBe(expected);
  });

  it("a bad reference or id is a 404, the same as one nobody holds", () => {
    expect(requireReference("DR-2026-7K4M-Q9TZ")).toBe("DR-2026-7K4M-Q9TZ");
    expect(() => requireReference("%00")).toThrow(AppError);
    try {
      requireUuid("-".repeat(36), () => new AppError("not_found", { fr: "Introuvable.", en: "Not found." }));
      throw new Error("accepted");
    } catch (error) {
      expect((error as AppError).status).toBe(404);
    }
  });
});
