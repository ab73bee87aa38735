import { describe, expect, it } from "vitest";
import { stillMissingProofs } from "./complete-proofs";

describe("stillMissingProofs", () => {
  it.each([
    ["missing at filing, nothing sent since", ["id_document"], [], ["id_document"]],
    ["sent since", ["id_document"], [{ kind: "id_document", storageKey: "proofs/a" }], []],
    [
      "an abandoned upload's deleted file is asked again",
      ["id_document"],
      [{ kind: "heir_proof", storageKey: null }],
      ["id_document", "heir_proof"],
    ],
    [
      "a proof on file stays counted",
      ["id_document"],
      [{ kind: "heir_proof", storageKey: "proofs/b" }],
      ["id_document"],
    ],
    [
      "deleted, then sent again",
      [],
      [
        { kind: "mandate", storageKey: null },
        { kind: "mandate", storageKey: "proofs/c" },
      ],
      [],
    ],
    ["in the form's order", ["id_document", "death_certificate"], [], ["id_document", "death_certificate"]],
  ] as const)("%s", (_, missing, proofs, expected) => {
    expect(stillMissingProofs(missing, [...proofs])).toEqual(expected);
  });
});
