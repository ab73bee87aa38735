/**
 * Shows which migrations are applied, pending, failed or edited, like `prisma migrate status`.
 * Exit code 0 when the database is up to date, 1 otherwise.
 *
 *   tsx scripts/db/migrate-status.ts [--migrations prisma/migrations] [--url <database url>]
 */
import { DEFAULT_MIGRATIONS, flagString, parseArgs, runCli, UserError } from "./common";
import { migrationStatus } from "./migrate-deploy-core";

runCli(async () => {
  const args = parseArgs(process.argv.slice(2), { values: ["migrations", "url"], booleans: [] });
  const url = flagString(args, "url") ?? process.env.DATABASE_URL;
  if (!url) throw new UserError("DATABASE_URL is not set (or pass --url).");
  const s = await migrationStatus(url, flagString(args, "migrations") ?? DEFAULT_MIGRATIONS);
  console.log(`${s.local.length} migration(s) found in ${s.migrationsDir}`);
  let ok = true;
  if (!s.hasMigrationsTable) console.log("The database has no _prisma_migrations table yet.");
  if (s.pending.length) {
    ok = false;
    console.log(`Not yet applied:\n${s.pending.map((n) => `  ${n}`).join("\n")}`);
  }
  if (s.failed.length) {
    ok = false;
    console.log(
      `Failed (resolve with scripts/db/migrate-resolve.ts):\n${s.failed.map((r) => `  ${r.migration_name}`).join("\n")}`,
    );
  }
  if (s.edited.length) {
    ok = false;
    console.log(`Edited after being applied (checksum mismatch):\n${s.edited.map((n) => `  ${n}`).join("\n")}`);
  }
  if (s.missingLocally.length) {
    ok = false;
    console.log(`Applied in the database but missing locally:\n${s.missingLocally.map((n) => `  ${n}`).join("\n")}`);
  }
  if (s.unreadable.length) {
    ok = false;
    console.log(`Without a readable migration.sql:\n${s.unreadable.map((u) => `  ${u.name}`).join("\n")}`);
  }
  if (ok) console.log("Database schema is up to date!");
  return ok ? 0 : 1;
});
