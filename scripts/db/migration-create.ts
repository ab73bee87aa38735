/**
 * Creates a migration from the difference between the last migration's schema
 * (prisma/migrations/schema.snapshot.prisma) and prisma/schema.prisma, with Prisma's
 * WebAssembly schema engine. Replaces `prisma migrate dev --create-only --name <name>`.
 *
 *   tsx scripts/db/migration-create.ts <name> [--schema prisma/schema.prisma] [--migrations prisma/migrations]
 *                                             [--url <database url> | --offline] [--empty]
 *   tsx scripts/db/migration-create.ts --snapshot-only      (record the current schema as the snapshot)
 */
import path from "node:path";
import { flagString, parseArgs, runCli, UserError } from "./common";
import { createMigration, writeSnapshotOnly } from "./migration-create-core";

runCli(async () => {
  const args = parseArgs(process.argv.slice(2), {
    values: ["schema", "migrations", "url"],
    booleans: ["offline", "empty", "snapshot-only"],
  });
  const schemaPath = flagString(args, "schema");
  const migrationsDir = flagString(args, "migrations");
  const rel = (p: string) => path.relative(process.cwd(), p) || p;
  if (args.flags.has("snapshot-only")) {
    const p = await writeSnapshotOnly({ schemaPath, migrationsDir });
    console.log(`Snapshot written: ${rel(p)} (no migration created).`);
    return;
  }
  const name = args.positional[0];
  if (!name || args.positional.length > 1) {
    throw new UserError("Usage: tsx scripts/db/migration-create.ts <name> [--schema ...] [--migrations ...] [--empty]");
  }
  const res = await createMigration({
    name,
    schemaPath,
    migrationsDir,
    url: flagString(args, "url"),
    offline: args.flags.has("offline"),
    empty: args.flags.has("empty"),
    log: (l) => console.log(l),
  });
  if (!res.created) {
    console.log("No difference between the last migration's schema and the current schema: no migration created.");
    return;
  }
  console.log(`Created ${rel(res.migrationFile!)}`);
  for (const w of res.warnings) console.log(`  Warning: ${w}`);
  console.log("Review the SQL, then apply it with: tsx scripts/db/migrate-deploy.ts");
});
