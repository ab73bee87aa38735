import { describe, expect, it } from "vitest";
import { lineText, multilineText, requiredLine, requiredText, textProblem } from "./text";

const issueOf = (
  schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } } },
  value: unknown,
) => {
  const result = schema.safeParse(value);
  return result.success ? null : result.error!.issues.map((i) => i.message);
};

describe("textProblem: what may be stored as typed", () => {
  it.each<[string, string, boolean, string | null]>([
    ["plain French text", "Élise Ñúñez-O'Brien, 3e étage", false, null],
    ["emoji (a valid surrogate pair)", "Merci 🙏", false, null],
    ["NUL", "Cam\u0000ille", false, "characters"],
    ["NUL in a multi-line text", "ligne 1\n\u0000", true, "characters"],
    ["a lone high surrogate", "Bonjour \ud800", true, "characters"],
    ["a lone low surrogate", "\udc00", false, "characters"],
    ["a C0 control (bell)", "a\u0007b", true, "characters"],
    ["escape", "\u001b[31m", true, "characters"],
    ["DEL", "a\u007fb", true, "characters"],
    ["a C1 control (NEL)", "a\u0085b", true, "characters"],
    ["a C1 control (CSI)", "a\u009bb", true, "characters"],
    ["a line feed on one line", "a\nb", false, "line_break"],
    ["a carriage return on one line", "a\rb", false, "line_break"],
    ["a tab on one line", "a\tb", false, "line_break"],
    ["a Unicode line separator on one line", "a\u2028b", false, "line_break"],
    ["line breaks and tabs in a multi-line text", "Madame,\r\n\tje demande\n", true, null],
    ["a vertical tab even in a multi-line text", "a\u000bb", true, "characters"],
  ])("%s", (_name, text, multiline, expected) => {
    expect(textProblem(text, multiline)).toBe(expected);
  });
});

describe("the shared text schemas", () => {
  it("trim, then hold the length", () => {
    expect(requiredLine(5).parse("  Léo  ")).toBe("Léo");
    expect(issueOf(requiredLine(5), "Camille")).toEqual(["too_long"]);
    expect(issueOf(requiredText(5), " \n ")).toEqual(["required"]);
    expect(lineText(5).parse("")).toBe("");
    expect(multilineText(20).parse("a\nb")).toBe("a\nb");
  });

  it.each<[string, unknown, string[]]>([
    ["missing", undefined, ["required"]],
    ["a number", 42, ["invalid"]],
    ["an object", { toString: "x" }, ["invalid"]],
    ["an array", ["a"], ["invalid"]],
    ["null", null, ["invalid"]],
  ])("refuse what is not a string (%s) with its own key", (_name, value, keys) => {
    expect(issueOf(requiredLine(10), value)).toEqual(keys);
  });

  it("refuse controls and breaks with the FIELD_ERRORS key", () => {
    expect(issueOf(requiredLine(50), "Dupont\u0000")).toEqual(["characters"]);
    expect(issueOf(requiredLine(50), "Du\npont")).toEqual(["line_break"]);
    expect(issueOf(requiredText(50), "Du\npont")).toBeNull();
  });
});
