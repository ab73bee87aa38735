/**
 * S3Storage against a real S3-compatible server: s3rver (npm package
 * "@20minutes/s3rver", the maintained fork of s3rver), started in-process on a
 * random loopback port. Needs the devDependency "@20minutes/s3rver" and the
 * dependency "@aws-sdk/client-s3".
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { DEFAULT_FRAME_SIZE, FileDecryptionError, type Keyring } from "./crypto";
import { S3Storage, type S3StorageOptions } from "./s3-storage";
import { InvalidStorageKeyError, StorageNotFoundError } from "./storage";

interface S3rverInstance {
  run(): Promise<{ address: string; port: number }>;
  close(): Promise<void>;
}
type S3rverCtor = new (options: {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  resetOnClose: boolean;
  configureBuckets: { name: string }[];
}) => S3rverInstance;
type Cmd = object;
interface RawClient {
  send(c: Cmd): Promise<unknown>;
  destroy(): void;
}
interface RawSdk {
  S3Client: { new (config: object): RawClient; prototype: RawClient };
  GetObjectCommand: new (input: { Bucket: string; Key: string }) => Cmd;
  PutObjectCommand: new (input: { Bucket: string; Key: string; Body: Uint8Array }) => Cmd;
}

// @ts-expect-error -- "@20minutes/s3rver" ships no types
import S3rverDefault from "@20minutes/s3rver";
import * as sdkModule from "@aws-sdk/client-s3";

const s3rverModule = { default: S3rverDefault as unknown as S3rverCtor };
const sdk = sdkModule as unknown as RawSdk;

const K0 = randomBytes(32);
const K1 = randomBytes(32);
const ring0: Keyring = { currentKeyId: "k0", keys: { k0: K0 } };
const ring10: Keyring = { currentKeyId: "k1", keys: { k1: K1, k0: K0 } };
const BUCKET = "patient-files";
const MARKER = Buffer.from("NIR-2-92-12-75-115-042-07 PATIENT MARKER");
const META = { contentType: "application/pdf" };

async function readAll(s: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const p of s) parts.push(Buffer.from(p as Uint8Array));
  return Buffer.concat(parts);
}

function plaintextOf(size: number): Buffer {
  const buf = randomBytes(size);
  for (let off = 0; off + MARKER.length <= size; off += 100_003) MARKER.copy(buf, off);
  return buf;
}

async function* chunked(buf: Buffer, size: number): AsyncGenerator<Uint8Array> {
  for (let off = 0; off < buf.length; off += size) yield buf.subarray(off, off + size);
}

describe("S3Storage against s3rver", () => {
  let server: S3rverInstance;
  let dataDir: string;
  let base: Omit<S3StorageOptions, "keyring">;
  let storage: S3Storage;
  let raw: RawClient;
  const others: S3Storage[] = [];
  const make = (keyring: Keyring, extra: Partial<S3StorageOptions> = {}) => {
    const s = new S3Storage({ ...base, keyring, ...extra });
    others.push(s);
    return s;
  };
  const rawGet = async (key: string) => {
    const out = (await raw.send(new sdk!.GetObjectCommand({ Bucket: BUCKET, Key: key }))) as {
      Body: { transformToByteArray(): Promise<Uint8Array> };
      ContentType?: string;
    };
    return { bytes: Buffer.from(await out.Body.transformToByteArray()), contentType: out.ContentType };
  };
  const rawPut = (key: string, body: Buffer) =>
    raw.send(new sdk!.PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "s3rver-"));
    server = new s3rverModule!.default({
      address: "127.0.0.1",
      port: 0, // random free port
      silent: true,
      directory: dataDir,
      resetOnClose: false, // dataDir is removed in afterAll
      configureBuckets: [{ name: BUCKET }],
    });
    const { port } = await server.run();
    base = {
      endpoint: `http://127.0.0.1:${port}`,
      region: "us-east-1",
      bucket: BUCKET,
      accessKeyId: "S3RVER", // s3rver's built-in credentials
      secretAccessKey: "S3RVER",
      forcePathStyle: true,
    };
    storage = make(ring0);
    raw = new sdk!.S3Client({
      endpoint: base.endpoint,
      region: base.region,
      forcePathStyle: true,
      credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
  });

  afterAll(async () => {
    for (const s of others) await s.close();
    raw?.destroy();
    await server?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("round-trips a small file; exists/delete/idempotent delete; missing key", async () => {
    const pt = Buffer.concat([Buffer.from("%PDF-1.4\n"), MARKER]);
    expect(await storage.put("proofs/small", pt, META)).toEqual({ key: "proofs/small", size: pt.length });
    expect(await storage.exists("proofs/small")).toBe(true);
    expect((await storage.get("proofs/small")).equals(pt)).toBe(true);
    expect((await readAll(await storage.getStream("proofs/small"))).equals(pt)).toBe(true);

    await storage.delete("proofs/small");
    expect(await storage.exists("proofs/small")).toBe(false);
    await expect(storage.delete("proofs/small")).resolves.toBeUndefined();
    await expect(storage.get("proofs/small")).rejects.toBeInstanceOf(StorageNotFoundError);
    await expect(storage.getStream("proofs/small")).rejects.toBeInstanceOf(StorageNotFoundError);
  });

  it("the bucket only holds ciphertext", async () => {
    const pt = plaintextOf(1024 * 1024);
    await storage.put("proofs/marker", pt, META);
    const { bytes, contentType } = await rawGet("proofs/marker");
    expect(bytes.subarray(0, 4).toString()).toBe("DPEF");
    expect(bytes.includes(MARKER)).toBe(false);
    expect(contentType).toBe("application/octet-stream");
  });

  it("round-trips a 5 MB file in one PutObject, and a 12 MB stream as a multipart upload", async () => {
    const five = plaintextOf(5 * 1024 * 1024);
    await storage.put("exports/five", five, { contentType: "application/zip" });
    expect((await storage.get("exports/five")).equals(five)).toBe(true);

    const twelve = plaintextOf(12 * 1024 * 1024 + 7);
    const multipart = make(ring0, { partSize: 5 * 1024 * 1024 });
    const send = vi.spyOn(sdk!.S3Client.prototype, "send");
    try {
      expect(
        await multipart.put("exports/twelve", chunked(twelve, 300_000), { contentType: "application/zip" }),
      ).toEqual({
        key: "exports/twelve",
        size: twelve.length,
      });
      expect(send.mock.calls.map(([command]) => (command as object).constructor.name)).toEqual([
        "CreateMultipartUploadCommand",
        "UploadPartCommand",
        "UploadPartCommand",
        "UploadPartCommand",
        "CompleteMultipartUploadCommand",
      ]);
    } finally {
      send.mockRestore();
    }
    expect((await readAll(await storage.getStream("exports/twelve"))).equals(twelve)).toBe(true);
  });

  it("a failing source leaves no object and aborts the multipart upload", async () => {
    const multipart = make(ring0, { partSize: 5 * 1024 * 1024 });
    async function* failing(): AsyncGenerator<Uint8Array> {
      for (let i = 0; i < 12; i++) yield randomBytes(1024 * 1024);
      throw new Error("client disconnected");
    }
    // s3rver implements neither AbortMultipartUpload nor ListMultipartUploads, so
    // check that the abort is sent (its failure is ignored) by watching the client.
    const send = vi.spyOn(sdk!.S3Client.prototype, "send");
    try {
      await expect(multipart.put("exports/failed", failing(), META)).rejects.toThrow("client disconnected");
      const sent = send.mock.calls.map(([command]) => (command as object).constructor.name);
      expect(sent).toEqual([
        "CreateMultipartUploadCommand",
        "UploadPartCommand",
        "UploadPartCommand",
        "AbortMultipartUploadCommand",
      ]);
    } finally {
      send.mockRestore();
    }
    expect(await storage.exists("exports/failed")).toBe(false);
  });

  it("tampered, truncated, swapped, moved objects and wrong keys fail", async () => {
    const pt = plaintextOf(3 * DEFAULT_FRAME_SIZE + 100);
    await storage.put("proofs/t", pt, META);
    const { bytes } = await rawGet("proofs/t");
    const H = 24;
    const F = DEFAULT_FRAME_SIZE + 16;

    const broken: Buffer[] = [];
    const flipped = Buffer.from(bytes);
    flipped[H + F + 5] = flipped[H + F + 5]! ^ 1;
    broken.push(flipped);
    broken.push(bytes.subarray(0, H + 3 * F)); // last frame removed
    broken.push(
      Buffer.concat([
        bytes.subarray(0, H),
        bytes.subarray(H + F, H + 2 * F),
        bytes.subarray(H, H + F),
        bytes.subarray(H + 2 * F),
      ]),
    );
    for (const b of broken) {
      await rawPut("proofs/t-bad", b);
      await expect(storage.get("proofs/t-bad")).rejects.toBeInstanceOf(FileDecryptionError);
      await expect(readAll(await storage.getStream("proofs/t-bad"))).rejects.toBeInstanceOf(FileDecryptionError);
    }
    // intact bytes under another key: bound to the key, so rejected too
    await rawPut("proofs/t-copy", bytes);
    await expect(storage.get("proofs/t-copy")).rejects.toBeInstanceOf(FileDecryptionError);
    // wrong key
    const wrong = make({ currentKeyId: "k0", keys: { k0: randomBytes(32) } });
    await expect(wrong.get("proofs/t")).rejects.toBeInstanceOf(FileDecryptionError);
    expect((await storage.get("proofs/t")).equals(pt)).toBe(true);
  });

  it("key rotation: written with k0, readable when k1 is current", async () => {
    const pt = plaintextOf(300_000);
    await storage.put("proofs/rot", pt, META);
    expect((await make(ring10).get("proofs/rot")).equals(pt)).toBe(true);
  });

  it("rejects invalid keys before any request", async () => {
    for (const key of ["../x", "/abs", "a/../b", "a b"]) {
      await expect(storage.put(key, Buffer.from("x"), META)).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(storage.exists(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
    }
  });
});
