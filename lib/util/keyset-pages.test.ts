import { describe, expect, it } from "vitest";
import { keysetOrder, keysetPages, rowsAfter } from "./keyset-pages";

describe("keyset pages", () => {
  it("reads the rows after the last one, in the order of the timestamp then the id", () => {
    const at = new Date("2026-04-01T08:00:00Z");
    expect(rowsAfter("startsAt", null)).toEqual({});
    expect(rowsAfter("startsAt", { id: "b", startsAt: at })).toEqual({
      OR: [{ startsAt: { gt: at } }, { startsAt: at, id: { gt: "b" } }],
    });
    expect(keysetOrder("createdAt")).toEqual([{ createdAt: "asc" }, { id: "asc" }]);
  });

  it("pages until a short page, each after the last row of the one before", async () => {
    const rows = Array.from({ length: 7 }, (_, i) => ({ id: String(i) }));
    const asked: (string | null)[] = [];
    const pages: string[][] = [];
    for await (const page of keysetPages(async (after: { id: string } | null) => {
      asked.push(after?.id ?? null);
      const from = after ? Number(after.id) + 1 : 0;
      return rows.slice(from, from + 3);
    }, 3))
      pages.push(page.map((r) => r.id));
    expect(pages).toEqual([["0", "1", "2"], ["3", "4", "5"], ["6"]]);
    expect(asked).toEqual([null, "2", "5"]);
  });
});
