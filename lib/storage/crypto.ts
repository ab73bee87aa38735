/**
 * Encryption at rest for stored files: AES-256-GCM in independent, authenticated
 * frames, so that files of any size are encrypted and decrypted as streams and
 * no plaintext is released before it has been authenticated.
 *
 * ## File format, version 1 (all integers big-endian)
 *
 * Header (22 + n bytes):
 *
 *   offset  size  field
 *   0       4     magic "DPEF" (0x44 0x50 0x45 0x46)
 *   4       1     version = 0x01
 *   5       1     n = length of the key id (1..32)
 *   6       n     key id, ASCII [A-Za-z0-9_-] (which keyring entry encrypted the file)
 *   6+n     12    file IV: 12 random bytes, fresh for every file
 *   18+n    4     F = plaintext bytes per frame (64 KiB when written by this module)
 *
 * Then one or more frames, back to back, nothing else:
 *
 *   ciphertext (F bytes for every frame but the last; 0..F bytes for the last)
 *   GCM tag    (16 bytes)
 *
 * Frame i (i = 0, 1, 2, ...) is AES-256-GCM with
 *
 *   key   = HKDF-SHA256(ikm = master key named by the key id, salt = file IV,
 *                       info = "droits-patients/file-encryption/v1", 32 bytes)
 *           (a fresh key per file: the GCM usage limits apply per file, not per master key)
 *   nonce = file IV XOR (4 zero bytes || uint64 i)   (unique per frame within the file)
 *   AAD   = header bytes || uint64 i || uint8 final (1 for the last frame, else 0) || context
 *
 * `context` is a caller-supplied string, not stored in the file; the storage
 * backends pass the storage key, so a ciphertext copied or moved to another
 * key (e.g. one patient's proof substituted for another's in the bucket) fails
 * to decrypt.
 *
 * Writers emit a non-final frame only once more plaintext is known to follow,
 * so every frame except the last is exactly F bytes and the last frame holds
 * 1..F bytes (0 only for an empty file, which is a single empty final frame).
 * Readers therefore need no length fields: they buffer F + 16 bytes, and
 * decrypt them as a non-final frame only when at least one more byte follows;
 * at end of input, what is left (16..F+16 bytes) is the final frame.
 *
 * What is detected (FileDecryptionError):
 * - any modified byte: header (it is in every frame's AAD; a changed key id
 *   selects another key), ciphertext or tag;
 * - reordered, duplicated or dropped frames: the index is in the nonce and AAD;
 * - truncation at a frame boundary: the new last frame was sealed with
 *   final = 0; truncation inside a frame: tag mismatch; data appended after the
 *   final frame: the final frame is then read as non-final;
 * - frames spliced from another file (different file IV, hence key and AAD) or
 *   a file under the wrong storage key (context);
 * - a wrong or unknown key.
 * Each frame is verified (decipher.final()) before its plaintext is yielded.
 * A streaming reader can still have received the authentic frames that come
 * before a damaged one: it must treat a stream error as a failed read.
 *
 * Key rotation: the keyring's current key encrypts new files; older keys stay
 * in the keyring to read older files (the key id in each header selects it).
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

export interface Keyring {
  /** Id of the key that encrypts new files. */
  currentKeyId: string;
  /** Master keys by id, 32 bytes each. */
  keys: Record<string, Buffer>;
}

export class FileDecryptionError extends Error {
  override readonly name = "FileDecryptionError";
}

export const FORMAT_MAGIC = Buffer.from("DPEF", "ascii");
export const FORMAT_VERSION = 1;
export const DEFAULT_FRAME_SIZE = 64 * 1024;
export const KEY_BYTES = 32;
export const IV_BYTES = 12;
export const TAG_BYTES = 16;
const MAX_KEY_ID_LENGTH = 32;
const KEY_ID_RE = /^[A-Za-z0-9_-]{1,32}$/;
/** Upper bound accepted from a header, so a forged header cannot make the reader buffer gigabytes. */
const MAX_FRAME_SIZE = 16 * 1024 * 1024;
const MAX_FRAMES = 2n ** 32n;
const HKDF_INFO = Buffer.from("droits-patients/file-encryption/v1", "ascii");
const FIXED_HEADER_BYTES = 4 + 1 + 1 + IV_BYTES + 4;

// ---------------------------------------------------------------------------
// Keyring

/**
 * Parses a keyring from an env-style string `id:<base64 of 32 bytes>,...`,
 * e.g. `k1:AAAA...=,k0:BBBB...=`. The FIRST entry is the current key (used for
 * new files); the others are kept to decrypt older files. Error messages never
 * contain key material.
 */
export function parseKeyring(s: string): Keyring {
  if (typeof s !== "string" || s.trim() === "") {
    throw new Error("Invalid keyring: empty (expected id:<base64 32 bytes>[,id:<base64>...])");
  }
  const keys: Record<string, Buffer> = Object.create(null) as Record<string, Buffer>;
  let currentKeyId: string | undefined;
  const entries = s.split(",");
  entries.forEach((raw, i) => {
    const entry = raw.trim();
    const colon = entry.indexOf(":");
    if (colon < 0) {
      throw new Error(`Invalid keyring: entry #${i + 1} is not of the form id:<base64>`);
    }
    const id = entry.slice(0, colon).trim();
    const b64 = entry.slice(colon + 1).trim();
    if (!KEY_ID_RE.test(id)) {
      throw new Error(`Invalid keyring: entry #${i + 1} has an invalid key id (1-32 characters from A-Z a-z 0-9 _ -)`);
    }
    if (Object.hasOwn(keys, id)) {
      throw new Error(`Invalid keyring: duplicate key id "${id}"`);
    }
    const key = decodeBase64Strict(b64);
    if (!key || key.length !== KEY_BYTES) {
      throw new Error(
        `Invalid keyring: key "${id}" must be exactly ${KEY_BYTES} bytes encoded in base64` +
          (key ? ` (got ${key.length} bytes)` : " (not valid base64)"),
      );
    }
    keys[id] = key;
    currentKeyId ??= id;
  });
  if (currentKeyId === undefined) throw new Error("Invalid keyring: no key");
  return { currentKeyId, keys };
}

function decodeBase64Strict(s: string): Buffer | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(s) || s.length % 4 !== 0) return null;
  const buf = Buffer.from(s, "base64");
  return buf.toString("base64") === s ? buf : null;
}

/** Returns a new keyring entry string `id:<base64 of 32 random bytes>` (for launch scripts). */
export function generateKeyringEntry(id = "k1"): string {
  if (!KEY_ID_RE.test(id)) throw new Error("invalid key id");
  return `${id}:${randomBytes(KEY_BYTES).toString("base64")}`;
}

/** Throws unless the keyring is usable (current key present, all keys 32 bytes). */
export function assertKeyring(keyring: Keyring): void {
  if (!keyring || typeof keyring !== "object" || !keyring.keys) throw new Error("Invalid keyring");
  for (const [id, key] of Object.entries(keyring.keys)) {
    if (!KEY_ID_RE.test(id)) throw new Error(`Invalid keyring: invalid key id "${id}"`);
    if (!Buffer.isBuffer(key) || key.length !== KEY_BYTES) {
      throw new Error(`Invalid keyring: key "${id}" must be a ${KEY_BYTES}-byte Buffer`);
    }
  }
  lookupKey(keyring, keyring.currentKeyId, (m) => new Error(`Invalid keyring: current key ${m}`));
}

function lookupKey(keyring: Keyring, id: string, err: (msg: string) => Error): Buffer {
  // Object.hasOwn: a key id read from a file header must never reach Object.prototype.
  const key = Object.hasOwn(keyring.keys, id) ? keyring.keys[id] : undefined;
  if (!Buffer.isBuffer(key)) throw err(`id "${id}" is not in the keyring`);
  if (key.length !== KEY_BYTES) throw err(`"${id}" is not ${KEY_BYTES} bytes`);
  return key;
}

// ---------------------------------------------------------------------------
// Format primitives

interface Header {
  bytes: Buffer;
  keyId: string;
  iv: Buffer;
  frameSize: number;
}

function encodeHeader(keyId: string, iv: Buffer, frameSize: number): Buffer {
  const id = Buffer.from(keyId, "ascii");
  const h = Buffer.alloc(FIXED_HEADER_BYTES + id.length);
  FORMAT_MAGIC.copy(h, 0);
  h.writeUInt8(FORMAT_VERSION, 4);
  h.writeUInt8(id.length, 5);
  id.copy(h, 6);
  iv.copy(h, 6 + id.length);
  h.writeUInt32BE(frameSize, 6 + id.length + IV_BYTES);
  return h;
}

/** Parses the header at the start of `buf`; returns null if more bytes are needed. */
function parseHeader(buf: Buffer): Header | null {
  const magicLen = Math.min(buf.length, FORMAT_MAGIC.length);
  if (!buf.subarray(0, magicLen).equals(FORMAT_MAGIC.subarray(0, magicLen))) {
    throw new FileDecryptionError("Not an encrypted file (bad magic)");
  }
  if (buf.length < 6) return null;
  const version = buf.readUInt8(4);
  if (version !== FORMAT_VERSION) throw new FileDecryptionError(`Unsupported encrypted file version ${version}`);
  const idLen = buf.readUInt8(5);
  if (idLen < 1 || idLen > MAX_KEY_ID_LENGTH) throw new FileDecryptionError("Corrupted header (key id length)");
  const total = FIXED_HEADER_BYTES + idLen;
  if (buf.length < total) return null;
  const keyId = buf.toString("latin1", 6, 6 + idLen);
  if (!KEY_ID_RE.test(keyId)) throw new FileDecryptionError("Corrupted header (key id)");
  const iv = Buffer.from(buf.subarray(6 + idLen, 6 + idLen + IV_BYTES));
  const frameSize = buf.readUInt32BE(6 + idLen + IV_BYTES);
  if (frameSize < 1 || frameSize > MAX_FRAME_SIZE) throw new FileDecryptionError("Corrupted header (frame size)");
  return { bytes: Buffer.from(buf.subarray(0, total)), keyId, iv, frameSize };
}

function deriveFileKey(masterKey: Buffer, iv: Buffer): Buffer {
  return Buffer.from(hkdfSync("sha256", masterKey, iv, HKDF_INFO, KEY_BYTES));
}

function frameNonce(iv: Buffer, index: bigint): Buffer {
  const nonce = Buffer.from(iv);
  const low = nonce.readBigUInt64BE(4) ^ index;
  nonce.writeBigUInt64BE(low, 4);
  return nonce;
}

function frameAad(header: Buffer, index: bigint, final: boolean, context: Buffer): Buffer {
  const tail = Buffer.alloc(9);
  tail.writeBigUInt64BE(index, 0);
  tail.writeUInt8(final ? 1 : 0, 8);
  return Buffer.concat([header, tail, context]);
}

interface FrameCtx {
  key: Buffer;
  header: Header;
  context: Buffer;
}

function sealFrame(c: FrameCtx, index: bigint, final: boolean, plaintext: Buffer): Buffer {
  if (index >= MAX_FRAMES) throw new Error("File too large for one encrypted file");
  const cipher = createCipheriv("aes-256-gcm", c.key, frameNonce(c.header.iv, index), { authTagLength: TAG_BYTES });
  cipher.setAAD(frameAad(c.header.bytes, index, final, c.context));
  const out = cipher.update(plaintext);
  const fin = cipher.final();
  return Buffer.concat([out, fin, cipher.getAuthTag()]);
}

function openFrame(c: FrameCtx, index: bigint, final: boolean, frame: Buffer): Buffer {
  if (frame.length < TAG_BYTES) throw new FileDecryptionError("Encrypted file is truncated");
  const ctLen = frame.length - TAG_BYTES;
  try {
    const decipher = createDecipheriv("aes-256-gcm", c.key, frameNonce(c.header.iv, index), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(frameAad(c.header.bytes, index, final, c.context));
    decipher.setAuthTag(frame.subarray(ctLen));
    const out = decipher.update(frame.subarray(0, ctLen));
    const fin = decipher.final(); // throws unless the tag verifies: nothing is released before this
    return fin.length ? Buffer.concat([out, fin]) : out;
  } catch {
    throw new FileDecryptionError(
      `Encrypted file failed authentication at frame ${index} (tampered, truncated, reordered, moved, or wrong key)`,
    );
  }
}

function contextBytes(context: string | undefined): Buffer {
  return Buffer.from(context ?? "", "utf8");
}

function asBuffer(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  throw new TypeError("Expected Uint8Array/Buffer chunks");
}

export interface CryptoOptions {
  /** Bound to every frame (AAD), not stored: decryption must pass the same value. Storage passes the key. */
  context?: string;
}

// ---------------------------------------------------------------------------
// Streaming API

/** Encrypts a plaintext stream with the keyring's current key; yields the header, then frames. */
export async function* encryptStream(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  keyring: Keyring,
  options: CryptoOptions & { frameSize?: number } = {},
): AsyncGenerator<Buffer, void, undefined> {
  const frameSize = options.frameSize ?? DEFAULT_FRAME_SIZE;
  if (!Number.isInteger(frameSize) || frameSize < 1 || frameSize > MAX_FRAME_SIZE) {
    throw new RangeError("frameSize out of range");
  }
  const keyId = keyring.currentKeyId;
  const master = lookupKey(keyring, keyId, (m) => new Error(`Cannot encrypt: current key ${m}`));
  const iv = randomBytes(IV_BYTES);
  const headerBytes = encodeHeader(keyId, iv, frameSize);
  const c: FrameCtx = {
    key: deriveFileKey(master, iv),
    header: { bytes: headerBytes, keyId, iv, frameSize },
    context: contextBytes(options.context),
  };
  yield headerBytes;

  let index = 0n;
  let pending: Buffer[] = [];
  let pendingLen = 0;
  for await (const raw of source) {
    const chunk = asBuffer(raw);
    if (chunk.length === 0) continue;
    pending.push(chunk);
    pendingLen += chunk.length;
    // Seal a non-final frame only when more plaintext is known to follow it.
    if (pendingLen > frameSize) {
      let buf = pending.length === 1 ? (pending[0] as Buffer) : Buffer.concat(pending, pendingLen);
      while (buf.length > frameSize) {
        yield sealFrame(c, index++, false, buf.subarray(0, frameSize));
        buf = buf.subarray(frameSize);
      }
      pending = [buf];
      pendingLen = buf.length;
    }
  }
  yield sealFrame(c, index, true, Buffer.concat(pending, pendingLen));
}

/**
 * Decrypts a stream written by encryptStream. Yields plaintext frame by frame,
 * each only after its tag has been verified; throws FileDecryptionError on any
 * tampering, truncation, reordering, wrong key or wrong context.
 */
export async function* decryptStream(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  keyring: Keyring,
  options: CryptoOptions = {},
): AsyncGenerator<Buffer, void, undefined> {
  const context = contextBytes(options.context);
  let c: FrameCtx | undefined;
  let buf: Buffer = Buffer.alloc(0);
  let index = 0n;
  for await (const raw of source) {
    const chunk = asBuffer(raw);
    buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
    if (!c) {
      const header = parseHeader(buf);
      if (!header) continue;
      const master = lookupKey(
        keyring,
        header.keyId,
        (m) => new FileDecryptionError(`Cannot decrypt: encryption key ${m}`),
      );
      c = { key: deriveFileKey(master, header.iv), header, context };
      buf = buf.subarray(header.bytes.length);
    }
    const full = c.header.frameSize + TAG_BYTES;
    // A full-size frame is non-final only if at least one more byte follows it.
    while (buf.length > full) {
      yield openFrame(c, index++, false, buf.subarray(0, full));
      buf = buf.subarray(full);
    }
  }
  if (!c) {
    throw new FileDecryptionError(
      buf.length === 0 ? "Encrypted file is empty" : "Encrypted file is truncated (header)",
    );
  }
  yield openFrame(c, index, true, buf);
}

// ---------------------------------------------------------------------------
// Buffer API

async function collect(gen: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const p of gen) parts.push(p);
  return Buffer.concat(parts);
}

export function encryptBuffer(plaintext: Uint8Array, keyring: Keyring, options: CryptoOptions = {}): Promise<Buffer> {
  return collect(encryptStream([plaintext], keyring, options));
}

export function decryptBuffer(ciphertext: Uint8Array, keyring: Keyring, options: CryptoOptions = {}): Promise<Buffer> {
  return collect(decryptStream([ciphertext], keyring, options));
}

/** Key id recorded in an encrypted file's header (e.g. to find files still under an old key). */
export function readKeyId(ciphertextStart: Uint8Array): string {
  const header = parseHeader(asBuffer(ciphertextStart));
  if (!header) throw new FileDecryptionError("Encrypted file is truncated (header)");
  return header.keyId;
}

/** Ciphertext size for a plaintext of `plaintextBytes` bytes (header + frames + tags). */
export function ciphertextSize(plaintextBytes: number, keyId: string, frameSize = DEFAULT_FRAME_SIZE): number {
  const frames = Math.max(1, Math.ceil(plaintextBytes / frameSize));
  return FIXED_HEADER_BYTES + Buffer.byteLength(keyId, "ascii") + plaintextBytes + frames * TAG_BYTES;
}
