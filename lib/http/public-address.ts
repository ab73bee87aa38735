import { lookup } from "node:dns/promises";
import { isIP } from "node:net";

const V4_PRIVATE: [number, number][] = [
  // [network, prefix length]
  [0x00000000, 8], // "this" network
  [0x0a000000, 8], // 10/8
  [0x64400000, 10], // 100.64/10, carrier-grade NAT
  [0x7f000000, 8], // loopback
  [0xa9fe0000, 16], // link-local, cloud metadata
  [0xac100000, 12], // 172.16/12
  [0xc0a80000, 16], // 192.168/16
  [0xe0000000, 3], // multicast and reserved
];

function v4(ip: string): number {
  return ip.split(".").reduce((n, part) => n * 256 + Number(part), 0);
}

/** An IPv6 address as its eight 16-bit groups (with an embedded dotted IPv4 tail), or null if it is not one. */
function v6Groups(ip: string): number[] | null {
  if (isIP(ip) !== 6) return null;
  let text = ip.toLowerCase().replace(/%.*$/, "");
  const dotted = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) {
    const n = v4(dotted[1]!);
    text = `${text.slice(0, -dotted[1]!.length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = text.split("::") as [string, string | undefined];
  const part = (s: string | undefined) => (s ? s.split(":").map((g) => parseInt(g, 16)) : []);
  const left = part(head);
  const right = part(tail);
  return tail === undefined ? left : [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/** IPv6 ranges that are not the public internet, or that carry an IPv4 address inside: [first groups, prefix length]. */
const V6_PRIVATE: [number[], number][] = [
  [[0, 0, 0, 0, 0, 0], 96], // unspecified, loopback, IPv4-compatible
  [[0x64, 0xff9b], 32], // NAT64 (64:ff9b::/96 and the local-use 64:ff9b:1::/48)
  [[0x2001, 0], 32], // Teredo
  [[0x2002], 16], // 6to4
  [[0xfc00], 7], // unique local
  [[0xfe80], 10], // link-local
  [[0xff00], 8], // multicast
];

function inV6Range(groups: number[], [net, bits]: [number[], number]): boolean {
  for (let i = 0; i * 16 < bits; i++) {
    const width = Math.min(16, bits - i * 16);
    const mask = (0xffff << (16 - width)) & 0xffff;
    if (((groups[i] ?? 0) & mask) !== ((net[i] ?? 0) & mask)) return false;
  }
  return true;
}

/** Whether an IP address is not on the public internet (private, loopback, link-local, reserved, or an IPv4 one inside IPv6). */
export function isPrivateAddress(ip: string): boolean {
  if (isIP(ip) === 4) {
    const n = v4(ip);
    return V4_PRIVATE.some(([net, bits]) => Math.floor(n / 2 ** (32 - bits)) === Math.floor(net / 2 ** (32 - bits)));
  }
  const groups = v6Groups(ip);
  if (groups?.length !== 8) return true;
  // IPv4-mapped (::ffff:a.b.c.d, however written): the IPv4 address is what is reached.
  if (inV6Range(groups, [[0, 0, 0, 0, 0, 0xffff], 96]))
    return isPrivateAddress([groups[6]! >> 8, groups[6]! & 255, groups[7]! >> 8, groups[7]! & 255].join("."));
  return V6_PRIVATE.some((range) => inV6Range(groups, range));
}

/** Whether a URL's host resolves only to public addresses (a server-side request cannot reach inside). */
export async function resolvesToPublic(url: string): Promise<boolean> {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  try {
    const addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
    return addresses.length > 0 && !addresses.some(isPrivateAddress);
  } catch {
    return false;
  }
}
