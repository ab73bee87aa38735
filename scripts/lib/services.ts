import { spawn } from "node:child_process";
import { createServer, Socket } from "node:net";
import { supervise, type Supervised } from "./supervisor";

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** `preferred` when it is free on loopback, otherwise a free port. */
export function preferredPort(preferred: number): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(freePort()));
    probe.listen(preferred, "127.0.0.1", () => probe.close(() => resolve(preferred)));
  });
}

export async function waitForPort(port: number, timeoutMs = 60_000, host = "127.0.0.1"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = new Socket();
      const settle = (answered: boolean) => {
        socket.destroy();
        resolve(answered);
      };
      socket.once("connect", () => settle(true));
      socket.once("error", () => settle(false));
      socket.connect(port, host);
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`Nothing listens on ${host}:${port} after ${timeoutMs} ms`);
}

/**
 * maildev: a local SMTP catcher with a web inbox and a REST API (GET /api/email, ...), supervised.
 * With `mailDir` the mail it received is kept there and read back when it starts again.
 */
export function startMaildev(
  smtpPort: number,
  webPort: number,
  options: { pidDir?: string; mailDir?: string } = {},
): Promise<Supervised> {
  return supervise({
    name: "mail",
    command: process.execPath,
    args: [
      "node_modules/maildev/dist/bin/maildev.js",
      "--smtp",
      String(smtpPort),
      "--ip",
      "127.0.0.1",
      "--web",
      String(webPort),
      "--web-ip",
      "127.0.0.1",
      ...(options.mailDir ? ["--mail-directory", options.mailDir] : []),
      "--silent",
    ],
    quiet: true,
    ready: async () => {
      await Promise.all([waitForPort(smtpPort), waitForPort(webPort)]);
    },
    pidDir: options.pidDir,
  });
}

/** The background worker (scripts/worker.ts), one process (tsx loaded in it, not a launcher around it). */
export function workerCommand(): { command: string; args: string[] } {
  return { command: process.execPath, args: ["--import", "tsx", "scripts/worker.ts"] };
}

/** The production server of a built app. */
export function webCommand(port: number, host?: string): { command: string; args: string[] } {
  return {
    command: process.execPath,
    args: ["node_modules/next/dist/bin/next", "start", "-p", String(port), ...(host ? ["-H", host] : [])],
  };
}

/** Runs a command to completion with inherited output; resolves with its exit code. */
export function run(command: string, args: string[], env: Record<string, string | undefined> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: "inherit" });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
