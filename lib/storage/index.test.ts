import { randomBytes } from "node:crypto";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { getStorage, LocalStorage, loadStorageConfig, S3Storage } from "./index";

const KEY = randomBytes(32).toString("base64");
const KEYS = `k1:${KEY}`;

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error("expected an error");
}

describe("loadStorageConfig / getStorage", () => {
  it("defaults to the local driver in .data/files", () => {
    const cfg = loadStorageConfig({ FILE_ENCRYPTION_KEYS: KEYS });
    expect(cfg).toMatchObject({ driver: "local", localDir: ".data/files", keyring: { currentKeyId: "k1" } });
    const s = getStorage({ FILE_ENCRYPTION_KEYS: KEYS, STORAGE_LOCAL_DIR: "/tmp/some-dir" });
    expect(s).toBeInstanceOf(LocalStorage);
    expect((s as LocalStorage).root).toBe(path.resolve("/tmp/some-dir"));
  });

  it.each(["development", "test", "production"])(
    "requires FILE_ENCRYPTION_KEYS with NODE_ENV=%s (never invents a key)",
    (NODE_ENV) => {
      const msg = errorOf(() => getStorage({ NODE_ENV, STORAGE_DRIVER: "local" }));
      expect(msg).toMatch(/FILE_ENCRYPTION_KEYS: is required/);
      expect(errorOf(() => getStorage({ NODE_ENV, FILE_ENCRYPTION_KEYS: "  " }))).toMatch(/FILE_ENCRYPTION_KEYS/);
    },
  );

  it("rejects an invalid keyring without echoing it", () => {
    const short = randomBytes(20).toString("base64");
    const msg = errorOf(() => loadStorageConfig({ FILE_ENCRYPTION_KEYS: `k1:${short}` }));
    expect(msg).toMatch(/FILE_ENCRYPTION_KEYS: .*exactly 32 bytes/);
    expect(msg).not.toContain(short);
  });

  it("names every missing S3 variable", () => {
    const msg = errorOf(() => loadStorageConfig({ STORAGE_DRIVER: "s3" }));
    for (const name of ["S3_REGION", "S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "FILE_ENCRYPTION_KEYS"]) {
      expect(msg).toMatch(new RegExp(`- ${name}: is required`));
    }
    expect(msg).not.toMatch(/S3_ENDPOINT|S3_FORCE_PATH_STYLE|STORAGE_LOCAL_DIR/); // optional
  });

  it("names invalid values", () => {
    const msg = errorOf(() =>
      loadStorageConfig({
        STORAGE_DRIVER: "s3",
        S3_ENDPOINT: "not a url",
        S3_REGION: "fr-par",
        S3_BUCKET: "Bad_Bucket",
        S3_ACCESS_KEY_ID: "AK",
        S3_SECRET_ACCESS_KEY: "super-secret-value",
        S3_FORCE_PATH_STYLE: "yes",
        FILE_ENCRYPTION_KEYS: KEYS,
      }),
    );
    expect(msg).toMatch(/- S3_ENDPOINT: must be an http\(s\) URL/);
    expect(msg).toMatch(/- S3_BUCKET: is not a valid bucket name/);
    expect(msg).toMatch(/- S3_FORCE_PATH_STYLE: must be/);
    expect(msg).not.toMatch(/S3_REGION|S3_ACCESS_KEY_ID|S3_SECRET_ACCESS_KEY|FILE_ENCRYPTION_KEYS/);
    expect(msg).not.toContain("super-secret-value");

    expect(errorOf(() => loadStorageConfig({ STORAGE_DRIVER: "ftp", FILE_ENCRYPTION_KEYS: KEYS }))).toMatch(
      /- STORAGE_DRIVER: must be "local" or "s3"/,
    );
  });

  it("builds the S3 backend from a complete configuration", () => {
    const env = {
      STORAGE_DRIVER: "s3",
      S3_ENDPOINT: "http://127.0.0.1:9000",
      S3_REGION: "us-east-1",
      S3_BUCKET: "patient-files",
      S3_ACCESS_KEY_ID: "AK",
      S3_SECRET_ACCESS_KEY: "SK",
      S3_FORCE_PATH_STYLE: "true",
      FILE_ENCRYPTION_KEYS: `k2:${KEY},k1:${randomBytes(32).toString("base64")}`,
    };
    expect(loadStorageConfig(env)).toMatchObject({
      driver: "s3",
      keyring: { currentKeyId: "k2" },
      s3: {
        endpoint: "http://127.0.0.1:9000",
        region: "us-east-1",
        bucket: "patient-files",
        accessKeyId: "AK",
        secretAccessKey: "SK",
        forcePathStyle: true,
      },
    });
    expect(getStorage(env)).toBeInstanceOf(S3Storage);
    const { S3_ENDPOINT: _omit, S3_FORCE_PATH_STYLE: _omit2, ...aws } = env;
    const cfg = loadStorageConfig(aws);
    expect(cfg.driver === "s3" && cfg.s3).toMatchObject({ forcePathStyle: false });
    expect(cfg.driver === "s3" && "endpoint" in cfg.s3).toBe(false);
  });
});
