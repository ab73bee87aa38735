import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "./csv";

describe("csv", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['dit "non"', '"dit ""non"""'],
    ["deux\nlignes", '"deux\nlignes"'],
    ["=HYPERLINK(1)", "'=HYPERLINK(1)"],
    ["-2", "'-2"],
    [null, ""],
    [42, "42"],
  ] as const)("%j -> %j", (value, expected) => expect(csvCell(value)).toBe(expected));

  it("joins a row", () => expect(csvRow(["a", 1, null, "x;y"])).toBe('a,1,,"x;y"\n'));
});
