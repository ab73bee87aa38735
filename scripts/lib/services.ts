import { type ChildProcess, spawn } from "node:child_process";
import { createServer, Socket } from "node:net";

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export async function waitForPort(port: number, timeoutMs = 60_000, host = "127.0.0.1"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = new Socket();
      socket.once("connect", () => (socket.destroy(), resolve(true)));
      socket.once("error", () => (socket.destroy(), resolve(false)));
      socket.connect(port, host);
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`Nothing listens on ${host}:${port} after ${timeoutMs} ms`);
}

export interface Service {
  name: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts a long-running child process; its output is prefixed, or kept quiet unless it fails. */
export function startProcess(
  name: string,
  command: string,
  args: string[],
  options: { env?: Record<string, string | undefined>; quiet?: boolean } = {},
): Service {
  const child = spawn(command, args, { env: { ...process.env, ...options.env }, stdio: ["ignore", "pipe", "pipe"] });
  const log: string[] = [];
  const forward = (chunk: Buffer) => {
    const text = chunk.toString();
    if (options.quiet) {
      log.push(text);
      if (log.length > 200) log.shift();
    } else {
      for (const line of text.split("\n")) if (line.trim()) process.stdout.write(`[${name}] ${line}\n`);
    }
  };
  child.stdout?.on("data", forward);
  child.stderr?.on("data", forward);
  child.on("exit", (code, signal) => {
    if (code && code !== 0 && code !== 143 && !signal) {
      process.stderr.write(`[${name}] exited with code ${code}\n${options.quiet ? log.join("") : ""}`);
    }
  });
  return {
    name,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
        child.once("exit", () => (clearTimeout(timer), resolve()));
        child.kill("SIGTERM");
      }),
  };
}

/** maildev: a local SMTP catcher with a web inbox and a REST API (GET /api/email, ...). */
export async function startMaildev(smtpPort: number, webPort: number, quiet = true): Promise<Service> {
  const service = startProcess(
    "maildev",
    process.execPath,
    [
      "node_modules/maildev/dist/bin/maildev.js",
      "--smtp", String(smtpPort), "--ip", "127.0.0.1",
      "--web", String(webPort), "--web-ip", "127.0.0.1",
      "--silent",
    ],
    { quiet },
  );
  await Promise.all([waitForPort(smtpPort), waitForPort(webPort)]);
  return service;
}

/** Runs a command to completion with inherited output; resolves with its exit code. */
export function run(command: string, args: string[], env: Record<string, string | undefined> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: "inherit" });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
