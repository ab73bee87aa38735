/**
 * Applies the pending migrations of prisma/migrations to DATABASE_URL, like `prisma migrate deploy`.
 *
 *   tsx scripts/db/migrate-deploy.ts [--migrations prisma/migrations] [--url <database url>]
 */
import path from "node:path";
import { DEFAULT_MIGRATIONS, flagString, parseArgs, runCli, UserError } from "./common";
import { migrateDeploy } from "./migrate-deploy-core";

runCli(async () => {
  const args = parseArgs(process.argv.slice(2), { values: ["migrations", "url"], booleans: [] });
  const url = flagString(args, "url") ?? process.env.DATABASE_URL;
  if (!url) throw new UserError("DATABASE_URL is not set (or pass --url).");
  const dir = flagString(args, "migrations") ?? DEFAULT_MIGRATIONS;
  const { applied } = await migrateDeploy(url, dir, { log: (l) => console.log(l) });
  const rel = path.relative(process.cwd(), path.resolve(dir)) || ".";
  if (applied.length === 0) {
    console.log(`No pending migrations to apply (${rel}).`);
  } else {
    console.log(
      `\nThe following migration(s) have been applied from ${rel}:\n${applied.map((n) => `  ${n}`).join("\n")}`,
    );
    console.log("\nAll migrations have been successfully applied.");
  }
});
