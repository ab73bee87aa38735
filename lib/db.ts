import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { type Prisma, PrismaClient } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;
/** The client passed to work done inside `db.$transaction(async (tx) => ...)`. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** The connection pool under each client createDb made, shared with Prisma's adapter. */
const pools = new WeakMap<object, pg.Pool>();

/** The client's own pool while it is open (after `$disconnect`, Prisma opens another one of its own). */
function livePool(db: Db | Tx): pg.Pool | undefined {
  const pool = pools.get(db);
  return pool && !pool.ending ? pool : undefined;
}

export function createDb(connectionString: string, max = 10): PrismaClient {
  const pool = new pg.Pool({ connectionString, max });
  // A connection the server drops while idle is reported here, then replaced at the next query.
  pool.on("error", () => {});
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(client, pool);
  return client;
}

/**
 * One SQL statement sent straight to the client's pool, past Prisma's per-query pipeline: for the
 * single statements on the path of every submission (npm run bench:intake), which need no
 * transaction. Given a transaction, it runs there, through Prisma. Rows come back as from
 * `$queryRaw` for the types these statements read (text, uuid, integers, booleans, json,
 * timestamps, text arrays).
 */
export async function hotQuery<Row>(db: Db | Tx, query: Prisma.Sql): Promise<Row[]> {
  const pool = livePool(db);
  if (!pool) return db.$queryRaw<Row[]>(query);
  const { text, values } = query;
  // Prepared once per connection under a name of its text, so later calls send only their values
  // and PostgreSQL parses and plans the statement once.
  let name = statementNames.get(text);
  if (!name && statementNames.size < MAX_NAMED_STATEMENTS) {
    name = `hot_${createHash("sha256").update(text).digest("hex").slice(0, 24)}`;
    statementNames.set(text, name);
  }
  return (await pool.query(name ? { name, text, values } : { text, values })).rows as Row[];
}

/**
 * Statement names by text. The hot statements are a handful of fixed texts; past this many, a text
 * is sent unnamed, so that a caller building varied texts cannot fill every connection.
 */
const statementNames = new Map<string, string>();
const MAX_NAMED_STATEMENTS = 32;

/** A statement whose text is built once, with named parameters (see `statement`). */
export interface Statement<Key extends string> {
  name: string;
  text: string;
  /** The parameter of each placeholder, $1 first. */
  keys: readonly Key[];
}

/**
 * A fixed statement written with its parameters' names in place of values:
 * statement`SELECT ${"id"}::uuid` is "SELECT $1::uuid", run with { id }. A name used twice is one
 * placeholder. Built once, at load; `runStatement` then sends only the values.
 */
export function statement<Key extends string>(strings: TemplateStringsArray, ...names: Key[]): Statement<Key> {
  const keys: Key[] = [];
  let text = strings[0]!;
  names.forEach((key, i) => {
    if (!keys.includes(key)) keys.push(key);
    text += `$${keys.indexOf(key) + 1}${strings[i + 1]}`;
  });
  return { name: `hot_${createHash("sha256").update(text).digest("hex").slice(0, 24)}`, text, keys };
}

/** Runs a `statement` with its parameters' values: on the pool, prepared, or in the transaction given. */
export async function runStatement<Key extends string, Row = unknown>(
  db: Db | Tx,
  { name, text, keys }: Statement<Key>,
  params: Record<Key, unknown>,
): Promise<Row[]> {
  const values = keys.map((key) => params[key]);
  const pool = livePool(db);
  if (!pool) return db.$queryRawUnsafe<Row[]>(text, ...values);
  return (await pool.query({ name, text, values })).rows as Row[];
}

const globalForDb = globalThis as unknown as { __db?: PrismaClient };

/** The process-wide client, created on first use from DATABASE_URL. */
export function db(): PrismaClient {
  if (!globalForDb.__db) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: see README, section Configuration.");
    globalForDb.__db = createDb(url, Number(process.env.DATABASE_POOL_SIZE ?? 10));
  }
  return globalForDb.__db;
}
