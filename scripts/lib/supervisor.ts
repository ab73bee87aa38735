import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * A long-running process kept alive: when it dies it is started again after a back-off, with a
 * line saying what died, how (exit code or signal, after how long), its last output lines, and
 * when it is back. Used by the demo, the drills and the test stack.
 */
export interface ServiceSpec {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string | undefined>;
  /** Run as this account (PostgreSQL, when the launcher is root). */
  user?: { uid: number; gid: number };
  /** Keep the output to itself, printed only when the process dies. */
  quiet?: boolean;
  /** The signal that stops it cleanly: SIGTERM unless said (PostgreSQL's fast shutdown is SIGINT). */
  stopSignal?: NodeJS.Signals;
  /** Awaited after each start: the service answers (a port, a query). */
  ready?: () => Promise<void>;
  /** Where the process's id is written, so a launcher killed without warning can reap it next time. */
  pidDir?: string;
}

export interface Supervised {
  readonly name: string;
  /** The current process id, if one runs. */
  pid(): number | undefined;
  /** How many times it was started again after dying. */
  restarts(): number;
  /** Resolves once the service is ready again after its current or next start. */
  whenReady(): Promise<void>;
  stop(): Promise<void>;
}

const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;
/** A process that ran this long before dying is restarted at once, not after a longer back-off. */
const STABLE_AFTER_MS = 30_000;
const KEPT_LINES = 30;

/** The delay before restart number `failures` in a row (1, 2, ...): doubling from 0.5 s up to 30 s. */
export function restartDelay(failuresInARow: number): number {
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.max(0, failuresInARow - 1));
}

export function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `killed by ${signal}` : `exited with code ${code}`;
}

/** Every supervised process running, with its stop signal: stopped when the launcher exits. */
const live = new Map<ChildProcess, NodeJS.Signals>();
process.on("exit", () => {
  for (const [proc, signal] of live) proc.kill(signal);
});

/**
 * Runs `stop` (the launcher's ordered shutdown) on Ctrl+C, SIGTERM or SIGHUP, then exits. Without
 * it a signal would end the launcher at once and leave its services running.
 */
export function stopOnSignals(stop: () => Promise<void>): void {
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      void stop()
        .catch((error: unknown) => say(`while stopping: ${error instanceof Error ? error.message : error}`))
        .finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
    });
  }
}

const say = (line: string) => process.stderr.write(`[supervisor] ${line}\n`);

function formatUptime(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 120 ? `${s} s` : `${Math.round(s / 60)} min`;
}

/**
 * Starts `spec` and keeps it running until `stop()`. Resolves when its first start is ready;
 * rejects (and gives up) if the first start dies or never gets ready: a service that cannot start
 * at all is a configuration error to show, not to retry forever.
 */
export async function supervise(spec: ServiceSpec): Promise<Supervised> {
  let child: ChildProcess | undefined;
  let state: "starting" | "ready" | "stopped" = "starting";
  let restarts = 0;
  let failuresInARow = 0;
  let startedAt = 0;
  let waiters: (() => void)[] = [];
  let everReady = false;
  const lines: string[] = [];

  const settle = (next: "ready" | "stopped") => {
    state = next;
    everReady ||= next === "ready";
    for (const wake of waiters) wake();
    waiters = [];
  };

  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) {
      if (!line.trim()) continue;
      lines.push(line);
      if (lines.length > KEPT_LINES) lines.shift();
      if (!spec.quiet) process.stdout.write(`[${spec.name}] ${line}\n`);
    }
  };

  /** Starts the process; resolves when it is ready, rejects if it dies (or never answers) first. */
  const launch = (): Promise<void> => {
    startedAt = Date.now();
    const proc = spawn(spec.command, spec.args, {
      env: { ...process.env, ...spec.env },
      stdio: ["ignore", "pipe", "pipe"],
      // Its own process group: a Ctrl+C reaches the launcher, which stops the services in order,
      // instead of every service at once (each then restarted by its supervisor).
      detached: true,
      ...(spec.user ?? {}),
    });
    child = proc;
    live.set(proc, spec.stopSignal ?? "SIGTERM");
    proc.once("exit", () => live.delete(proc));
    proc.stdout?.on("data", keep);
    proc.stderr?.on("data", keep);
    proc.once("error", (error) => keep(Buffer.from(error.message)));
    if (spec.pidDir && proc.pid) recordPid(spec.pidDir, spec.name, proc.pid, spec.stopSignal ?? "SIGTERM");
    const died = new Promise<never>((_, reject) =>
      proc.once("exit", (code, signal) => {
        reject(new Error(describeExit(code, signal)));
        onExit(proc, code, signal);
      }),
    );
    return Promise.race([spec.ready ? spec.ready() : Promise.resolve(), died]).catch((error: unknown) => {
      // Alive but not answering: killed, so that its exit starts the next attempt.
      if (proc.exitCode === null && proc.signalCode === null) proc.kill("SIGKILL");
      throw error;
    });
  };

  const onExit = (proc: ChildProcess, code: number | null, signal: NodeJS.Signals | null) => {
    if (child !== proc) return;
    child = undefined;
    if (spec.pidDir) forgetPid(spec.pidDir, spec.name);
    // A first start that fails is the caller's error to show (supervise rejects), not retried.
    if (state === "stopped" || !everReady) return;
    state = "starting";
    const uptime = Date.now() - startedAt;
    failuresInARow = uptime >= STABLE_AFTER_MS ? 1 : failuresInARow + 1;
    const delay = uptime >= STABLE_AFTER_MS ? 0 : restartDelay(failuresInARow);
    restarts++;
    const tail = lines.length
      ? `\n  last lines:\n${lines
          .slice(-10)
          .map((l) => `    ${l}`)
          .join("\n")}`
      : "";
    say(
      `${spec.name} (pid ${proc.pid}) ${describeExit(code, signal)} after ${formatUptime(uptime)}${tail}\n  restarting in ${(delay / 1000).toFixed(1)} s (restart ${restarts})`,
    );
    lines.length = 0;
    setTimeout(() => {
      if (state === "stopped") return;
      launch().then(
        () => {
          say(`${spec.name} is back (pid ${child?.pid}, restart ${restarts})`);
          settle("ready");
        },
        () => {}, // its exit schedules the next attempt
      );
    }, delay);
  };

  const stop = async () => {
    settle("stopped");
    const proc = child;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => proc.kill("SIGKILL"), 10_000);
      proc.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
      proc.kill(spec.stopSignal ?? "SIGTERM");
    });
  };

  try {
    await launch();
  } catch (error) {
    await stop();
    const tail = lines.length ? `\n${lines.join("\n")}` : "";
    throw new Error(`${spec.name} did not start: ${error instanceof Error ? error.message : error}${tail}`);
  }
  settle("ready");
  return {
    name: spec.name,
    pid: () => child?.pid,
    restarts: () => restarts,
    whenReady: () => (state === "starting" ? new Promise<void>((wake) => waiters.push(wake)) : Promise.resolve()),
    stop,
  };
}

interface PidRecord {
  pid: number;
  signal: NodeJS.Signals;
  /** When the process started, as `ps` tells it: with the id, what names this process and no other. */
  started: string;
}

function startTime(pid: number): string | null {
  const ps = spawnSync("ps", ["-o", "lstart=", "-p", String(pid)], { encoding: "utf8" });
  return ps.status === 0 && ps.stdout.trim() ? ps.stdout.trim() : null;
}

function recordPid(dir: string, name: string, pid: number, signal: NodeJS.Signals) {
  mkdirSync(dir, { recursive: true });
  const record: PidRecord = { pid, signal, started: startTime(pid) ?? "" };
  writeFileSync(join(dir, `${name}.json`), JSON.stringify(record));
}

function forgetPid(dir: string, name: string) {
  rmSync(join(dir, `${name}.json`), { force: true });
}

/**
 * Stops what a launcher killed without warning left running (its children outlive it), from the
 * ids it recorded: only the very process recorded (same id, same start time) is signalled.
 */
export async function reapLeftovers(dir: string): Promise<string[]> {
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith(".json"));
  } catch {
    return [];
  }
  const reaped: string[] = [];
  for (const file of files) {
    const path = join(dir, file);
    let record: PidRecord | undefined;
    try {
      record = JSON.parse(readFileSync(path, "utf8")) as PidRecord;
    } catch {
      record = undefined;
    }
    const same = () => record?.started && startTime(record.pid) === record.started;
    if (record && same()) {
      process.kill(record.pid, record.signal);
      const deadline = Date.now() + 10_000;
      while (same() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      if (same()) process.kill(record.pid, "SIGKILL");
      reaped.push(`${file.replace(/\.json$/, "")} (pid ${record.pid})`);
    }
    rmSync(path, { force: true });
  }
  return reaped;
}
