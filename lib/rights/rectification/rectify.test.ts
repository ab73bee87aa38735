import { describe, expect, it } from "vitest";
import { diffRecord } from "./rectify";
import { ZRectify } from "./rectify.schema";

describe("diffRecord", () => {
  const record = { firstName: "Camille", lastName: "Martin", birthDate: new Date("1986-04-12T00:00:00Z"), phone: null };

  it("keeps only the fields that change, with their value before", () => {
    expect(
      diffRecord(record, [
        { field: "lastName", value: "Martin-Durand" },
        { field: "firstName", value: "Camille" },
        { field: "birthDate", value: "1986-04-21" },
        { field: "phone", value: "06 12 34 56 78" },
      ]),
    ).toEqual([
      { field: "lastName", before: "Martin", after: "Martin-Durand" },
      { field: "birthDate", before: "1986-04-12", after: "1986-04-21" },
      { field: "phone", before: null, after: "06 12 34 56 78" },
    ]);
  });

  it("takes the last value given for a field", () => {
    expect(
      diffRecord(record, [
        { field: "lastName", value: "A" },
        { field: "lastName", value: "B" },
      ]),
    ).toEqual([{ field: "lastName", before: "Martin", after: "B" }]);
  });
});

describe("ZRectify", () => {
  it.each([
    [{ changes: [] }, "changes"],
    [{ changes: [{ field: "email", value: "x@y.fr" }] }, "changes.0.field"],
    [{ changes: [{ field: "birthDate", value: "12/04/1986" }] }, "changes.0.value"],
    [{ changes: [{ field: "lastName", value: " " }] }, "changes.0.value"],
  ])("refuses %j at %s", (input, path) => {
    const result = ZRectify.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join("."))).toContain(path);
  });
});
