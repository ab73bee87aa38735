import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrateDeploy } from "../db/migrate-deploy-core";
import { startCluster } from "../pg/throwaway-cluster";
import { localAppEnv } from "./app-env";
import { freePort, run, startMaildev, startProcess, waitForPort, type Service } from "./services";

export interface LocalStack {
  /** The environment of the app, worker and tests on these services. */
  env: Record<string, string>;
  /** Builds the app (next build) with this environment. */
  build(): Promise<void>;
  /** Starts the production server (and the worker) and waits until it listens. */
  startApp(options?: { worker?: boolean; extraEnv?: Record<string, string> }): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The real parts on this machine, for tests and benchmarks: a throwaway PostgreSQL cluster with the
 * migrations applied, an SMTP catcher, a temporary file store, and on demand the built app.
 */
export async function startLocalStack(): Promise<LocalStack> {
  const cluster = startCluster(await freePort());
  const storageDir = mkdtempSync(join(tmpdir(), "dsr-files-"));
  const services: Service[] = [];
  const stop = async () => {
    for (const service of services.reverse()) await service.stop();
    cluster.stop();
    rmSync(storageDir, { recursive: true, force: true });
  };
  try {
    await migrateDeploy(cluster.url, "prisma/migrations", { log: () => {} });
    const smtpPort = await freePort();
    const mailWebPort = await freePort();
    services.push(await startMaildev(smtpPort, mailWebPort));
    const appPort = await freePort();
    const env = localAppEnv({ databaseUrl: cluster.url, appPort, smtpPort, mailWebPort, storageDir });
    const production = { ...env, NODE_ENV: "production" };
    return {
      env,
      async build() {
        if ((await run(process.execPath, ["node_modules/next/dist/bin/next", "build"], production)) !== 0) throw new Error("next build failed");
      },
      async startApp(options = {}) {
        const appEnv = { ...production, ...options.extraEnv };
        if (options.worker !== false) {
          services.push(startProcess("worker", process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/worker.ts"], { env: appEnv, quiet: true }));
        }
        services.push(
          startProcess("web", process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(appPort), "-H", "127.0.0.1"], { env: appEnv, quiet: true }),
        );
        await waitForPort(appPort);
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
