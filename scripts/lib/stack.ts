import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrateDeploy } from "../db/migrate-deploy-core";
import { startPostgres, type PostgresService } from "../pg/server";
import { localAppEnv } from "./app-env";
import { freePort, run, startMaildev, waitForPort, webCommand, workerCommand } from "./services";
import { supervise, type Supervised } from "./supervisor";

export interface RunningApp {
  /** The web instances, each on its own port (`urls` in the same order). */
  web: Supervised[];
  urls: string[];
  workers: Supervised[];
}

export interface LocalStack {
  /** The environment of the app, worker and tests on these services. */
  env: Record<string, string>;
  postgres: PostgresService;
  /** Stops the SMTP catcher (a mail server down); the function returned starts it again, same ports, same mail. */
  mailOutage(): Promise<() => Promise<void>>;
  /** Builds the app (next build) with this environment. */
  build(): Promise<void>;
  /**
   * Starts the production server (and the worker), supervised, and waits until they answer.
   * Several web instances and workers share the database, as behind a load balancer.
   */
  startApp(options?: {
    workers?: number;
    webInstances?: number;
    extraEnv?: Record<string, string>;
  }): Promise<RunningApp>;
  stop(): Promise<void>;
}

/**
 * The real parts on this machine, for tests, benchmarks and drills: a throwaway PostgreSQL server
 * (Debian's, or the one npm installed) with the migrations applied, an SMTP catcher, a temporary
 * file store, and on demand the built app. Every process is supervised.
 */
export async function startLocalStack(
  options: { durable?: boolean; prefer?: "system" | "npm" } = {},
): Promise<LocalStack> {
  const root = mkdtempSync(join(tmpdir(), "dsr-stack-"));
  // PostgreSQL may run under its own account (when this is root): it must reach its folder.
  chmodSync(root, 0o755);
  const storageDir = join(root, "files");
  const services: Supervised[] = [];
  let postgres: PostgresService | undefined;
  const stop = async () => {
    for (const service of services.reverse()) await service.stop();
    await postgres?.service.stop();
    rmSync(root, { recursive: true, force: true });
  };
  try {
    postgres = await startPostgres({
      dataDir: join(root, "pg"),
      port: await freePort(),
      durable: options.durable ?? false,
      prefer: options.prefer,
    });
    await migrateDeploy(postgres.url, "prisma/migrations", { log: () => {} });
    const smtpPort = await freePort();
    const mailWebPort = await freePort();
    const mailOptions = { mailDir: join(root, "mail") };
    let mail = await startMaildev(smtpPort, mailWebPort, mailOptions);
    services.push(mail);
    const appPort = await freePort();
    const env = localAppEnv({ databaseUrl: postgres.url, appPort, smtpPort, mailWebPort, storageDir });
    const production = { ...env, NODE_ENV: "production" };
    return {
      env,
      postgres,
      async mailOutage() {
        await mail.stop();
        services.splice(services.indexOf(mail), 1);
        return async () => {
          mail = await startMaildev(smtpPort, mailWebPort, mailOptions);
          services.push(mail);
        };
      },
      async build() {
        if ((await run(process.execPath, ["node_modules/next/dist/bin/next", "build"], production)) !== 0)
          throw new Error("next build failed");
      },
      async startApp(app = {}) {
        const appEnv = { ...production, ...app.extraEnv };
        const workers = await Promise.all(
          Array.from({ length: app.workers ?? 1 }, (_, i) =>
            supervise({ name: `worker-${i + 1}`, ...workerCommand(), env: appEnv, quiet: true }),
          ),
        );
        services.push(...workers);
        const ports = [
          appPort,
          ...(await Promise.all(Array.from({ length: (app.webInstances ?? 1) - 1 }, () => freePort()))),
        ];
        const web = await Promise.all(
          ports.map((port, i) =>
            supervise({
              name: `web-${i + 1}`,
              ...webCommand(port, "127.0.0.1"),
              env: { ...appEnv, PORT: String(port) },
              quiet: true,
              ready: () => waitForPort(port),
            }),
          ),
        );
        services.push(...web);
        return { web, workers, urls: ports.map((port) => `http://127.0.0.1:${port}`) };
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
