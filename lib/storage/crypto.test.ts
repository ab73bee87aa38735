import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";

import {
  ciphertextSize,
  decryptBuffer,
  decryptStream,
  DEFAULT_FRAME_SIZE,
  encryptBuffer,
  encryptStream,
  FileDecryptionError,
  generateKeyringEntry,
  parseKeyring,
  readKeyId,
  type Keyring,
} from "./crypto";

const K0 = randomBytes(32);
const K1 = randomBytes(32);
const ring0: Keyring = { currentKeyId: "k0", keys: { k0: K0 } };
const ring10: Keyring = { currentKeyId: "k1", keys: { k1: K1, k0: K0 } };
const F = DEFAULT_FRAME_SIZE;
const headerLen = (keyId: string) => 22 + keyId.length;

async function collect(it: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const p of it) parts.push(p);
  return Buffer.concat(parts);
}

/** Splits a ciphertext written with the default frame size into header and frames. */
function split(ct: Buffer, keyId = "k0"): { header: Buffer; frames: Buffer[] } {
  const h = headerLen(keyId);
  const frames: Buffer[] = [];
  for (let off = h; off < ct.length; off += F + 16) frames.push(ct.subarray(off, Math.min(ct.length, off + F + 16)));
  return { header: ct.subarray(0, h), frames };
}

describe("parseKeyring", () => {
  it("parses id:base64 entries; the first one is current", () => {
    const ring = parseKeyring(`k1:${K1.toString("base64")}, k0:${K0.toString("base64")}`);
    expect(ring.currentKeyId).toBe("k1");
    expect(Object.keys(ring.keys).sort()).toEqual(["k0", "k1"]);
    expect(ring.keys.k1?.equals(K1)).toBe(true);
    expect(ring.keys.k0?.equals(K0)).toBe(true);
  });

  it("round-trips generateKeyringEntry", () => {
    const ring = parseKeyring(`${generateKeyringEntry("k2")},${generateKeyringEntry("k1")}`);
    expect(ring.currentKeyId).toBe("k2");
    expect(ring.keys.k2).toHaveLength(32);
  });

  const b64 = K0.toString("base64");
  it.each([
    ["", /empty/],
    ["   ", /empty/],
    ["k1", /not of the form/],
    [`:${b64}`, /invalid key id/],
    [`k 1:${b64}`, /invalid key id/],
    [`k1:${b64},k1:${K1.toString("base64")}`, /duplicate key id "k1"/],
    [`k1:${randomBytes(16).toString("base64")}`, /exactly 32 bytes.*got 16 bytes/],
    [`k1:${randomBytes(33).toString("base64")}`, /got 33 bytes/],
    ["k1:not*base64", /not valid base64/],
    [`k1:${b64},`, /entry #2/],
  ])("rejects %j", (input, message) => {
    expect(() => parseKeyring(input)).toThrow(message);
  });

  it("never puts key material in error messages", () => {
    const secret = randomBytes(31).toString("base64");
    try {
      parseKeyring(`k1:${secret}`);
      expect.unreachable();
    } catch (err) {
      expect((err as Error).message).not.toContain(secret);
    }
  });

  it("does not resolve key ids through Object.prototype", async () => {
    const ct = await encryptBuffer(Buffer.from("x"), { currentKeyId: "constructor", keys: { constructor: K0 } });
    await expect(decryptBuffer(ct, ring0)).rejects.toThrow(/"constructor" is not in the keyring/);
  });
});

describe("encrypt/decrypt", () => {
  it.each([0, 1, 100, F - 1, F, F + 1, 2 * F, 3 * F + 12345])("round-trips %i bytes", async (n) => {
    const pt = randomBytes(n);
    const ct = await encryptBuffer(pt, ring0, { context: "proofs/a" });
    expect(ct.length).toBe(ciphertextSize(n, "k0"));
    expect((await decryptBuffer(ct, ring0, { context: "proofs/a" })).equals(pt)).toBe(true);
  });

  it("round-trips streams regardless of chunking on either side", async () => {
    const pt = randomBytes(5 * F + 777);
    async function* chunks(buf: Buffer, sizes: number[]) {
      let off = 0;
      for (let i = 0; off < buf.length; i++) {
        const n = sizes[i % sizes.length] ?? 1;
        yield buf.subarray(off, off + n);
        off += n;
      }
    }
    const ct = await collect(encryptStream(chunks(pt, [1, 7, 65536, 0, 100_000, 3]), ring0));
    const out = await collect(decryptStream(chunks(ct, [5, 65552, 1, 200_000, 13]), ring0));
    expect(out.equals(pt)).toBe(true);
  });

  it("uses a fresh IV per file (same plaintext, different ciphertext)", async () => {
    const pt = Buffer.from("same content");
    const a = await encryptBuffer(pt, ring0);
    const b = await encryptBuffer(pt, ring0);
    expect(a.equals(b)).toBe(false);
    expect(a.subarray(0, 4).toString()).toBe("DPEF");
    expect(a[4]).toBe(1);
    expect(readKeyId(a)).toBe("k0");
  });

  it("key rotation: a file written under k0 is readable when k1 is current; new files use k1", async () => {
    const pt = randomBytes(3 * F);
    const old = await encryptBuffer(pt, ring0);
    expect((await decryptBuffer(old, ring10)).equals(pt)).toBe(true);
    const fresh = await encryptBuffer(pt, ring10);
    expect(readKeyId(fresh)).toBe("k1");
    await expect(decryptBuffer(fresh, ring0)).rejects.toThrow(/"k1" is not in the keyring/);
  });

  it("yields each frame as soon as it is verified (streaming)", async () => {
    const pt = randomBytes(3 * F);
    const ct = await encryptBuffer(pt, ring0);
    let released = 0;
    let fed = 0;
    async function* slow() {
      for (let off = 0; off < ct.length; off += 4096) {
        fed = off + 4096;
        yield ct.subarray(off, off + 4096);
      }
    }
    for await (const chunk of decryptStream(slow(), ring0)) {
      if (released === 0) expect(fed).toBeLessThan(ct.length); // first frame out before the input ended
      released += chunk.length;
    }
    expect(released).toBe(pt.length);
  });
});

describe("tamper detection", () => {
  const pt = randomBytes(3 * F + 1000); // 4 frames
  let ct: Buffer;
  const enc = async () => (ct ??= await encryptBuffer(pt, ring0, { context: "proofs/x" }));
  const dec = (c: Buffer, ring = ring0, context = "proofs/x") => decryptBuffer(c, ring, { context });

  it("flipping any single byte (header, ciphertext, tag) fails", async () => {
    const c = await enc();
    const h = headerLen("k0");
    const positions = [0, 4, 5, 6, h - 5, h - 1, h, h + 100, h + F + 15, h + F + 16, c.length - 17, c.length - 1];
    for (const pos of positions) {
      const bad = Buffer.from(c);
      bad[pos] = (bad[pos] ?? 0) ^ 0x01;
      await expect(dec(bad), `byte ${pos}`).rejects.toBeInstanceOf(FileDecryptionError);
    }
  });

  it("truncating the last frame, a byte, or the header fails", async () => {
    const c = await enc();
    const { header, frames } = split(c);
    await expect(dec(Buffer.concat([header, ...frames.slice(0, -1)]))).rejects.toThrow(FileDecryptionError);
    await expect(dec(Buffer.concat([header, ...frames.slice(0, 1)]))).rejects.toThrow(FileDecryptionError);
    await expect(dec(c.subarray(0, c.length - 1))).rejects.toThrow(FileDecryptionError);
    await expect(dec(header)).rejects.toThrow(/truncated/);
    await expect(dec(c.subarray(0, 10))).rejects.toThrow(/truncated/);
    await expect(dec(Buffer.alloc(0))).rejects.toThrow(/empty/);
  });

  it("swapping, duplicating or appending frames fails", async () => {
    const c = await enc();
    const { header, frames } = split(c);
    const [f0, f1, f2, f3] = frames as [Buffer, Buffer, Buffer, Buffer];
    await expect(dec(Buffer.concat([header, f1, f0, f2, f3]))).rejects.toThrow(FileDecryptionError);
    await expect(dec(Buffer.concat([header, f0, f0, f2, f3]))).rejects.toThrow(FileDecryptionError);
    await expect(dec(Buffer.concat([header, f0, f1, f2, f3, f3]))).rejects.toThrow(FileDecryptionError);
    await expect(dec(Buffer.concat([c, Buffer.from([0])]))).rejects.toThrow(FileDecryptionError);
  });

  it("frames spliced from another file with the same key fail", async () => {
    const c = await enc();
    const other = await encryptBuffer(pt, ring0, { context: "proofs/x" });
    const a = split(c);
    const b = split(other);
    const mixed = Buffer.concat([a.header, a.frames[0]!, b.frames[1]!, a.frames[2]!, a.frames[3]!]);
    await expect(dec(mixed)).rejects.toThrow(FileDecryptionError);
  });

  it("wrong key, same key id, fails", async () => {
    const c = await enc();
    await expect(dec(c, { currentKeyId: "k0", keys: { k0: randomBytes(32) } })).rejects.toThrow(/authentication/);
  });

  it("wrong context (file moved to another storage key) fails", async () => {
    const c = await enc();
    await expect(dec(c, ring0, "proofs/y")).rejects.toThrow(FileDecryptionError);
  });

  it("not an encrypted file / unknown version fails", async () => {
    await expect(dec(Buffer.from("%PDF-1.7 plaintext"))).rejects.toThrow(/bad magic/);
    const c = Buffer.from(await enc());
    c[4] = 2;
    await expect(dec(c)).rejects.toThrow(/version 2/);
  });

  it("releases only verified frames: a damaged frame stops the stream after the frames before it", async () => {
    const c = Buffer.from(await enc());
    const pos = headerLen("k0") + (F + 16) + 10; // inside frame 1
    c[pos] = c[pos]! ^ 0xff;
    const released: Buffer[] = [];
    await expect(
      (async () => {
        for await (const p of decryptStream([c], ring0, { context: "proofs/x" })) released.push(p);
      })(),
    ).rejects.toThrow(/frame 1/);
    expect(Buffer.concat(released).equals(pt.subarray(0, F))).toBe(true);
  });
});
