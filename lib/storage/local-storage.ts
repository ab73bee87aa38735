import { randomBytes } from "node:crypto";
import { constants as fsConstants } from "node:fs";
import { type FileHandle, mkdir, open, readFile, rename, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";

import { assertKeyring, decryptBuffer, decryptStream, encryptStream, type Keyring } from "./crypto";
import {
  assertPutMeta,
  assertValidKey,
  countingSource,
  StorageNotFoundError,
  type FileStorage,
  type PutMeta,
} from "./storage";

export const DEFAULT_LOCAL_DIR = ".data/files";

export interface LocalStorageOptions {
  /** Root directory (created if missing, mode 0700). Relative paths resolve from process.cwd(). */
  dir?: string;
  keyring: Keyring;
}

const FILE_MODE = 0o600;
const DIR_MODE = 0o700;

function isErrno(err: unknown, ...codes: string[]): boolean {
  return typeof err === "object" && err !== null && codes.includes((err as { code?: unknown }).code as string);
}

/**
 * Stores encrypted files in a directory: key `proofs/abc` -> `<dir>/proofs/abc`.
 * Writes go to a temporary file in the target directory (`.tmp-*`, a name no
 * valid key can take), are fsynced, then renamed over the target, so a crash
 * never leaves a partial file under a key (at worst a stray `.tmp-*` file).
 * Files are created with mode 0600, directories with 0700.
 */
export class LocalStorage implements FileStorage {
  readonly root: string;
  private readonly keyring: Keyring;

  constructor(options: LocalStorageOptions) {
    assertKeyring(options.keyring);
    this.keyring = options.keyring;
    this.root = path.resolve(/*turbopackIgnore: true*/ options.dir ?? DEFAULT_LOCAL_DIR);
  }

  /** Absolute path of the file for `key` (validated, always inside root). */
  pathFor(key: string): string {
    assertValidKey(key);
    const p = path.resolve(/*turbopackIgnore: true*/ this.root, ...key.split("/"));
    const prefix = this.root.endsWith(path.sep) ? this.root : this.root + path.sep;
    if (!p.startsWith(prefix)) throw new Error("storage key escapes the root directory");
    return p;
  }

  async put(
    key: string,
    data: Buffer | AsyncIterable<Uint8Array>,
    meta: PutMeta,
  ): Promise<{ key: string; size: number }> {
    const target = this.pathFor(key);
    assertPutMeta(meta);
    const dir = path.dirname(target);
    await mkdir(dir, { recursive: true, mode: DIR_MODE });
    const tmp = path.join(dir, `.tmp-${randomBytes(12).toString("hex")}`);
    const counted = countingSource(data);
    const fh = await open(tmp, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL, FILE_MODE);
    let renamed = false;
    try {
      try {
        for await (const chunk of encryptStream(counted.source, this.keyring, { context: key })) {
          await fh.write(chunk);
        }
        await fh.sync();
      } finally {
        await fh.close();
      }
      await rename(tmp, target);
      renamed = true;
      await syncDir(dir);
    } finally {
      if (!renamed) await unlink(tmp).catch(() => undefined);
    }
    return { key, size: counted.bytes() };
  }

  async get(key: string): Promise<Buffer> {
    const file = this.pathFor(key);
    let ciphertext: Buffer;
    try {
      ciphertext = await readFile(file);
    } catch (err) {
      if (isErrno(err, "ENOENT", "ENOTDIR", "EISDIR")) throw new StorageNotFoundError(key);
      throw err;
    }
    return decryptBuffer(ciphertext, this.keyring, { context: key });
  }

  async getStream(key: string): Promise<NodeJS.ReadableStream> {
    const file = this.pathFor(key);
    let fh: FileHandle;
    try {
      fh = await open(file, "r");
    } catch (err) {
      if (isErrno(err, "ENOENT", "ENOTDIR")) throw new StorageNotFoundError(key);
      throw err;
    }
    try {
      if (!(await fh.stat()).isFile()) throw new StorageNotFoundError(key);
    } catch (err) {
      await fh.close();
      throw err;
    }
    const ciphertext = fh.createReadStream({ highWaterMark: 256 * 1024 }); // closes fh when done or destroyed
    return Readable.from(decryptStream(ciphertext, this.keyring, { context: key }), { objectMode: false });
  }

  async delete(key: string): Promise<void> {
    const file = this.pathFor(key);
    try {
      await unlink(file);
    } catch (err) {
      if (isErrno(err, "ENOENT", "ENOTDIR")) return;
      throw err;
    }
  }

  async exists(key: string): Promise<boolean> {
    const file = this.pathFor(key);
    try {
      return (await stat(file)).isFile();
    } catch (err) {
      if (isErrno(err, "ENOENT", "ENOTDIR")) return false;
      throw err;
    }
  }
}

/** fsync a directory so a rename in it is durable (best effort where unsupported). */
async function syncDir(dir: string): Promise<void> {
  let fh: FileHandle | undefined;
  try {
    fh = await open(dir, "r");
    await fh.sync();
  } catch (err) {
    if (!isErrno(err, "EISDIR", "EINVAL", "EPERM", "ENOTSUP")) throw err;
  } finally {
    await fh?.close();
  }
}
