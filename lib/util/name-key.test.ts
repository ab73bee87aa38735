import { describe, expect, it } from "vitest";
import { nameKey, nameKeyRange } from "./name-key";

describe("nameKey", () => {
  it.each([
    ["Martin", "martin"],
    ["Lefèvre-Dupré", "lefevredupre"],
    ["lefevre dupre", "lefevredupre"],
    ["N'Diaye", "ndiaye"],
    ["Œuvray", "oeuvray"],
    ["Lætitia", "laetitia"],
    ["Ångström", "angstrom"],
    ["Gößmann", "gossmann"],
    ["Łukasz", "lukasz"],
    ["Çelik", "celik"],
    ["ＭＡＲＴＩＮ", "martin"],
    ["Louis XIV 2", "louisxiv2"],
    ["%_\\", ""],
  ])("%s -> %s", (name, key) => expect(nameKey(name)).toBe(key));
});

describe("nameKeyRange", () => {
  it.each([
    ["mar", { from: "mar", to: "mas" }],
    ["m", { from: "m", to: "n" }],
    ["ruiz", { from: "ruiz", to: "ruj" }],
    ["az9", { from: "az9", to: "aza" }],
    ["zz", { from: "zz", to: null }],
  ])("%s", (prefix, range) => expect(nameKeyRange(prefix)).toEqual(range));

  it("holds exactly the keys that start with the prefix, in byte order", () => {
    const keys = ["mar", "mara", "marz", "marzzz9", "mas", "ma", "mbr", "lzz", "mar0"];
    for (const prefix of ["mar", "ma", "marz", "z"]) {
      const { from, to } = nameKeyRange(prefix);
      const inRange = keys.filter((k) => k >= from && (to === null || k < to));
      expect(inRange.sort()).toEqual(keys.filter((k) => k.startsWith(prefix)).sort());
    }
  });
});
