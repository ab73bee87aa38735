/**
 * `npm run demo`: the whole portal on this machine, nothing to install.
 * An embedded PostgreSQL (PGlite served over the PostgreSQL protocol, data in .data/pglite), the
 * migrations, the French demo data, a local SMTP catcher with its web inbox, a production build,
 * the web server on PORT (3000) and the background worker. Run it again: the data is kept.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createApiToken, hashToken } from "@/lib/auth/api-token";
import { createDb } from "@/lib/db";
import { generateTotpSecret, otpauthUri } from "@/lib/auth/totp";
import { upsertStaff } from "@/lib/staff/create-staff";
import { generateKeyringEntry } from "@/lib/storage/crypto";
import { DEMO_PATIENTS, seedDemo } from "@/prisma/seed/demo";
import { migrateDeploy } from "./db/migrate-deploy-core";
import { freePort, run, startMaildev, startProcess, waitForPort, type Service } from "./lib/services";

const DATA = ".data";
const PORT = Number(process.env.PORT ?? 3000);
const DB_PORT = Number(process.env.DEMO_DB_PORT ?? 54330);

interface DemoSecrets {
  authSecret: string;
  fileKeys: string;
  staff: Record<"agent" | "admin", { email: string; name: string; password: string; totpSecret: string; recoveryCodes?: string[] }>;
}

/**
 * Secrets generated on the first run and kept with the data (demo only), so sessions, files and the
 * staff's sign-in survive restarts and can be printed.
 */
function demoSecrets(): DemoSecrets {
  const file = join(DATA, "secrets.json");
  const kept: Partial<DemoSecrets> = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  // Data from an older demo keeps its keys (its files stay readable) and gains what it lacks.
  if (kept.authSecret && kept.fileKeys && kept.staff) return kept as DemoSecrets;
  const password = () => randomBytes(9).toString("base64url");
  const secrets: DemoSecrets = {
    authSecret: kept.authSecret ?? randomBytes(36).toString("base64url"),
    fileKeys: kept.fileKeys ?? generateKeyringEntry("k1"),
    staff: {
      agent: { email: "agent.demo@exemple.fr", name: "Agent DPO (démo)", password: password(), totpSecret: generateTotpSecret() },
      admin: { email: "admin.demo@exemple.fr", name: "Admin DPO (démo)", password: password(), totpSecret: generateTotpSecret() },
    },
  };
  writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}

/** The demo's DPO agent and admin, created once with the secrets above. */
async function demoStaff(db: ReturnType<typeof createDb>, secrets: DemoSecrets): Promise<void> {
  for (const role of ["agent", "admin"] as const) {
    const staff = secrets.staff[role];
    const existing = await db.staffUser.findUnique({ where: { email: staff.email }, select: { passwordHash: true } });
    if (existing?.passwordHash) continue;
    const { recoveryCodes } = await upsertStaff(db, { ...staff, role: role === "agent" ? "dpo_agent" : "dpo_admin" }, secrets.authSecret);
    staff.recoveryCodes = recoveryCodes;
  }
  writeFileSync(join(DATA, "secrets.json"), JSON.stringify(secrets), { mode: 0o600 });
}

async function portOr(preferred: number): Promise<number> {
  const { createServer } = await import("node:net");
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", async () => resolve(await freePort()));
    probe.listen(preferred, "127.0.0.1", () => probe.close(() => resolve(preferred)));
  });
}

async function main() {
  mkdirSync(DATA, { recursive: true });
  const services: Service[] = [];
  const stopAll = async () => {
    for (const service of services.reverse()) await service.stop();
    process.exit(0);
  };
  process.on("SIGINT", stopAll);
  process.on("SIGTERM", stopAll);

  console.log("Starting the embedded database (.data/pglite)...");
  services.push(
    startProcess("database", process.execPath, [
      "node_modules/@electric-sql/pglite-socket/dist/scripts/server.js",
      `--db=${join(DATA, "pglite")}`, `--port=${DB_PORT}`, "--host=127.0.0.1", "--max-connections=50",
    ], { quiet: true }),
  );
  await waitForPort(DB_PORT, 120_000);
  const databaseUrl = `postgresql://postgres@127.0.0.1:${DB_PORT}/postgres`;

  const { applied } = await migrateDeploy(databaseUrl, "prisma/migrations", { log: () => {} });
  console.log(applied.length ? `Migrations applied: ${applied.join(", ")}` : "Database schema up to date.");
  const secrets = demoSecrets();
  const db = createDb(databaseUrl, 2);
  const { created } = await seedDemo(db);
  await demoStaff(db, secrets);
  const createdCount = Object.values(created).reduce((a, b) => a + b, 0);
  console.log(createdCount ? `Demo data seeded (${createdCount} rows).` : "Demo data already present.");
  const apiToken = await demoApiToken(db);
  await db.$disconnect();

  const smtpPort = await portOr(1025);
  const mailWebPort = await portOr(1080);
  services.push(await startMaildev(smtpPort, mailWebPort));
  const mailbox = `http://localhost:${mailWebPort}/index.html`;

  const appUrl = process.env.APP_URL ?? `http://localhost:${PORT}`;
  const env: Record<string, string> = {
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: "5",
    APP_URL: appUrl,
    NEXTAUTH_URL: appUrl,
    AUTH_SECRET: secrets.authSecret,
    SMTP_HOST: "127.0.0.1",
    SMTP_PORT: String(smtpPort),
    MAIL_FROM: "Protection des données <dpo@exemple.fr>",
    FILE_ENCRYPTION_KEYS: secrets.fileKeys,
    STORAGE_DRIVER: "local",
    STORAGE_LOCAL_DIR: join(DATA, "files"),
    DEMO_MODE: "true",
    DEMO_MAILBOX_URL: mailbox,
  };

  console.log("Building the application (next build)...");
  if ((await run(process.execPath, ["node_modules/next/dist/bin/next", "build"], env)) !== 0) {
    console.error("The build failed.");
    return stopAll();
  }
  services.push(startProcess("worker", process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/worker.ts"], { env, quiet: true }));
  services.push(startProcess("web", process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(PORT)], { env, quiet: true }));
  await waitForPort(PORT, 60_000);

  const patients = Object.values(DEMO_PATIENTS)
    .map((p) => `    ${p.email.padEnd(30)} ${p.firstName} ${p.lastName}`)
    .join("\n");
  console.log(`
The portal is ready: ${appUrl}/fr   (English: ${appUrl}/en)

Demo e-mails (magic links, codes, acknowledgements) arrive in the web inbox: ${mailbox}

Patient accounts (sign in with "Se connecter": the link arrives in the inbox above):
${patients}
  Camille Martin has a minor child (Léo); Jeanne Bernard is a relative held by two accounts.

Health actors' space: ${appUrl}/fr/pro   (magic link, as patients)
    dr.dupont@exemple.fr (admin), secretariat.dupont@exemple.fr, accueil.clinique-des-tilleuls@exemple.fr (admin)

DPO back office: ${appUrl}/fr/dpo   (password, then the 6-digit TOTP code; no app? npm run totp -- <secret>)
${(["agent", "admin"] as const)
  .map((role) => {
    const s = secrets.staff[role];
    return `    ${role === "agent" ? "agent" : "admin"}: ${s.email}  password ${s.password}  TOTP secret ${s.totpSecret}
           (add it to an authenticator app: ${otpauthUri(s.totpSecret, s.email, "Portail DPO démo")})
           recovery codes: ${(s.recoveryCodes ?? []).join(" ")}`;
  })
  .join("\n")}

Staff API token (Authorization: Bearer ...): ${apiToken}
    curl -H "Authorization: Bearer ${apiToken}" ${appUrl}/api/v1/health-actors

Data is kept in .data/ (delete the folder to start afresh). Ctrl+C stops everything.`);
}

/** The demo staff member's API token: DEMO_API_TOKEN when set, otherwise a new random one each run. */
async function demoApiToken(db: ReturnType<typeof createDb>): Promise<string> {
  const staff = await db.staffUser.upsert({
    where: { email: "agent.demo@exemple.fr" },
    create: { email: "agent.demo@exemple.fr", name: "Agent DPO (démo)", role: "dpo_agent" },
    update: {},
  });
  const wanted = process.env.DEMO_API_TOKEN;
  if (wanted) {
    const existing = await db.apiToken.findUnique({ where: { tokenHash: hashToken(wanted) } });
    if (existing && !existing.revokedAt) return wanted;
    if (existing) await db.apiToken.update({ where: { id: existing.id }, data: { revokedAt: null } });
    else await createApiToken(db, staff.id, "Démo (DEMO_API_TOKEN)", { token: wanted });
    return wanted;
  }
  await db.apiToken.updateMany({ where: { staffUserId: staff.id, revokedAt: null }, data: { revokedAt: new Date() } });
  return (await createApiToken(db, staff.id, "Démo")).token;
}

await main();
