import { Agent, createServer, request as httpRequest, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LINGER_MS, prepareIncomingRequests } from "./incoming-requests";

// A real HTTP server with the hook installed: past 1 kB it answers 413 after its first chunk and
// reads no more, as a route cut at its cap does (Node then closes the connection itself).
let server: Server;
let base: string;
const closes: unknown[] = [];
/** The server's side of the connections it answered early. */
const answeredEarly: Socket[] = [];

beforeAll(async () => {
  prepareIncomingRequests();
  server = createServer((req: IncomingMessage, res) => {
    closes.push(req.socket.destroySoon);
    if (Number(req.headers["content-length"] ?? 0) > 1024) {
      req.once("data", () => {
        req.pause();
        answeredEarly.push(req.socket);
        res.writeHead(413, { "content-type": "text/plain" }).end("too large");
      });
      return;
    }
    req.resume();
    req.on("end", () => res.end("ok"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Sends `size` bytes a chunk per event-loop turn, as an upload does, and stops once answered. */
function post(
  size: number,
  agent: Agent | false,
): Promise<{ status: number; text: string; client: { destroy(): void } }> {
  return new Promise((resolve, reject) => {
    const out = httpRequest(`${base}/`, { method: "POST", agent, headers: { "content-length": size } });
    let answered = false;
    out.on("response", (res) => {
      answered = true;
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text, client: out }));
    });
    out.on("error", (error) => (answered ? undefined : reject(error)));
    const chunk = Buffer.alloc(Math.min(size, 64 * 1024), 1);
    let sent = 0;
    const pump = () => {
      if (answered) return;
      if (sent >= size) return void out.end();
      const part = chunk.subarray(0, Math.min(chunk.length, size - sent));
      sent += part.length;
      if (out.write(part)) setImmediate(pump);
      else out.once("drain", pump);
    };
    pump();
  });
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("a connection answered before its request's body was read", () => {
  it("stays open after the answer for the client to read it, instead of being reset under the upload, and then goes", async () => {
    answeredEarly.length = 0;
    const { status, text, client } = await post(8 * 1024 * 1024, false);
    expect({ status, text }).toEqual({ status: 413, text: "too large" });
    await wait(300);
    const [socket] = answeredEarly;
    expect(socket!.destroyed).toBe(false);
    client.destroy();
    const deadline = Date.now() + LINGER_MS + 1000;
    while (!socket!.destroyed && Date.now() < deadline) await wait(50);
    expect(socket!.destroyed).toBe(true);
  }, 10_000);

  it("wraps a kept-alive connection's close once, whatever the number of its requests", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    closes.length = 0;
    for (let i = 0; i < 50; i++) expect((await post(5, agent)).status).toBe(200);
    expect(new Set(closes).size).toBe(1);
    // And the last request on it, answered early, is still read by its client.
    const last = await post(8 * 1024 * 1024, agent);
    expect({ status: last.status, text: last.text }).toEqual({ status: 413, text: "too large" });
    last.client.destroy();
    agent.destroy();
  });
});
