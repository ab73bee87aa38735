import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { describeExit, reapLeftovers, restartDelay, supervise, type Supervised } from "./supervisor";

// Real child processes (node -e): a service that lives, one that dies, one that never gets ready.
const node = (code: string) => ({ command: process.execPath, args: ["-e", code] });
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const waitFor = async (check: () => boolean, ms = 10_000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
};

const running: Supervised[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
  vi.restoreAllMocks();
});

describe("restartDelay", () => {
  it.each([
    [1, 500],
    [2, 1000],
    [3, 2000],
    [6, 16_000],
    [7, 30_000],
    [40, 30_000],
  ])("restart %i in a row waits %i ms", (n, ms) => expect(restartDelay(n)).toBe(ms));
});

describe("describeExit", () => {
  it("names the signal, or the exit code", () => {
    expect(describeExit(null, "SIGKILL")).toBe("killed by SIGKILL");
    expect(describeExit(3, null)).toBe("exited with code 3");
  });
});

describe("supervise", () => {
  it("starts again a process killed with SIGKILL, and says what died, how, and its last lines", async () => {
    const said: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      said.push(String(chunk));
      return true;
    });
    // Ready once it has said "serving" (a file it writes next), so the kill never comes before.
    const dir = mkdtempSync(join(tmpdir(), "supervised-"));
    const marker = join(dir, "serving");
    const service = await supervise({
      name: "sleeper",
      ...node(
        `console.log('serving'); require('fs').writeFileSync(${JSON.stringify(marker)}, ''); setInterval(() => {}, 1000)`,
      ),
      quiet: true,
      ready: () => waitFor(() => existsSync(marker)),
    });
    running.push(service);
    const first = service.pid()!;
    process.kill(first, "SIGKILL");
    await waitFor(() => service.pid() !== undefined && service.pid() !== first && service.restarts() === 1);
    await service.whenReady();
    expect(alive(service.pid()!)).toBe(true);
    const report = said.join("");
    expect(report).toContain(`sleeper (pid ${first}) killed by SIGKILL`);
    expect(report).toContain("serving");
    expect(report).toMatch(/restarting in 0\.5 s \(restart 1\)/);
    expect(report).toContain("sleeper is back");
    rmSync(dir, { recursive: true, force: true });
  });

  it("backs off when a process keeps dying soon after it started", async () => {
    const said: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      said.push(String(chunk));
      return true;
    });
    // Lives long enough to be ready, then exits with code 4: each time sooner than "stable".
    const service = await supervise({
      name: "crasher",
      ...node("setTimeout(() => process.exit(4), 100)"),
      quiet: true,
    });
    running.push(service);
    await waitFor(() => service.restarts() >= 3, 15_000);
    const delays = [...said.join("").matchAll(/restarting in ([\d.]+) s/g)].map((m) => Number(m[1]));
    expect(delays.slice(0, 3)).toEqual([0.5, 1, 2]);
    expect(said.join("")).toContain("exited with code 4");
  });

  it("rejects when the first start dies before it is ready, with its output", async () => {
    await expect(
      supervise({
        name: "broken",
        ...node("console.error('no config'); process.exit(2)"),
        quiet: true,
        ready: () => new Promise(() => {}),
      }),
    ).rejects.toThrow(/broken did not start: exited with code 2[\s\S]*no config/);
  });

  it("stops with the service's own signal and does not start it again", async () => {
    const service = await supervise({
      name: "graceful",
      ...node("process.on('SIGINT', () => process.exit(0)); setInterval(() => {}, 1000)"),
      quiet: true,
      stopSignal: "SIGINT",
    });
    const pid = service.pid()!;
    await new Promise((r) => setTimeout(r, 200));
    await service.stop();
    expect(alive(pid)).toBe(false);
    await new Promise((r) => setTimeout(r, 800));
    expect(service.pid()).toBeUndefined();
    expect(service.restarts()).toBe(0);
  });
});

describe("reapLeftovers", () => {
  it("stops the process a killed launcher recorded, and nothing else", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dsr-run-"));
    try {
      const service = await supervise({
        name: "orphan",
        ...node("setInterval(() => {}, 1000)"),
        quiet: true,
        pidDir: dir,
      });
      const pid = service.pid()!;
      // The launcher "dies": its record stays, its process runs on.
      expect(await reapLeftovers(dir)).toEqual([`orphan (pid ${pid})`]);
      await waitFor(() => !alive(pid));
      expect(await reapLeftovers(dir)).toEqual([]);
      await service.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
