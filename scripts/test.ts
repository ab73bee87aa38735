/**
 * `npm test`: every test, on real parts.
 *   1. type-check;  2. unit tests (no database);
 *   3. integration tests on a throwaway PostgreSQL cluster and a real SMTP catcher;
 *   4. end-to-end tests in Chromium against a production build, with the worker running.
 * Installs Debian's postgresql and chromium when they are missing and it may (root, or CI).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb } from "@/lib/db";
import { seedDemo } from "@/prisma/seed/demo";
import { migrateDeploy } from "./db/migrate-deploy-core";
import { localAppEnv } from "./lib/app-env";
import { freePort, run, startMaildev, startProcess, waitForPort, type Service } from "./lib/services";
import { findPostgresBin, startCluster } from "./pg/throwaway-cluster";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const only = process.argv.slice(2); // e.g. `npm test -- unit integration`
const wants = (stage: string) => only.length === 0 || only.includes(stage);

function ensureSystemPackages() {
  const missing: string[] = [];
  if (!findPostgresBin()) missing.push("postgresql");
  if (wants("e2e") && !existsSync(CHROMIUM)) missing.push("chromium");
  if (missing.length === 0) return;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (!isRoot || !hasApt || process.env.NO_SYSTEM_INSTALL) {
    console.error(`Missing system packages: ${missing.join(", ")}.\nInstall them, e.g.: sudo apt-get install -y ${missing.join(" ")}`);
    process.exit(1);
  }
  console.log(`Installing ${missing.join(", ")} from Debian's packages...`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", ...missing], { stdio: "inherit", env });
}

async function main(): Promise<number> {
  ensureSystemPackages();
  const npx = (args: string[], env: Record<string, string> = {}) => run(process.execPath, [join("node_modules", ".bin", args[0]!), ...args.slice(1)].map(String), env);

  if (wants("typecheck")) {
    console.log("\n== Type-check");
    if ((await run(process.execPath, ["node_modules/typescript/bin/tsc", "--noEmit", "-p", "."])) !== 0) return 1;
  }
  if (wants("unit")) {
    console.log("\n== Unit tests");
    if ((await npx(["vitest", "run", "--project", "unit"])) !== 0) return 1;
  }
  if (!wants("integration") && !wants("e2e")) return 0;

  const cluster = startCluster(await freePort());
  const storageDir = mkdtempSync(join(tmpdir(), "dsr-files-"));
  const services: Service[] = [];
  try {
    await migrateDeploy(cluster.url, "prisma/migrations", { log: () => {} });
    const smtpPort = await freePort();
    const mailWebPort = await freePort();
    services.push(await startMaildev(smtpPort, mailWebPort));
    const appPort = await freePort();
    const env = localAppEnv({ databaseUrl: cluster.url, appPort, smtpPort, mailWebPort, storageDir });

    if (wants("integration")) {
      console.log("\n== Integration tests (PostgreSQL, SMTP)");
      if ((await npx(["vitest", "run", "--project", "integration"], { TEST_ENV: JSON.stringify(env) })) !== 0) return 1;
    }

    if (wants("e2e")) {
      console.log("\n== End-to-end tests (production build, Chromium)");
      if ((await npx(["next", "build"], { ...env, NODE_ENV: "production" })) !== 0) return 1;
      const db = createDb(env.DATABASE_URL!, 2);
      await seedDemo(db);
      await db.$disconnect();
      const serverEnv = { ...env, NODE_ENV: "production" };
      services.push(startProcess("worker", process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/worker.ts"], { env: serverEnv, quiet: true }));
      services.push(startProcess("web", process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(appPort), "-H", "127.0.0.1"], { env: serverEnv, quiet: true }));
      await waitForPort(appPort);
      if ((await npx(["playwright", "test"], { ...env, E2E_BASE_URL: env.APP_URL!, CHROMIUM_PATH: CHROMIUM })) !== 0) return 1;
    }
    return 0;
  } finally {
    for (const service of services.reverse()) await service.stop();
    cluster.stop();
    rmSync(storageDir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
