import { describe, expect, it } from "vitest";
import { splitSqlStatements, statementsPreventingTransaction } from "./sql-split";

describe("splitSqlStatements", () => {
  it("splits on top-level semicolons only", () => {
    const sql = `SELECT 'a;''b'; SELECT "x;""y"; SELECT E'\\';'; CREATE FUNCTION f() AS $body$ a; b $body$; /* c; */ -- d;\nSELECT 1`;
    expect(splitSqlStatements(sql)).toEqual([
      `SELECT 'a;''b'`,
      `SELECT "x;""y"`,
      `SELECT E'\\';'`,
      "CREATE FUNCTION f() AS $body$ a; b $body$",
      "SELECT 1",
    ]);
  });

  it("finds what cannot run inside a transaction", () => {
    expect(statementsPreventingTransaction("BEGIN; ALTER TYPE x ADD VALUE 'y'; COMMIT;")).toEqual(["BEGIN", "COMMIT"]);
    expect(statementsPreventingTransaction('CREATE INDEX CONCURRENTLY i ON "T"(a);')).toHaveLength(1);
    expect(statementsPreventingTransaction("CREATE INDEX i ON \"T\"(a); SELECT 'BEGIN;';")).toEqual([]);
  });
});
