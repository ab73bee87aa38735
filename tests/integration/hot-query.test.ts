import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db, hotQuery, runStatement, statement } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

const sample = (id: string) => Prisma.sql`
  SELECT ${id}::uuid AS id, 'Léa' AS name, 42::int AS count, true AS flag, '{"a":[1,"b"]}'::json AS doc,
    '2026-03-31T22:30:00.123Z'::timestamptz AS at, ARRAY['x','y']::text[] AS tags, NULL::text AS nothing`;

describe("hotQuery: single statements on the pool under Prisma", () => {
  it("reads the hot statements' column types as $queryRaw does", async () => {
    const id = randomUUID();
    const viaPool = await hotQuery(db(), sample(id));
    const viaPrisma = await db().$queryRaw<unknown[]>(sample(id));
    expect(viaPool).toEqual(viaPrisma);
    expect(viaPool).toEqual([
      {
        id,
        name: "Léa",
        count: 42,
        flag: true,
        doc: { a: [1, "b"] },
        at: new Date("2026-03-31T22:30:00.123Z"),
        tags: ["x", "y"],
        nothing: null,
      },
    ]);
  });

  it("sends the same statement again and again with new values (prepared once per connection)", async () => {
    const ids = Array.from({ length: 30 }, () => randomUUID());
    const rows = await Promise.all(ids.map((id) => hotQuery<{ id: string }>(db(), sample(id))));
    expect(rows.map((r) => r[0]!.id)).toEqual(ids);
  });

  it("runs inside the transaction it is given, which sees the transaction's own writes", async () => {
    const email = `hot-${randomUUID()}@exemple.fr`;
    const seen = await db()
      .$transaction(async (tx) => {
        await tx.staffUser.create({ data: { email, name: "Agent", role: "dpo_agent" } });
        const rows = await hotQuery<{ n: number }>(
          tx,
          Prisma.sql`SELECT count(*)::int AS n FROM "StaffUser" WHERE email = ${email}`,
        );
        throw Object.assign(new Error("roll back"), { rows });
      })
      .catch((error: { rows: { n: number }[] }) => error.rows);
    expect(seen).toEqual([{ n: 1 }]);
    expect(await db().staffUser.count({ where: { email } })).toBe(0);
  });

  it("still answers statements of many different texts", async () => {
    const texts = Array.from({ length: 40 }, (_, i) => Prisma.sql`SELECT ${i}::int AS ${Prisma.raw(`col_${i}`)}`);
    const rows = await Promise.all(texts.map((text) => hotQuery<Record<string, number>>(db(), text)));
    expect(rows.map((r, i) => r[0]![`col_${i}`])).toEqual(texts.map((_, i) => i));
  });

  it("runs a statement of named parameters, one placeholder per name, on the pool or in a transaction", async () => {
    const echo = statement`SELECT ${"a"}::int AS a, ${"b"}::text AS b, ${"a"}::int + 1 AS next`;
    expect(echo.text).toBe("SELECT $1::int AS a, $2::text AS b, $1::int + 1 AS next");
    expect(echo.keys).toEqual(["a", "b"]);
    expect(await runStatement(db(), echo, { a: 41, b: "x" })).toEqual([{ a: 41, b: "x", next: 42 }]);
    const inTx = await db().$transaction((tx) => runStatement(tx, echo, { a: 1, b: "y" }));
    expect(inTx).toEqual([{ a: 1, b: "y", next: 2 }]);
  });
});
