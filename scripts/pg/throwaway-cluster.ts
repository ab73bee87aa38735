import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A real PostgreSQL server for tests: a throwaway cluster in a temporary folder, on a loopback port,
 * with fsync off. Uses the machine's PostgreSQL binaries (Debian package `postgresql`).
 */
export interface Cluster {
  url: string;
  dir: string;
  stop(): void;
}

export function findPostgresBin(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], "bin") : null;
}

const isRoot = () => process.getuid?.() === 0;

function run(bin: string, args: string[]) {
  const quoted = [bin, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(" ");
  const result = isRoot()
    ? spawnSync("su", ["postgres", "-s", "/bin/sh", "-c", quoted], { encoding: "utf8" })
    : spawnSync(bin, args, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${bin} failed: ${result.stderr || result.stdout}`);
}

export function startCluster(port: number): Cluster {
  const bin = findPostgresBin();
  if (!bin) {
    throw new Error(
      "PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin). Install them: sudo apt-get install -y postgresql",
    );
  }
  const dir = mkdtempSync(join(tmpdir(), "dsr-pg-"));
  chmodSync(dir, 0o777);
  if (isRoot()) execFileSync("chown", ["postgres", dir]);
  const data = join(dir, "data");
  run(join(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "-N"]);
  run(join(bin, "pg_ctl"), [
    "-D", data, "-l", join(dir, "pg.log"), "-w", "start",
    "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
  ]);
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    dir,
    stop() {
      try {
        run(join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
