import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DEFAULT_FRAME_SIZE, FileDecryptionError, type Keyring } from "./crypto";
import { LocalStorage } from "./local-storage";
import { InvalidStorageKeyError, StorageNotFoundError } from "./storage";

const K0 = randomBytes(32);
const K1 = randomBytes(32);
const ring0: Keyring = { currentKeyId: "k0", keys: { k0: K0 } };
const ring10: Keyring = { currentKeyId: "k1", keys: { k1: K1, k0: K0 } };
const FRAME = DEFAULT_FRAME_SIZE + 16;
const HEADER = 22 + 2; // key ids "k0"/"k1"
const MARKER = Buffer.from("NIR-1-85-05-78-006-084-36 PATIENT MARKER");
const PDF_META = { contentType: "application/pdf" };

let dir: string;
let storage: LocalStorage;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "storage-test-"));
  storage = new LocalStorage({ dir, keyring: ring0 });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readAll(s: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const p of s) parts.push(Buffer.from(p as Uint8Array));
  return Buffer.concat(parts);
}

/** Plaintext with the marker spread through it, so any plaintext leak is findable. */
function plaintextOf(size: number): Buffer {
  const buf = randomBytes(size);
  for (let off = 0; off + MARKER.length <= size; off += 100_003) MARKER.copy(buf, off);
  return buf;
}

async function* chunked(buf: Buffer, size: number): AsyncGenerator<Uint8Array> {
  for (let off = 0; off < buf.length; off += size) yield new Uint8Array(buf.subarray(off, off + size));
}

describe("LocalStorage", () => {
  it("round-trips a small file (get and getStream)", async () => {
    const pt = Buffer.concat([Buffer.from("%PDF-1.4\n"), MARKER]);
    expect(await storage.put("proofs/small", pt, PDF_META)).toEqual({ key: "proofs/small", size: pt.length });
    expect(await storage.exists("proofs/small")).toBe(true);
    expect((await storage.get("proofs/small")).equals(pt)).toBe(true);
    expect((await readAll(await storage.getStream("proofs/small"))).equals(pt)).toBe(true);
  });

  it("round-trips an empty file", async () => {
    await storage.put("proofs/empty", Buffer.alloc(0), PDF_META);
    expect((await storage.get("proofs/empty")).length).toBe(0);
    expect((await readAll(await storage.getStream("proofs/empty"))).length).toBe(0);
  });

  it("round-trips a 5 MB multi-frame file written from a stream, read as a stream", async () => {
    const pt = plaintextOf(5 * 1024 * 1024 + 123);
    const res = await storage.put("exports/big.zip", chunked(pt, 100_000), { contentType: "application/zip" });
    expect(res).toEqual({ key: "exports/big.zip", size: pt.length });
    expect((await readAll(await storage.getStream("exports/big.zip"))).equals(pt)).toBe(true);
    expect((await storage.get("exports/big.zip")).equals(pt)).toBe(true);
  });

  it("stores only ciphertext: the plaintext marker is not on disk", async () => {
    const pt = plaintextOf(5 * 1024 * 1024);
    await storage.put("proofs/marker", pt, PDF_META);
    const onDisk = await readFile(path.join(dir, "proofs", "marker"));
    expect(pt.includes(MARKER)).toBe(true);
    expect(onDisk.includes(MARKER)).toBe(false);
    expect(onDisk.includes(pt.subarray(1000, 1032))).toBe(false);
    expect(onDisk.subarray(0, 4).toString()).toBe("DPEF");
    expect(onDisk.length).toBeGreaterThan(pt.length); // header + one tag per frame
  });

  it("creates files with mode 0600 and directories with 0700, and leaves no temp file", async () => {
    await storage.put("letters/2025/a.pdf", Buffer.from("%PDF-1.4"), PDF_META);
    expect((await stat(path.join(dir, "letters/2025/a.pdf"))).mode & 0o777).toBe(0o600);
    expect((await stat(path.join(dir, "letters/2025"))).mode & 0o777).toBe(0o700);
    expect(await readdir(path.join(dir, "letters/2025"))).toEqual(["a.pdf"]);
  });

  it("overwrites atomically; a failing source leaves the previous content and no temp file", async () => {
    await storage.put("proofs/atomic", Buffer.from("version 1"), PDF_META);
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield randomBytes(300_000);
      throw new Error("client disconnected");
    }
    await expect(storage.put("proofs/atomic", failing(), PDF_META)).rejects.toThrow("client disconnected");
    expect((await storage.get("proofs/atomic")).toString()).toBe("version 1");
    await expect(storage.put("proofs/new-failing", failing(), PDF_META)).rejects.toThrow("client disconnected");
    expect(await storage.exists("proofs/new-failing")).toBe(false);
    expect((await readdir(path.join(dir, "proofs"))).filter((f) => f.startsWith("."))).toEqual([]);
    await storage.put("proofs/atomic", Buffer.from("version 2"), PDF_META);
    expect((await storage.get("proofs/atomic")).toString()).toBe("version 2");
  });

  describe("tampering on disk makes get and getStream fail", () => {
    const pt = plaintextOf(3 * DEFAULT_FRAME_SIZE + 5000); // 4 frames
    const file = () => path.join(dir, "proofs", "tamper");
    let original: Buffer;

    beforeAll(async () => {
      await storage.put("proofs/tamper", pt, PDF_META);
      original = await readFile(file());
      expect(original.length).toBe(HEADER + 3 * FRAME + 5000 + 16);
    });

    async function expectBroken(content: Buffer, s: LocalStorage = storage): Promise<void> {
      await writeFile(file(), content);
      await expect(s.get("proofs/tamper")).rejects.toBeInstanceOf(FileDecryptionError);
      await expect(readAll(await s.getStream("proofs/tamper"))).rejects.toBeInstanceOf(FileDecryptionError);
    }
    const frame = (i: number) => original.subarray(HEADER + i * FRAME, HEADER + (i + 1) * FRAME);

    it("one flipped byte in the ciphertext", async () => {
      const bad = Buffer.from(original);
      const pos = HEADER + FRAME + 1234;
      bad[pos] = bad[pos]! ^ 0x40;
      await expectBroken(bad);
    });

    it("last frame truncated (removed, or cut short)", async () => {
      await expectBroken(original.subarray(0, HEADER + 3 * FRAME));
      await expectBroken(original.subarray(0, original.length - 1));
    });

    it("two frames swapped", async () => {
      await expectBroken(
        Buffer.concat([
          original.subarray(0, HEADER),
          frame(1),
          frame(0),
          frame(2),
          original.subarray(HEADER + 3 * FRAME),
        ]),
      );
    });

    it("wrong key", async () => {
      await writeFile(file(), original);
      const other = new LocalStorage({ dir, keyring: { currentKeyId: "k0", keys: { k0: randomBytes(32) } } });
      await expectBroken(original, other);
      expect((await storage.get("proofs/tamper")).equals(pt)).toBe(true); // intact file, right key
    });

    it("file moved to another key", async () => {
      await writeFile(file(), original);
      await rename(file(), path.join(dir, "proofs", "moved"));
      await expect(storage.get("proofs/moved")).rejects.toBeInstanceOf(FileDecryptionError);
      await rename(path.join(dir, "proofs", "moved"), file());
    });
  });

  it("key rotation: a file written with k0 is still readable when k1 is current", async () => {
    const pt = plaintextOf(200_000);
    await new LocalStorage({ dir, keyring: ring0 }).put("proofs/rotated", pt, PDF_META);
    const rotated = new LocalStorage({ dir, keyring: ring10 });
    expect((await rotated.get("proofs/rotated")).equals(pt)).toBe(true);
    expect((await readAll(await rotated.getStream("proofs/rotated"))).equals(pt)).toBe(true);
    await rotated.put("proofs/rotated-new", pt, PDF_META);
    expect((await readFile(path.join(dir, "proofs/rotated-new"))).subarray(6, 8).toString()).toBe("k1");
    await expect(storage.get("proofs/rotated-new")).rejects.toThrow(/"k1" is not in the keyring/);
  });

  it("delete removes the file from disk and is idempotent", async () => {
    await storage.put("proofs/del", Buffer.from("x"), PDF_META);
    const onDisk = path.join(dir, "proofs", "del");
    await stat(onDisk);
    await storage.delete("proofs/del");
    await expect(stat(onDisk)).rejects.toMatchObject({ code: "ENOENT" });
    expect(await storage.exists("proofs/del")).toBe(false);
    await expect(storage.delete("proofs/del")).resolves.toBeUndefined();
    await expect(storage.delete("never/existed/at-all")).resolves.toBeUndefined();
  });

  it("missing keys: get/getStream reject with StorageNotFoundError, exists is false", async () => {
    await expect(storage.get("proofs/missing")).rejects.toBeInstanceOf(StorageNotFoundError);
    await expect(storage.getStream("proofs/missing")).rejects.toBeInstanceOf(StorageNotFoundError);
    await expect(storage.get("proofs")).rejects.toBeInstanceOf(StorageNotFoundError); // a directory
    expect(await storage.exists("proofs/missing")).toBe(false);
    expect(await storage.exists("proofs")).toBe(false);
  });

  it.each([
    "",
    "../etc/passwd",
    "proofs/../../x",
    "proofs/..",
    "a..b",
    "/etc/passwd",
    "proofs//x",
    "proofs/",
    "./proofs/x",
    "proofs/.hidden",
    ".tmp-abc",
    "proofs/a b",
    "proofs\\x",
    "proofs/é",
    "proofs/x%2F..",
    "C:/x",
    "proofs/x\u0000",
    "x".repeat(513),
  ])("rejects invalid key %j in every method", async (key) => {
    await expect(storage.put(key, Buffer.from("x"), PDF_META)).rejects.toBeInstanceOf(InvalidStorageKeyError);
    await expect(storage.get(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
    await expect(storage.getStream(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
    await expect(storage.delete(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
    await expect(storage.exists(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
  });

  it("accepts ordinary keys", async () => {
    for (const key of ["proofs/123e4567-e89b-12d3-a456-426614174000", "exports/2025-01-01/export_v1.tar.gz", "a"]) {
      await storage.put(key, Buffer.from("ok"), PDF_META);
      expect((await storage.get(key)).toString()).toBe("ok");
    }
  });

  it("requires a content type and a usable keyring", async () => {
    await expect(storage.put("proofs/nometa", Buffer.from("x"), { contentType: "" })).rejects.toThrow(/contentType/);
    expect(() => new LocalStorage({ dir, keyring: { currentKeyId: "k9", keys: { k0: K0 } } })).toThrow(/current key/);
    expect(() => new LocalStorage({ dir, keyring: { currentKeyId: "k0", keys: { k0: randomBytes(16) } } })).toThrow(
      /32-byte/,
    );
  });
});
