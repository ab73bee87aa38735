import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A throwaway certificate authority for the OpenDSR tests, made with the `openssl` command line in
 * a temporary folder: a CA, processor certificates it issues (for a host name or an IP address),
 * and self-signed ones, as a real processor's would be (RSA 2048, SHA-256).
 */
export interface TestPki {
  dir: string;
  /** The CA certificate's file, for OPENDSR_CA_FILE. */
  caFile: string;
  caPem: string;
  /** A key and a certificate for `host`, issued by the CA (or self-signed). */
  issue(host: string, options?: { selfSigned?: boolean }): { keyPem: string; certPem: string };
  remove(): void;
}

const openssl = (args: string[], cwd: string) =>
  execFileSync("openssl", args, { cwd, stdio: ["ignore", "ignore", "pipe"] });
const san = (host: string) => (/^[\d.]+$/.test(host) || host.includes(":") ? `IP:${host}` : `DNS:${host}`);

export function createTestPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), "opendsr-pki-"));
  openssl(
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-keyout",
      "ca.key",
      "-out",
      "ca.pem",
      "-days",
      "3",
      "-subj",
      "/CN=Test OpenDSR CA",
      "-addext",
      "basicConstraints=critical,CA:TRUE",
      "-addext",
      "keyUsage=critical,keyCertSign,cRLSign",
    ],
    dir,
  );
  let serial = 0;
  return {
    dir,
    caFile: join(dir, "ca.pem"),
    caPem: readFileSync(join(dir, "ca.pem"), "utf8"),
    issue(host, options = {}) {
      const name = `leaf-${++serial}`;
      if (options.selfSigned) {
        openssl(
          [
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            `${name}.key`,
            "-out",
            `${name}.pem`,
            "-days",
            "2",
            "-subj",
            `/CN=${host}`,
            "-addext",
            `subjectAltName=${san(host)}`,
          ],
          dir,
        );
      } else {
        writeFileSync(
          join(dir, `${name}.ext`),
          `subjectAltName=${san(host)}\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\n`,
        );
        openssl(
          [
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            `${name}.key`,
            "-out",
            `${name}.csr`,
            "-subj",
            `/CN=${host}`,
          ],
          dir,
        );
        openssl(
          [
            "x509",
            "-req",
            "-in",
            `${name}.csr`,
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-set_serial",
            String(1000 + serial),
            "-out",
            `${name}.pem`,
            "-days",
            "2",
            "-sha256",
            "-extfile",
            `${name}.ext`,
          ],
          dir,
        );
      }
      return {
        keyPem: readFileSync(join(dir, `${name}.key`), "utf8"),
        certPem: readFileSync(join(dir, `${name}.pem`), "utf8"),
      };
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
