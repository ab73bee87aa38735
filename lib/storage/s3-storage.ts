import { Readable } from "node:stream";

import { assertKeyring, decryptStream, encryptStream, type Keyring } from "./crypto";
import {
  assertPutMeta,
  assertValidKey,
  countingSource,
  StorageNotFoundError,
  type FileStorage,
  type PutMeta,
} from "./storage";

export interface S3StorageOptions {
  /** S3-compatible endpoint URL (e.g. https://s3.fr-par.scw.cloud); omit for AWS. */
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Path-style URLs (endpoint/bucket/key), needed by most non-AWS servers. */
  forcePathStyle?: boolean;
  keyring: Keyring;
  /**
   * Ciphertext larger than this is sent as a multipart upload in parts of this
   * size, so large exports never sit in memory whole. Minimum 5 MiB (S3 rule).
   */
  partSize?: number;
}

export const DEFAULT_PART_SIZE = 8 * 1024 * 1024;
const MIN_PART_SIZE = 5 * 1024 * 1024;

// The subset of @aws-sdk/client-s3 used here. The package is loaded with a
// dynamic import on first use, so the rest of the app (and the local backend)
// does not depend on it being installed.
type Command = object;
interface S3ClientLike {
  send(command: Command): Promise<unknown>;
  destroy(): void;
}
interface S3ClientConfigLike {
  endpoint?: string;
  region: string;
  forcePathStyle: boolean;
  credentials: { accessKeyId: string; secretAccessKey: string };
  requestChecksumCalculation: "WHEN_REQUIRED";
  responseChecksumValidation: "WHEN_REQUIRED";
}
type CommandCtor<I> = new (input: I) => Command;
interface ObjectRef {
  Bucket: string;
  Key: string;
}
interface S3Sdk {
  S3Client: new (config: S3ClientConfigLike) => S3ClientLike;
  PutObjectCommand: CommandCtor<ObjectRef & { Body: Uint8Array; ContentLength: number; ContentType: string }>;
  GetObjectCommand: CommandCtor<ObjectRef>;
  HeadObjectCommand: CommandCtor<ObjectRef>;
  DeleteObjectCommand: CommandCtor<ObjectRef>;
  CreateMultipartUploadCommand: CommandCtor<ObjectRef & { ContentType: string }>;
  UploadPartCommand: CommandCtor<
    ObjectRef & { UploadId: string; PartNumber: number; Body: Uint8Array; ContentLength: number }
  >;
  CompleteMultipartUploadCommand: CommandCtor<
    ObjectRef & { UploadId: string; MultipartUpload: { Parts: { ETag: string; PartNumber: number }[] } }
  >;
  AbortMultipartUploadCommand: CommandCtor<ObjectRef & { UploadId: string }>;
}

async function loadSdk(): Promise<S3Sdk> {
  try {
    const sdk: S3Sdk = await import("@aws-sdk/client-s3");
    return sdk;
  } catch (err) {
    throw new Error(
      'STORAGE_DRIVER=s3 needs the package "@aws-sdk/client-s3" (npm install @aws-sdk/client-s3): ' +
        (err instanceof Error ? err.message : String(err)),
    );
  }
}

function isNotFound(err: unknown): boolean {
  if (typeof err !== "object" || err === null) return false;
  const e = err as { name?: unknown; Code?: unknown; $metadata?: { httpStatusCode?: unknown } };
  return (
    e.name === "NoSuchKey" || e.name === "NotFound" || e.Code === "NoSuchKey" || e.$metadata?.httpStatusCode === 404
  );
}

/**
 * Stores encrypted objects in an S3-compatible bucket. The bucket only ever
 * receives ciphertext (Content-Type application/octet-stream). Uploads are
 * atomic: a single PutObject, or for large content a multipart upload that
 * becomes visible only on completion (aborted on error).
 */
export class S3Storage implements FileStorage {
  private readonly options: Required<Pick<S3StorageOptions, "partSize" | "forcePathStyle">> & S3StorageOptions;
  private state: Promise<{ sdk: S3Sdk; client: S3ClientLike }> | undefined;

  constructor(options: S3StorageOptions) {
    assertKeyring(options.keyring);
    const partSize = options.partSize ?? DEFAULT_PART_SIZE;
    if (!Number.isInteger(partSize) || partSize < MIN_PART_SIZE) {
      throw new RangeError(`partSize must be an integer >= ${MIN_PART_SIZE}`);
    }
    for (const k of ["region", "bucket", "accessKeyId", "secretAccessKey"] as const) {
      if (!options[k]) throw new Error(`S3Storage: ${k} is required`);
    }
    this.options = { ...options, partSize, forcePathStyle: options.forcePathStyle ?? false };
  }

  private init(): Promise<{ sdk: S3Sdk; client: S3ClientLike }> {
    if (this.state) return this.state;
    const state = loadSdk().then((sdk) => {
      const o = this.options;
      const client = new sdk.S3Client({
        ...(o.endpoint ? { endpoint: o.endpoint } : {}),
        region: o.region,
        forcePathStyle: o.forcePathStyle,
        credentials: { accessKeyId: o.accessKeyId, secretAccessKey: o.secretAccessKey },
        // Newer SDKs add CRC checksums (and aws-chunked bodies) by default, which
        // several S3-compatible servers reject; integrity is ensured by GCM anyway.
        requestChecksumCalculation: "WHEN_REQUIRED",
        responseChecksumValidation: "WHEN_REQUIRED",
      });
      return { sdk, client };
    });
    state.catch(() => {
      if (this.state === state) this.state = undefined; // allow a retry (e.g. after installing the package)
    });
    this.state = state;
    return state;
  }

  private ref(key: string): ObjectRef {
    assertValidKey(key);
    return { Bucket: this.options.bucket, Key: key };
  }

  async put(
    key: string,
    data: Buffer | AsyncIterable<Uint8Array>,
    meta: PutMeta,
  ): Promise<{ key: string; size: number }> {
    const ref = this.ref(key);
    assertPutMeta(meta);
    const { sdk, client } = await this.init();
    const partSize = this.options.partSize;
    const counted = countingSource(data);
    const contentType = "application/octet-stream";

    let pending: Buffer[] = [];
    let pendingLen = 0;
    let uploadId: string | undefined;
    const parts: { ETag: string; PartNumber: number }[] = [];

    const uploadPart = async (body: Buffer): Promise<void> => {
      if (uploadId === undefined) {
        const created = (await client.send(
          new sdk.CreateMultipartUploadCommand({ ...ref, ContentType: contentType }),
        )) as {
          UploadId?: string;
        };
        if (!created.UploadId) throw new Error("S3 CreateMultipartUpload returned no UploadId");
        uploadId = created.UploadId;
      }
      const PartNumber = parts.length + 1;
      const out = (await client.send(
        new sdk.UploadPartCommand({ ...ref, UploadId: uploadId, PartNumber, Body: body, ContentLength: body.length }),
      )) as { ETag?: string };
      if (!out.ETag) throw new Error("S3 UploadPart returned no ETag");
      parts.push({ ETag: out.ETag, PartNumber });
    };

    try {
      for await (const chunk of encryptStream(counted.source, this.options.keyring, { context: key })) {
        pending.push(chunk);
        pendingLen += chunk.length;
        if (pendingLen >= partSize) {
          const body = Buffer.concat(pending, pendingLen);
          pending = [];
          pendingLen = 0;
          await uploadPart(body);
        }
      }
      const rest = Buffer.concat(pending, pendingLen);
      if (uploadId === undefined) {
        await client.send(
          new sdk.PutObjectCommand({ ...ref, Body: rest, ContentLength: rest.length, ContentType: contentType }),
        );
      } else {
        if (rest.length > 0) await uploadPart(rest);
        await client.send(
          new sdk.CompleteMultipartUploadCommand({ ...ref, UploadId: uploadId, MultipartUpload: { Parts: parts } }),
        );
      }
    } catch (err) {
      if (uploadId !== undefined) {
        await client.send(new sdk.AbortMultipartUploadCommand({ ...ref, UploadId: uploadId })).catch(() => undefined);
      }
      throw err;
    }
    return { key, size: counted.bytes() };
  }

  private async openBody(key: string): Promise<AsyncIterable<Uint8Array>> {
    const ref = this.ref(key);
    const { sdk, client } = await this.init();
    let out: { Body?: unknown };
    try {
      out = (await client.send(new sdk.GetObjectCommand(ref))) as { Body?: unknown };
    } catch (err) {
      if (isNotFound(err)) throw new StorageNotFoundError(key);
      throw err;
    }
    const body = out.Body;
    if (body && typeof (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] === "function") {
      return body as AsyncIterable<Uint8Array>;
    }
    if (body && typeof (body as { transformToByteArray?: unknown }).transformToByteArray === "function") {
      const bytes = await (body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray();
      return (async function* () {
        yield bytes;
      })();
    }
    throw new Error("S3 GetObject returned no readable body");
  }

  async get(key: string): Promise<Buffer> {
    const parts: Buffer[] = [];
    for await (const p of decryptStream(await this.openBody(key), this.options.keyring, { context: key })) {
      parts.push(p);
    }
    return Buffer.concat(parts);
  }

  async getStream(key: string): Promise<NodeJS.ReadableStream> {
    const body = await this.openBody(key);
    return Readable.from(decryptStream(body, this.options.keyring, { context: key }), { objectMode: false });
  }

  async delete(key: string): Promise<void> {
    const ref = this.ref(key);
    const { sdk, client } = await this.init();
    try {
      await client.send(new sdk.DeleteObjectCommand(ref)); // S3 DeleteObject is idempotent
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }

  async exists(key: string): Promise<boolean> {
    const ref = this.ref(key);
    const { sdk, client } = await this.init();
    try {
      await client.send(new sdk.HeadObjectCommand(ref));
      return true;
    } catch (err) {
      if (isNotFound(err)) return false;
      throw err;
    }
  }

  /** Releases the HTTP connections (tests, graceful shutdown). */
  async close(): Promise<void> {
    const state = this.state;
    this.state = undefined;
    if (state) (await state.catch(() => undefined))?.client.destroy();
  }
}
