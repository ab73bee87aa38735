import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fetch as undiciFetch } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publicDispatcher, publicLookup } from "./public-fetch";

describe("publicLookup", () => {
  it("refuses a name that resolves only to private addresses", async () => {
    const error = await new Promise<NodeJS.ErrnoException | null>((resolve) =>
      publicLookup("localhost", {}, (e) => resolve(e)),
    );
    expect(error?.code).toBe("EPRIVATEADDRESS");
  });
});

describe("publicDispatcher", () => {
  const server = createServer((_req, res) => res.end("inside"));
  let port = 0;
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("never connects to a private address, whatever a name resolves to when the call is made", async () => {
    // The server answers on this machine; reached by name, the pinned resolver refuses it.
    expect(await (await undiciFetch(`http://127.0.0.1:${port}/`)).text()).toBe("inside");
    const refused = await undiciFetch(`http://localhost:${port}/`, { dispatcher: publicDispatcher() }).catch(
      (e: unknown) => e as { cause?: { code?: string } },
    );
    expect((refused as { cause?: { code?: string } }).cause?.code).toBe("EPRIVATEADDRESS");
  });
});
