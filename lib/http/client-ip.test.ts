import { describe, expect, it } from "vitest";
import { clientIpFrom, SOCKET_ADDRESS_HEADER } from "./client-ip";

const headers = (h: Record<string, string>) => new Headers(h);

describe("clientIpFrom: the address rate limits count", () => {
  it.each<[string, Record<string, string>, boolean, string]>([
    [
      "behind a proxy: the last X-Forwarded-For entry, what the proxy saw",
      { "x-forwarded-for": "6.6.6.6, 203.0.113.9", [SOCKET_ADDRESS_HEADER]: "10.0.0.2" },
      true,
      "203.0.113.9",
    ],
    ["behind a proxy, one entry", { "x-forwarded-for": "203.0.113.9" }, true, "203.0.113.9"],
    ["behind a proxy that sent none", { [SOCKET_ADDRESS_HEADER]: "10.0.0.2" }, true, "unknown"],
    [
      "no proxy: the socket's peer, whatever the client claims",
      { "x-forwarded-for": "6.6.6.6", [SOCKET_ADDRESS_HEADER]: "198.51.100.7" },
      false,
      "198.51.100.7",
    ],
    ["no proxy, IPv6 peer", { [SOCKET_ADDRESS_HEADER]: "::ffff:127.0.0.1" }, false, "::ffff:127.0.0.1"],
    ["no proxy and no peer recorded", { "x-forwarded-for": "6.6.6.6" }, false, "unknown"],
  ])("%s", (_name, given, trustProxy, expected) => {
    expect(clientIpFrom(headers(given), trustProxy)).toBe(expected);
  });
});
