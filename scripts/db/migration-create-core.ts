/**
 * Creating migrations without Prisma's native schema engine.
 *
 * `prisma migrate dev` computes a migration by replaying the migrations in a shadow database and
 * diffing it with the schema. Here we diff two Prisma schemas instead, with Prisma's WebAssembly
 * schema engine: the schema the last migration reflects (committed as
 * `<migrations>/schema.snapshot.prisma`) and the current `prisma/schema.prisma`. No shadow
 * database, and no database at all (see schema-engine.ts: offline mode).
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import {
  configBlocksOnly,
  DEFAULT_MIGRATIONS,
  DEFAULT_SCHEMA,
  LOCK_FILE,
  LOCK_FILE_CONTENT,
  lockfileProvider,
  MIGRATION_FILE,
  migrationTimestamp,
  readMigrationsFolder,
  readSchema,
  slugifyName,
  SNAPSHOT_FILE,
  UserError,
} from "./common";
import { diffSchemas, type EngineHandle, openSchemaEngine } from "./schema-engine";

export interface EngineChoice {
  /** Use this database through PrismaPg (the engine only asks it for its version). */
  url?: string;
  /** Never connect to a database. */
  offline?: boolean;
  log?: (line: string) => void;
}

async function reachable(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  c.on("error", () => {});
  try {
    await c.connect();
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

/**
 * Opens the engine: with `url` (or DATABASE_URL) through PrismaPg when the database answers,
 * otherwise offline. The diff is the same either way (checked on PostgreSQL 15).
 */
export async function openEngineFor(choice: EngineChoice): Promise<EngineHandle> {
  const log = choice.log ?? (() => {});
  const url = choice.offline ? undefined : (choice.url ?? process.env.DATABASE_URL);
  if (url) {
    if (await reachable(url)) return openSchemaEngine({ url });
    if (choice.url)
      throw new UserError(`Cannot connect to ${choice.url.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@")}.`);
    log("(DATABASE_URL does not answer: diffing offline, which gives the same result.)");
  }
  return openSchemaEngine({});
}

export interface PendingChange {
  schemaPath: string;
  migrationsDir: string;
  snapshotPath: string;
  /** Current schema (multi-file schemas concatenated). */
  schema: string;
  /** Schema of the last migration, null when there is no migration yet. */
  snapshot: string | null;
  /** Names of the committed migrations, in order. */
  migrations: string[];
  /** SQL from the snapshot to the current schema; "" when they are equivalent. */
  sql: string;
}

export interface PathOptions {
  schemaPath?: string;
  migrationsDir?: string;
}

/** Diffs the snapshot (or an empty database) against the current schema. */
export async function pendingChange(opts: PathOptions & EngineChoice = {}): Promise<PendingChange> {
  const schemaPath = path.resolve(opts.schemaPath ?? DEFAULT_SCHEMA);
  const migrationsDir = path.resolve(opts.migrationsDir ?? DEFAULT_MIGRATIONS);
  const snapshotPath = path.join(migrationsDir, SNAPSHOT_FILE);
  const schema = (await readSchema(schemaPath)).content;
  const folder = await readMigrationsFolder(migrationsDir);
  const provider = lockfileProvider(folder.lockfile);
  if (provider !== null && provider !== "postgresql") {
    throw new UserError(
      `${path.join(migrationsDir, LOCK_FILE)} says provider = "${provider}"; only "postgresql" is handled.`,
    );
  }
  const snapshot = existsSync(snapshotPath) ? await readFile(snapshotPath, "utf8") : null;
  if (snapshot === null && folder.migrations.length > 0) {
    throw new UserError(
      `${folder.migrations.length} migration(s) exist in ${migrationsDir} but there is no ${SNAPSHOT_FILE} ` +
        `(the schema the last migration reflects). Put that schema there, e.g. with ` +
        `\`tsx scripts/db/migration-create.ts --snapshot-only\` when the current schema matches the last migration.`,
    );
  }
  // First migration: start from a fresh database (the "public" schema exists), which is what
  // `prisma migrate dev` diffs against too.
  const from = snapshot ?? configBlocksOnly(schema);
  const handle = await openEngineFor(opts);
  let sql: string;
  try {
    sql = await diffSchemas(handle, from, schema);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    throw new UserError(`The schema engine could not diff the schemas:\n${msg}`);
  } finally {
    await handle.close();
  }
  return {
    schemaPath,
    migrationsDir,
    snapshotPath,
    schema,
    snapshot,
    migrations: folder.migrations.map((m) => m.name),
    sql,
  };
}

/** Warnings like the ones `prisma migrate dev` puts at the top of a migration (heuristic). */
export function dataLossWarnings(sql: string): string[] {
  const warnings: string[] = [];
  const created = new Set([...sql.matchAll(/CREATE TABLE "([^"]+)"/g)].map((m) => m[1]!));
  for (const m of sql.matchAll(/^DROP TABLE "([^"]+)"/gm)) {
    warnings.push(
      `You are about to drop the \`${m[1]}\` table. If the table is not empty, all the data it contains will be lost.`,
    );
  }
  for (const alter of sql.matchAll(/^ALTER TABLE "([^"]+)" ([\s\S]*?);$/gm)) {
    const table = alter[1]!;
    const body = alter[2]!;
    for (const m of body.matchAll(/DROP COLUMN "([^"]+)"/g)) {
      warnings.push(
        `You are about to drop the column \`${m[1]}\` on the \`${table}\` table. All the data in the column will be lost.`,
      );
    }
    for (const m of body.matchAll(/ADD COLUMN\s+"([^"]+)"([^,]*)/g)) {
      if (/NOT NULL/.test(m[2]!) && !/DEFAULT/.test(m[2]!)) {
        warnings.push(
          `Added the required column \`${m[1]}\` to the \`${table}\` table without a default value. This is not possible if the table is not empty.`,
        );
      }
    }
    for (const m of body.matchAll(/ALTER COLUMN "([^"]+)" SET DATA TYPE/g)) {
      warnings.push(
        `You are about to alter the column \`${m[1]}\` on the \`${table}\` table. The data in that column could be lost or the conversion could fail.`,
      );
    }
    for (const m of body.matchAll(/ALTER COLUMN "([^"]+)" SET NOT NULL/g)) {
      warnings.push(
        `Made the column \`${m[1]}\` on table \`${table}\` required; this fails if it contains NULL values.`,
      );
    }
  }
  for (const m of sql.matchAll(/^CREATE UNIQUE INDEX "[^"]+" ON "([^"]+)"\(([^)]*)\)/gm)) {
    if (!created.has(m[1]!)) {
      warnings.push(
        `A unique constraint covering the columns \`[${m[2]!.replace(/"/g, "")}]\` on the table \`${m[1]}\` will be added. If there are existing duplicate values, this will fail.`,
      );
    }
  }
  for (const m of sql.matchAll(/^CREATE TYPE "([^"]+)_new" AS ENUM/gm)) {
    warnings.push(
      `The enum \`${m[1]}\` is recreated (values removed or changed): this fails if removed values are still used.`,
    );
  }
  return warnings;
}

function withWarningsHeader(sql: string, warnings: string[]): string {
  if (warnings.length === 0) return sql;
  return `/*\n  Warnings:\n\n${warnings.map((w) => `  - ${w}`).join("\n")}\n\n*/\n${sql}`;
}

export interface CreateMigrationOptions extends PathOptions, EngineChoice {
  name: string;
  /** Create an empty migration for hand-written SQL (the snapshot is left as is). */
  empty?: boolean;
  now?: Date;
}

export interface CreateMigrationResult {
  /** Directory name of the new migration, null when there was nothing to do. */
  created: string | null;
  migrationFile?: string;
  sql: string;
  warnings: string[];
}

async function ensureLockfile(migrationsDir: string): Promise<void> {
  const p = path.join(migrationsDir, LOCK_FILE);
  if (!existsSync(p)) await writeFile(p, LOCK_FILE_CONTENT, "utf8");
}

function nextDirectoryName(existing: string[], slug: string, now: Date): string {
  let ts = migrationTimestamp(now);
  const last = existing
    .map((n) => /^(\d{14})/.exec(n)?.[1])
    .filter((x): x is string => !!x)
    .sort()
    .at(-1);
  if (last && ts <= last) {
    // Same second as (or clock behind) the last migration: keep the order strictly increasing.
    const y = Number(last.slice(0, 4));
    const d = new Date(
      Date.UTC(
        y,
        Number(last.slice(4, 6)) - 1,
        Number(last.slice(6, 8)),
        Number(last.slice(8, 10)),
        Number(last.slice(10, 12)),
        Number(last.slice(12, 14)) + 1,
      ),
    );
    ts = migrationTimestamp(d);
  }
  return `${ts}_${slug}`;
}

/** Writes `<migrations>/<timestamp>_<name>/migration.sql` and updates the snapshot. */
export async function createMigration(opts: CreateMigrationOptions): Promise<CreateMigrationResult> {
  const slug = slugifyName(opts.name);
  if (!slug) throw new UserError(`Invalid migration name: "${opts.name}" (use letters, digits and _).`);
  const change = await pendingChange(opts);
  if (!change.sql && !opts.empty) return { created: null, sql: "", warnings: [] };

  const warnings = opts.empty ? [] : dataLossWarnings(change.sql);
  const content = opts.empty ? "-- This is an empty migration.\n" : withWarningsHeader(change.sql, warnings);
  const name = nextDirectoryName(change.migrations, slug, opts.now ?? new Date());
  const dir = path.join(change.migrationsDir, name);
  if (existsSync(dir)) throw new UserError(`The migration directory already exists at ${dir}`);
  await mkdir(dir, { recursive: true });
  const migrationFile = path.join(dir, MIGRATION_FILE);
  await writeFile(migrationFile, content, "utf8");
  if (!opts.empty) await writeFile(change.snapshotPath, change.schema, "utf8");
  await ensureLockfile(change.migrationsDir);
  return { created: name, migrationFile, sql: content, warnings };
}

/** Records the current schema as the snapshot without creating a migration (adopting existing migrations). */
export async function writeSnapshotOnly(opts: PathOptions = {}): Promise<string> {
  const schemaPath = path.resolve(opts.schemaPath ?? DEFAULT_SCHEMA);
  const migrationsDir = path.resolve(opts.migrationsDir ?? DEFAULT_MIGRATIONS);
  const schema = (await readSchema(schemaPath)).content;
  await mkdir(migrationsDir, { recursive: true });
  const snapshotPath = path.join(migrationsDir, SNAPSHOT_FILE);
  await writeFile(snapshotPath, schema, "utf8");
  await ensureLockfile(migrationsDir);
  return snapshotPath;
}
