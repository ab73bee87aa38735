import { describe, expect, it } from "vitest";
import { isPrivateAddress, resolvesToPublic } from "./public-address";

describe("isPrivateAddress", () => {
  it.each([
    ["10.1.2.3", true],
    ["172.16.0.1", true],
    ["172.31.255.255", true],
    ["172.32.0.1", false],
    ["192.168.1.10", true],
    ["127.0.0.1", true],
    ["169.254.169.254", true],
    ["100.64.0.1", true],
    ["0.0.0.0", true],
    ["224.0.0.1", true],
    ["8.8.8.8", false],
    ["93.184.216.34", false],
    ["::1", true],
    ["fd00::1", true],
    ["fe80::1", true],
    ["::ffff:10.0.0.1", true],
    ["::ffff:8.8.8.8", false],
    ["2001:4860:4860::8888", false],
    ["2a00:1450:4007:80e::200e", false],
    // IPv4 inside IPv6, however it is written (URL parsing rewrites [::ffff:127.0.0.1] as [::ffff:7f00:1]).
    ["::ffff:7f00:1", true],
    ["::ffff:a9fe:a9fe", true],
    ["::ffff:808:808", false],
    ["::127.0.0.1", true],
    ["64:ff9b::7f00:1", true],
    ["2002:7f00:1::1", true],
    ["2001:0:4136:e378::1", true],
    ["FE80::1%eth0", true],
    ["not-an-ip", true],
  ])("%s: %s", (ip, expected) => expect(isPrivateAddress(ip)).toBe(expected));
});

describe("resolvesToPublic", () => {
  it("refuses literal private addresses and names that do not resolve", async () => {
    expect(await resolvesToPublic("https://169.254.169.254/latest/meta-data")).toBe(false);
    expect(await resolvesToPublic("https://[::1]:8443/hook")).toBe(false);
    expect(await resolvesToPublic("https://[::ffff:127.0.0.1]:8443/hook")).toBe(false);
    expect(await resolvesToPublic("https://localhost/hook")).toBe(false);
    expect(await resolvesToPublic("https://nothing.invalid/hook")).toBe(false);
    expect(await resolvesToPublic("https://93.184.216.34/hook")).toBe(true);
  });
});
