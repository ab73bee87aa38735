/**
 * `prisma migrate deploy` without Prisma's native schema engine: applies the committed
 * migrations (`<migrations>/<timestamp>_<name>/migration.sql`) with plain `pg`, and keeps
 * `_prisma_migrations` exactly as Prisma does, so Prisma's own `migrate deploy` / `migrate status`
 * accept a database migrated here, and this accepts a database migrated by Prisma.
 *
 * What Prisma's engine does (observed with the schema engine 8.1.0 on PostgreSQL), and we do too:
 * - session advisory lock `pg_advisory_lock(72707369)` around the whole run;
 * - the same `_prisma_migrations` table definition;
 * - per migration: INSERT (id = uuid v4, checksum = sha256 hex of migration.sql, started_at,
 *   migration_name), run the script, `applied_steps_count + 1`, then `finished_at`;
 * - a migration counts as applied when a row has finished_at set and rolled_back_at null;
 *   a row with both null is a failed migration, which blocks further deploys.
 *
 * Difference (an improvement): each migration runs inside BEGIN ... COMMIT together with its
 * bookkeeping rows, so a failing migration leaves no trace in the schema; it is then recorded as
 * failed *and rolled back* (logs = the error, rolled_back_at set) and the next deploy retries it.
 * A script that controls transactions itself (Prisma writes `BEGIN; ... COMMIT;` for some enum
 * changes) or contains statements PostgreSQL refuses in a transaction block (CREATE INDEX
 * CONCURRENTLY, ...) is applied exactly like Prisma does it: one simple query, bookkeeping
 * outside, and a failure is recorded as a failed migration that must be resolved by hand.
 *
 * The script is always sent as one simple query (no parameters), which runs several statements.
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";
import {
  checksum,
  checksumMatches,
  DEFAULT_MIGRATIONS,
  lockfileProvider,
  type MigrationOnDisk,
  type MigrationsFolder,
  readMigrationsFolder,
  UserError,
} from "./common";
import { statementsPreventingTransaction } from "./sql-split";

/** The advisory lock key Prisma's schema engine takes on PostgreSQL. */
export const PRISMA_ADVISORY_LOCK_KEY = 72707369;

/** Prisma's definition of the migrations table on PostgreSQL, verbatim. */
export const CREATE_MIGRATIONS_TABLE = `CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);
`;

export interface MigrationRow {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
}

export interface MigrateDeployOptions {
  /** Progress messages (default: none). */
  log?: (line: string) => void;
}

export interface MigrationStatus {
  migrationsDir: string;
  hasMigrationsTable: boolean;
  /** Migrations in the folder, in order. */
  local: string[];
  applied: string[];
  /** In the folder, not applied, in the order they would be applied. */
  pending: string[];
  /** Rows with finished_at and rolled_back_at both null. */
  failed: MigrationRow[];
  /** Applied migrations whose migration.sql no longer matches the recorded checksum. */
  edited: string[];
  /** Applied in the database but missing from the folder. */
  missingLocally: string[];
  /** Folders without a readable migration.sql. */
  unreadable: { name: string; error: string }[];
}

/** Connection settings from a Prisma-style URL (`?schema=` selects the PostgreSQL schema). */
export function pgConfigFromUrl(databaseUrl: string): { config: pg.ClientConfig; schema: string | null } {
  let schema: string | null = null;
  let connectionString = databaseUrl;
  try {
    const u = new URL(databaseUrl);
    schema = u.searchParams.get("schema");
    if (schema !== null) {
      u.searchParams.delete("schema");
      connectionString = u.toString();
    }
  } catch {
    // not a URL pg-connection-string and URL agree on: let pg report it
  }
  return { config: { connectionString }, schema: schema || null };
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function describePgError(err: unknown, script?: string): string {
  if (!(err instanceof Error)) return String(err);
  const e = err as Error & {
    code?: string;
    detail?: string;
    hint?: string;
    position?: string;
    where?: string;
  };
  const lines = [e.code ? `${e.message} (SQLSTATE ${e.code})` : e.message];
  if (e.position && script !== undefined) {
    const pos = Number(e.position);
    if (Number.isFinite(pos) && pos > 0) {
      const line = script.slice(0, pos - 1).split("\n").length;
      const text = script.split("\n")[line - 1] ?? "";
      lines.push(`at line ${line} of migration.sql: ${text.trim()}`);
    }
  }
  if (e.detail) lines.push(`DETAIL: ${e.detail}`);
  if (e.hint) lines.push(`HINT: ${e.hint}`);
  if (e.where) lines.push(`WHERE: ${e.where}`);
  return lines.join("\n");
}

async function connect(databaseUrl: string): Promise<pg.Client> {
  if (!databaseUrl) throw new UserError("No database URL: set DATABASE_URL.");
  const { config, schema } = pgConfigFromUrl(databaseUrl);
  const client = new pg.Client(config);
  // Notices such as "there is no transaction in progress" are expected; do not print them.
  client.on("notice", () => {});
  client.on("error", () => {});
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => {});
    const safe = databaseUrl.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@");
    throw new UserError(`Cannot connect to the database ${safe}: ${describePgError(err)}`);
  }
  if (schema && schema !== "public") {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
  }
  if (schema) {
    await client.query(`SET search_path TO ${quoteIdent(schema)}`);
  }
  return client;
}

async function migrationsTableExists(client: pg.Client): Promise<boolean> {
  const r = await client.query<{ reg: string | null }>(
    "SELECT to_regclass(quote_ident(current_schema()) || '._prisma_migrations')::text AS reg",
  );
  return r.rows[0]?.reg != null;
}

async function readRows(client: pg.Client): Promise<MigrationRow[]> {
  const r = await client.query<MigrationRow>(
    'SELECT "id", "checksum", "finished_at", "migration_name", "logs", "rolled_back_at", "started_at", "applied_steps_count" FROM "_prisma_migrations" ORDER BY "started_at" ASC',
  );
  return r.rows;
}

function computeStatus(folder: MigrationsFolder, rows: MigrationRow[], hasTable: boolean): MigrationStatus {
  const isApplied = (r: MigrationRow) => r.finished_at !== null && r.rolled_back_at === null;
  const isFailed = (r: MigrationRow) => r.finished_at === null && r.rolled_back_at === null;
  const appliedRows = rows.filter(isApplied);
  const appliedNames = new Set(appliedRows.map((r) => r.migration_name));
  const byName = new Map<string, MigrationOnDisk>(folder.migrations.map((m) => [m.name, m]));
  const edited: string[] = [];
  for (const r of appliedRows) {
    const m = byName.get(r.migration_name);
    if (m?.script != null && !checksumMatches(m.script, r.checksum) && !edited.includes(m.name)) edited.push(m.name);
  }
  return {
    migrationsDir: folder.dir,
    hasMigrationsTable: hasTable,
    local: folder.migrations.map((m) => m.name),
    applied: [...appliedNames],
    pending: folder.migrations.filter((m) => !appliedNames.has(m.name)).map((m) => m.name),
    failed: rows.filter(isFailed),
    edited,
    missingLocally: [...appliedNames].filter((n) => !byName.has(n)),
    unreadable: folder.migrations
      .filter((m) => m.script === null)
      .map((m) => ({ name: m.name, error: m.readError ?? "unreadable" })),
  };
}

async function readFolderChecked(migrationsDir: string): Promise<MigrationsFolder> {
  const folder = await readMigrationsFolder(migrationsDir);
  if (!folder.exists) {
    throw new UserError(`Migrations folder not found: ${folder.dir}`);
  }
  const provider = lockfileProvider(folder.lockfile);
  if (provider !== null && provider !== "postgresql") {
    throw new UserError(
      `${path.join(folder.dir, "migration_lock.toml")} says provider = "${provider}", but this tool only handles "postgresql".`,
    );
  }
  return folder;
}

/** Reads the migration state of a database without changing anything. */
export async function migrationStatus(
  databaseUrl: string,
  migrationsDir: string = DEFAULT_MIGRATIONS,
): Promise<MigrationStatus> {
  const folder = await readFolderChecked(migrationsDir);
  const client = await connect(databaseUrl);
  try {
    const hasTable = await migrationsTableExists(client);
    const rows = hasTable ? await readRows(client) : [];
    return computeStatus(folder, rows, hasTable);
  } finally {
    await client.end().catch(() => {});
  }
}

function refusalMessage(status: MigrationStatus): string | null {
  const parts: string[] = [];
  if (status.unreadable.length) {
    parts.push(
      "These migration folders have no readable migration.sql:\n" +
        status.unreadable.map((u) => `  - ${u.name}: ${u.error}`).join("\n"),
    );
  }
  if (status.failed.length) {
    parts.push(
      "The database has failed migrations (finished_at and rolled_back_at are both null in _prisma_migrations):\n" +
        status.failed
          .map(
            (r) =>
              `  - ${r.migration_name}, started ${r.started_at.toISOString()}` +
              (r.logs ? `\n      ${r.logs.split("\n").slice(0, 3).join("\n      ")}` : ""),
          )
          .join("\n") +
        "\nThe database may be partly migrated. Inspect it, repair it, then mark the migration with\n" +
        "  tsx scripts/db/migrate-resolve.ts --rolled-back <name>   (undone: it will be applied again)\n" +
        "  tsx scripts/db/migrate-resolve.ts --applied <name>       (completed by hand)\n" +
        "(same as `prisma migrate resolve`).",
    );
  }
  if (status.edited.length) {
    parts.push(
      "These migrations were applied, but their migration.sql has changed since (checksum mismatch):\n" +
        status.edited.map((n) => `  - ${n}`).join("\n") +
        "\nNever edit an applied migration: restore the file as it was, and put the change in a new migration.",
    );
  }
  return parts.length ? parts.join("\n\n") : null;
}

/**
 * Applies every migration of `migrationsDir` not yet applied to the database, in order.
 * Throws a UserError (nothing applied) when a migration failed earlier, when an applied migration
 * was edited, or when a migration fails now (the ones before it stay applied).
 */
export async function migrateDeploy(
  databaseUrl: string,
  migrationsDir: string = DEFAULT_MIGRATIONS,
  options: MigrateDeployOptions = {},
): Promise<{ applied: string[] }> {
  const log = options.log ?? (() => {});
  const folder = await readFolderChecked(migrationsDir);
  const client = await connect(databaseUrl);
  const applied: string[] = [];
  try {
    await client.query(`SELECT pg_advisory_lock(${PRISMA_ADVISORY_LOCK_KEY})`);
    try {
      if (!(await migrationsTableExists(client))) {
        await client.query(CREATE_MIGRATIONS_TABLE);
      }
      const status = computeStatus(folder, await readRows(client), true);
      const refusal = refusalMessage(status);
      if (refusal) throw new UserError(refusal);
      for (const name of status.missingLocally) {
        log(`Warning: migration ${name} is applied in the database but not in ${folder.dir}.`);
      }
      const pending = folder.migrations.filter((m) => status.pending.includes(m.name));
      for (const m of pending) {
        log(`Applying migration \`${m.name}\``);
        await applyOne(client, m);
        applied.push(m.name);
      }
    } finally {
      await client.query(`SELECT pg_advisory_unlock(${PRISMA_ADVISORY_LOCK_KEY})`).catch(() => {});
    }
  } finally {
    await client.end().catch(() => {});
  }
  return { applied };
}

const INSERT_STARTED =
  'INSERT INTO "_prisma_migrations" ("id","checksum","started_at","migration_name") VALUES ($1,$2,$3,$4)';
const INCREMENT_STEPS =
  'UPDATE "_prisma_migrations" SET "applied_steps_count" = ("applied_steps_count" + $1) WHERE "id" = $2';
const SET_FINISHED = 'UPDATE "_prisma_migrations" SET "finished_at" = $1 WHERE "id" = $2';

async function applyOne(client: pg.Client, m: MigrationOnDisk): Promise<void> {
  const script = m.script!;
  const sum = checksum(script);
  const id = randomUUID();
  const outside = statementsPreventingTransaction(script);

  if (outside.length === 0) {
    // Normal case: the migration and its bookkeeping commit together, or not at all.
    const startedAt = new Date();
    try {
      await client.query("BEGIN");
      await client.query(INSERT_STARTED, [id, sum, startedAt, m.name]);
      await client.query(script);
      await client.query(INCREMENT_STEPS, [1, id]);
      await client.query(SET_FINISHED, [new Date(), id]);
      await client.query("COMMIT");
    } catch (err) {
      const message = describePgError(err, script);
      await client.query("ROLLBACK").catch(() => {});
      // Audit trail: failed, and rolled back (nothing of it remains), so Prisma and this tool
      // both treat it as not applied and the next deploy tries again.
      await client
        .query(
          'INSERT INTO "_prisma_migrations" ("id","checksum","started_at","migration_name","logs","rolled_back_at") VALUES ($1,$2,$3,$4,$5,$6)',
          [id, sum, startedAt, m.name, `migrate-deploy (pg): ${message}\nThe transaction was rolled back.`, new Date()],
        )
        .catch(() => {});
      throw new UserError(
        `Migration ${m.name} failed and was rolled back (the database is as before it; ` +
          `earlier migrations of this run stay applied):\n${message}`,
      );
    }
    return;
  }

  // Prisma's way: bookkeeping outside, the script as one simple query.
  await client.query(INSERT_STARTED, [id, sum, new Date(), m.name]);
  try {
    await client.query(script);
  } catch (err) {
    const message = describePgError(err, script);
    // If the script opened its own transaction, it is now aborted: end it before writing.
    await client.query("ROLLBACK").catch(() => {});
    await client
      .query('UPDATE "_prisma_migrations" SET "logs" = $1 WHERE "id" = $2', [`migrate-deploy (pg): ${message}`, id])
      .catch(() => {});
    throw new UserError(
      `Migration ${m.name} failed. It manages transactions itself (${outside[0]!.slice(0, 40)}...), ` +
        `so it may be partly applied; it is recorded as failed:\n${message}\n` +
        `Repair the database, then run scripts/db/migrate-resolve.ts --rolled-back ${m.name} or --applied ${m.name}.`,
    );
  }
  await client.query(INCREMENT_STEPS, [1, id]);
  await client.query(SET_FINISHED, [new Date(), id]);
}

/** `prisma migrate resolve`: mark a failed migration rolled back, or a migration applied. */
export async function migrateResolve(
  databaseUrl: string,
  action: { rolledBack: string } | { applied: string },
  migrationsDir: string = DEFAULT_MIGRATIONS,
): Promise<void> {
  const folder = await readFolderChecked(migrationsDir);
  const client = await connect(databaseUrl);
  try {
    await client.query(`SELECT pg_advisory_lock(${PRISMA_ADVISORY_LOCK_KEY})`);
    try {
      if (!(await migrationsTableExists(client))) await client.query(CREATE_MIGRATIONS_TABLE);
      const rows = await readRows(client);
      const failedRow = (name: string) =>
        rows.find((r) => r.migration_name === name && r.finished_at === null && r.rolled_back_at === null);
      if ("rolledBack" in action) {
        const row = failedRow(action.rolledBack);
        if (!row) {
          throw new UserError(
            `Migration ${action.rolledBack} cannot be rolled back because it is not in a failed state.`,
          );
        }
        await client.query('UPDATE "_prisma_migrations" SET "rolled_back_at" = $1 WHERE "id" = $2', [
          new Date(),
          row.id,
        ]);
        return;
      }
      const name = action.applied;
      const m = folder.migrations.find((x) => x.name === name);
      if (!m || m.script === null) throw new UserError(`Migration ${name} not found in ${folder.dir}.`);
      if (rows.some((r) => r.migration_name === name && r.finished_at !== null && r.rolled_back_at === null)) {
        throw new UserError(`Migration ${name} is already recorded as applied in the database.`);
      }
      const row = failedRow(name);
      if (row) {
        await client.query('UPDATE "_prisma_migrations" SET "rolled_back_at" = $1 WHERE "id" = $2', [
          new Date(),
          row.id,
        ]);
      }
      const now = new Date();
      await client.query(
        'INSERT INTO "_prisma_migrations" ("id","checksum","logs","started_at","finished_at","migration_name") VALUES ($1,$2,$3,$4,$5,$6)',
        [randomUUID(), checksum(m.script), "", now, now, name],
      );
    } finally {
      await client.query(`SELECT pg_advisory_unlock(${PRISMA_ADVISORY_LOCK_KEY})`).catch(() => {});
    }
  } finally {
    await client.end().catch(() => {});
  }
}
