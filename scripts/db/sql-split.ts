/**
 * A small PostgreSQL lexer: splits a script into top-level statements, ignoring `;` inside
 * comments, quoted strings, quoted identifiers and dollar-quoted bodies. Used only to decide
 * how to apply a migration (see migrate-deploy-core.ts); the script itself is always sent
 * to the server as written.
 */
export function splitSqlStatements(sql: string): string[] {
  const out: string[] = [];
  let cur = "";
  let i = 0;
  const n = sql.length;
  const isIdentChar = (ch: string | undefined) => ch !== undefined && /[A-Za-z0-9_$]/.test(ch);
  while (i < n) {
    const c = sql[i]!;
    const next = sql[i + 1];
    if (c === "-" && next === "-") {
      const j = sql.indexOf("\n", i);
      i = j < 0 ? n : j;
      cur += " ";
      continue;
    }
    if (c === "/" && next === "*") {
      let depth = 1;
      i += 2;
      while (i < n && depth > 0) {
        if (sql.startsWith("/*", i)) {
          depth++;
          i += 2;
        } else if (sql.startsWith("*/", i)) {
          depth--;
          i += 2;
        } else {
          i++;
        }
      }
      cur += " ";
      continue;
    }
    if (c === "'" || c === '"') {
      // E'...' strings allow backslash escapes.
      const escapes = c === "'" && /[eE]/.test(sql[i - 1] ?? "") && !isIdentChar(sql[i - 2]);
      const j = closingQuote(sql, i, c, escapes);
      cur += sql.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === "$" && !isIdentChar(sql[i - 1])) {
      const m = /^\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.exec(sql.slice(i, i + 128));
      if (m) {
        const tag = m[0];
        const end = sql.indexOf(tag, i + tag.length);
        const j = end < 0 ? n : end + tag.length;
        cur += sql.slice(i, j);
        i = j;
        continue;
      }
    }
    if (c === ";") {
      if (cur.trim()) out.push(cur.trim());
      cur = "";
      i++;
      continue;
    }
    cur += c;
    i++;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** Index of the quote closing the one at `start` (a doubled quote is part of the text). */
function closingQuote(sql: string, start: number, quote: string, backslashEscapes: boolean): number {
  let j = start + 1;
  while (j < sql.length) {
    if (backslashEscapes && sql[j] === "\\") {
      j += 2;
      continue;
    }
    if (sql[j] === quote) {
      if (sql[j + 1] !== quote) return j;
      j += 2;
      continue;
    }
    j++;
  }
  return sql.length - 1;
}

const OUTSIDE_TRANSACTION_ONLY: RegExp[] = [
  // transaction control written in the migration itself (Prisma writes BEGIN; ... COMMIT; for enum changes)
  /^(BEGIN|START\s+TRANSACTION|COMMIT|END|ROLLBACK|ABORT)\b/,
  /^(PREPARE\s+TRANSACTION|COMMIT\s+PREPARED|ROLLBACK\s+PREPARED)\b/,
  // statements PostgreSQL refuses inside a transaction block
  /^(CREATE\s+(UNIQUE\s+)?|DROP\s+)INDEX\s+CONCURRENTLY\b/,
  /^REINDEX\b[\s\S]*\bCONCURRENTLY\b/,
  /^VACUUM\b/,
  /^(CREATE|DROP)\s+DATABASE\b/,
  /^(CREATE|DROP)\s+TABLESPACE\b/,
  /^ALTER\s+SYSTEM\b/,
  /^(CREATE|DROP|ALTER)\s+SUBSCRIPTION\b/,
  /^DISCARD\s+ALL\b/,
];

/**
 * The statements of `sql` that control transactions or cannot run inside a transaction block.
 * Empty when the script can safely be wrapped in BEGIN ... COMMIT.
 */
export function statementsPreventingTransaction(sql: string): string[] {
  return splitSqlStatements(sql)
    .map((s) => s.replace(/\s+/g, " ").toUpperCase())
    .filter((s) => OUTSIDE_TRANSACTION_ONLY.some((re) => re.test(s)));
}
