import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { migrateDeploy } from "@/scripts/db/migrate-deploy-core";
import { localAppEnv } from "@/scripts/lib/app-env";
import { freePort, startMaildev, type Service } from "@/scripts/lib/services";
import { startCluster, type Cluster } from "@/scripts/pg/throwaway-cluster";

/**
 * Integration tests run against a real PostgreSQL (a throwaway cluster) and a real SMTP catcher.
 * `npm test` starts them once and passes TEST_ENV; run alone, this starts its own.
 */
export default async function setup(project: TestProject) {
  if (process.env.TEST_ENV) {
    project.provide("testEnv", process.env.TEST_ENV);
    return;
  }
  let cluster: Cluster | undefined;
  let maildev: Service | undefined;
  const storageDir = mkdtempSync(join(tmpdir(), "dsr-files-"));
  try {
    cluster = startCluster(await freePort());
    await migrateDeploy(cluster.url, "prisma/migrations", { log: () => {} });
    const smtpPort = await freePort();
    const mailWebPort = await freePort();
    maildev = await startMaildev(smtpPort, mailWebPort);
    const env = localAppEnv({ databaseUrl: cluster.url, appPort: 3999, smtpPort, mailWebPort, storageDir });
    project.provide("testEnv", JSON.stringify(env));
  } catch (error) {
    cluster?.stop();
    throw error;
  }
  return async () => {
    await maildev?.stop();
    cluster?.stop();
    rmSync(storageDir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    testEnv: string;
  }
}
