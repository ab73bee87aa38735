/**
 * Marks a failed migration as rolled back, or a migration as applied, like `prisma migrate resolve`.
 *
 *   tsx scripts/db/migrate-resolve.ts --rolled-back <migration name> [--url ...] [--migrations ...]
 *   tsx scripts/db/migrate-resolve.ts --applied <migration name> [--url ...] [--migrations ...]
 */
import { DEFAULT_MIGRATIONS, flagString, parseArgs, runCli, UserError } from "./common";
import { migrateResolve } from "./migrate-deploy-core";

runCli(async () => {
  const args = parseArgs(process.argv.slice(2), {
    values: ["migrations", "url", "rolled-back", "applied"],
    booleans: [],
  });
  const url = flagString(args, "url") ?? process.env.DATABASE_URL;
  if (!url) throw new UserError("DATABASE_URL is not set (or pass --url).");
  const rolledBack = flagString(args, "rolled-back");
  const applied = flagString(args, "applied");
  if (!rolledBack === !applied) throw new UserError("Pass exactly one of --rolled-back <name> or --applied <name>.");
  const dir = flagString(args, "migrations") ?? DEFAULT_MIGRATIONS;
  await migrateResolve(url, rolledBack ? { rolledBack } : { applied: applied! }, dir);
  console.log(
    rolledBack ? `Migration ${rolledBack} marked as rolled back.` : `Migration ${applied} marked as applied.`,
  );
});
