/**
 * Fails (exit 1) when prisma/schema.prisma has changes that no migration contains, i.e. when it
 * differs from prisma/migrations/schema.snapshot.prisma. The comparison is the schema engine's
 * diff (formatting, comments and model order do not count); if the engine cannot be loaded, a
 * whitespace-normalised text comparison is used instead.
 *
 *   tsx scripts/db/migration-check.ts [--schema prisma/schema.prisma] [--migrations prisma/migrations]
 *                                     [--url <database url> | --offline]
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import {
  DEFAULT_MIGRATIONS,
  DEFAULT_SCHEMA,
  flagString,
  parseArgs,
  readMigrationsFolder,
  readSchema,
  runCli,
  SNAPSHOT_FILE,
} from "./common";
import { pendingChange } from "./migration-create-core";
import { loadSchemaEngineWasm } from "./schema-engine";

function normalise(schema: string): string {
  return schema
    .replace(/\/\/.*$/gm, "")
    .replace(/\s+/g, " ")
    .trim();
}

runCli(async () => {
  const args = parseArgs(process.argv.slice(2), { values: ["schema", "migrations", "url"], booleans: ["offline"] });
  const schemaPath = flagString(args, "schema") ?? DEFAULT_SCHEMA;
  const migrationsDir = flagString(args, "migrations") ?? DEFAULT_MIGRATIONS;
  const hint = "Create a migration: tsx scripts/db/migration-create.ts <name>";

  const folder = await readMigrationsFolder(migrationsDir);
  const broken = folder.migrations.filter((m) => m.script === null);
  if (broken.length) {
    console.error(`Migration folders without migration.sql: ${broken.map((m) => m.name).join(", ")}`);
    return 1;
  }
  const snapshotPath = path.join(path.resolve(migrationsDir), SNAPSHOT_FILE);
  if (!existsSync(snapshotPath) && folder.migrations.length === 0) {
    console.error(`No migration yet for ${schemaPath}. ${hint}`);
    return 1;
  }

  let engineAvailable = true;
  try {
    await loadSchemaEngineWasm();
  } catch (err) {
    engineAvailable = false;
    console.warn(`Schema engine unavailable (${(err as Error).message}); comparing the text instead.`);
  }

  if (engineAvailable) {
    const change = await pendingChange({
      schemaPath,
      migrationsDir,
      url: flagString(args, "url"),
      offline: args.flags.has("offline"),
      log: (l) => console.log(l),
    });
    if (change.sql) {
      console.error(`${schemaPath} has changes that no migration contains. The missing migration would be:\n`);
      console.error(change.sql);
      console.error(hint);
      return 1;
    }
    console.log(
      `No drift: ${schemaPath} matches the last migration (${folder.migrations.at(-1)?.name ?? "no migration yet"}).`,
    );
    return 0;
  }

  const schema = (await readSchema(schemaPath)).content;
  const snapshot = existsSync(snapshotPath) ? await readFile(snapshotPath, "utf8") : null;
  if (snapshot === null || normalise(snapshot) !== normalise(schema)) {
    console.error(`${schemaPath} differs from ${snapshotPath}. ${hint}`);
    return 1;
  }
  console.log(`No drift (text comparison): ${schemaPath} matches ${snapshotPath}.`);
  return 0;
});
