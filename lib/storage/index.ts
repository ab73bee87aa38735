import { z } from "zod";

import { parseKeyring, type Keyring } from "./crypto";
import { DEFAULT_LOCAL_DIR, LocalStorage } from "./local-storage";
import { S3Storage } from "./s3-storage";
import type { FileStorage } from "./storage";

export type { FileStorage, PutMeta } from "./storage";
export { StorageNotFoundError, InvalidStorageKeyError, assertValidKey, isValidKey } from "./storage";
export { FileDecryptionError, parseKeyring, generateKeyringEntry, type Keyring } from "./crypto";
export { LocalStorage } from "./local-storage";
export { S3Storage } from "./s3-storage";
export { sniffType, checkUpload, MAX_UPLOAD_BYTES, ACCEPTED_UPLOAD_TYPES, type SniffedType } from "./sniff-type";

export const STORAGE_ENV_VARS = [
  "STORAGE_DRIVER",
  "STORAGE_LOCAL_DIR",
  "S3_ENDPOINT",
  "S3_REGION",
  "S3_BUCKET",
  "S3_ACCESS_KEY_ID",
  "S3_SECRET_ACCESS_KEY",
  "S3_FORCE_PATH_STYLE",
  "FILE_ENCRYPTION_KEYS",
] as const;

type StorageEnvVar = (typeof STORAGE_ENV_VARS)[number];
type Env = Record<string, string | undefined>;

export type StorageConfig =
  | { driver: "local"; localDir: string; keyring: Keyring }
  | {
      driver: "s3";
      keyring: Keyring;
      s3: {
        endpoint?: string;
        region: string;
        bucket: string;
        accessKeyId: string;
        secretAccessKey: string;
        forcePathStyle: boolean;
      };
    };

const KEYGEN_HINT =
  "generate one with: node -e \"console.log('k1:'+require('node:crypto').randomBytes(32).toString('base64'))\"";

function required(when: string) {
  return z
    .string({ error: (iss) => (iss.input === undefined ? `is required${when}` : "must be a string") })
    .min(1, `is required${when}`);
}

function schemaFor(driver: unknown) {
  const s3 = driver === "s3";
  const s3Only = s3 ? required(" when STORAGE_DRIVER=s3") : z.string().optional();
  return z.object({
    STORAGE_DRIVER: z.enum(["local", "s3"], { error: 'must be "local" or "s3"' }).default("local"),
    STORAGE_LOCAL_DIR: z.string().optional(),
    S3_ENDPOINT: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
    S3_REGION: s3Only,
    S3_BUCKET: s3
      ? required(" when STORAGE_DRIVER=s3").regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "is not a valid bucket name")
      : s3Only,
    S3_ACCESS_KEY_ID: s3Only,
    S3_SECRET_ACCESS_KEY: s3Only,
    S3_FORCE_PATH_STYLE: z
      .enum(["true", "false", "1", "0"], { error: 'must be "true", "false", "1" or "0"' })
      .optional()
      .transform((v) => v === "true" || v === "1"),
    // Required in every environment, development and test included: no key is
    // ever invented here (launch scripts generate and persist one).
    FILE_ENCRYPTION_KEYS: z
      .string({
        error: (iss) =>
          iss.input === undefined
            ? `is required (keyring "id:<base64 32 bytes>[,id:<base64>...]", first = current key; ${KEYGEN_HINT})`
            : "must be a string",
      })
      .transform((s, ctx) => {
        try {
          return parseKeyring(s);
        } catch (err) {
          // parseKeyring's messages never contain key material.
          ctx.addIssue({ code: "custom", message: err instanceof Error ? err.message : "is invalid" });
          return z.NEVER;
        }
      }),
  });
}

/**
 * Reads and validates the storage configuration. Throws an Error listing every
 * missing or invalid variable by name (values are never echoed: they may be secrets).
 */
export function loadStorageConfig(env: Env = process.env): StorageConfig {
  const raw: Partial<Record<StorageEnvVar, string>> = {};
  for (const name of STORAGE_ENV_VARS) {
    const v = env[name]?.trim();
    if (v) raw[name] = v; // empty counts as absent
  }
  const parsed = schemaFor(raw.STORAGE_DRIVER ?? "local").safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((iss) => `- ${String(iss.path[0] ?? "environment")}: ${iss.message}`);
    throw new Error(`Invalid file storage configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  if (e.STORAGE_DRIVER === "local") {
    return { driver: "local", localDir: e.STORAGE_LOCAL_DIR ?? DEFAULT_LOCAL_DIR, keyring: e.FILE_ENCRYPTION_KEYS };
  }
  // The s3 schema made these required; re-check so the types need no assertions.
  const {
    S3_REGION: region,
    S3_BUCKET: bucket,
    S3_ACCESS_KEY_ID: accessKeyId,
    S3_SECRET_ACCESS_KEY: secretAccessKey,
  } = e;
  if (!region || !bucket || !accessKeyId || !secretAccessKey) throw new Error("Invalid file storage configuration");
  return {
    driver: "s3",
    keyring: e.FILE_ENCRYPTION_KEYS,
    s3: {
      ...(e.S3_ENDPOINT ? { endpoint: e.S3_ENDPOINT } : {}),
      region,
      bucket,
      accessKeyId,
      secretAccessKey,
      forcePathStyle: e.S3_FORCE_PATH_STYLE,
    },
  };
}

export function createStorage(config: StorageConfig): FileStorage {
  return config.driver === "local"
    ? new LocalStorage({ dir: config.localDir, keyring: config.keyring })
    : new S3Storage({ ...config.s3, keyring: config.keyring });
}

let cached: FileStorage | undefined;

/**
 * The application's file storage, configured from the environment
 * (STORAGE_DRIVER, STORAGE_LOCAL_DIR, S3_*, FILE_ENCRYPTION_KEYS). Created once
 * per process for process.env; pass `env` to build an uncached instance.
 */
export function getStorage(env?: Env): FileStorage {
  if (env) return createStorage(loadStorageConfig(env));
  cached ??= createStorage(loadStorageConfig(process.env));
  return cached;
}
