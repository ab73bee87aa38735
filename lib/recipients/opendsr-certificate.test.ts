import { sign } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createTestPki } from "@/tests/support/test-pki";
import { checkProcessorCertificate, parsePemBundle, verifyOpenDsrSignature } from "./opendsr-certificate";

// Real certificates, made by openssl: a test CA, processors' certificates it issues, a self-signed one.
const pki = createTestPki();
const roots = parsePemBundle(pki.caPem);
const processor = pki.issue("opendsr.exemple.com");
afterAll(() => pki.remove());

describe("checkProcessorCertificate", () => {
  it("accepts a certificate issued by a trusted CA to the processor's host", () => {
    const check = checkProcessorCertificate(processor.certPem, "opendsr.exemple.com", { roots });
    expect(check.ok).toBe(true);
  });

  it("accepts an IP address certificate for that address", () => {
    expect(checkProcessorCertificate(pki.issue("127.0.0.1").certPem, "127.0.0.1", { roots }).ok).toBe(true);
  });

  it.each([
    ["another host", () => checkProcessorCertificate(processor.certPem, "autre.exemple.com", { roots }), "wrong_host"],
    [
      "a self-signed certificate",
      () =>
        checkProcessorCertificate(
          pki.issue("opendsr.exemple.com", { selfSigned: true }).certPem,
          "opendsr.exemple.com",
          { roots },
        ),
      "self_signed",
    ],
    [
      "a self-signed certificate even when trusted as a root",
      () => {
        const own = pki.issue("opendsr.exemple.com", { selfSigned: true }).certPem;
        return checkProcessorCertificate(own, "opendsr.exemple.com", { roots: [...roots, ...parsePemBundle(own)] });
      },
      "self_signed",
    ],
    [
      "an untrusted CA",
      () => checkProcessorCertificate(processor.certPem, "opendsr.exemple.com", { roots: [] }),
      "untrusted",
    ],
    [
      "an expired certificate",
      () =>
        checkProcessorCertificate(processor.certPem, "opendsr.exemple.com", {
          roots,
          now: new Date(Date.now() + 10 * 86_400_000),
        }),
      "expired",
    ],
    [
      "a certificate not yet valid",
      () =>
        checkProcessorCertificate(processor.certPem, "opendsr.exemple.com", {
          roots,
          now: new Date(Date.now() - 10 * 86_400_000),
        }),
      "not_yet_valid",
    ],
    [
      "no certificate at all",
      () => checkProcessorCertificate("<html>not found</html>", "opendsr.exemple.com", { roots }),
      "unreadable",
    ],
  ])("refuses %s", (_, check, reason) => {
    expect(check()).toEqual({ ok: false, reason });
  });
});

describe("verifyOpenDsrSignature", () => {
  const leaf = parsePemBundle(processor.certPem)[0]!;
  const body = '{"controller_id":"c","subject_request_id":"7f1c1a52-7a36-4c49-9d38-0c2f3b0f0e11"}';
  const signature = sign("sha256", Buffer.from(body), processor.keyPem).toString("base64");

  it("verifies an RSA-SHA256 signature over the raw body, wrapped or not", () => {
    expect(verifyOpenDsrSignature(body, signature, leaf)).toBe(true);
    expect(verifyOpenDsrSignature(body, signature.replace(/(.{76})/g, "$1\n"), leaf)).toBe(true);
  });

  it("refuses a changed body, another key's signature, or no signature", () => {
    expect(verifyOpenDsrSignature(body.replace('"c"', '"d"'), signature, leaf)).toBe(false);
    expect(verifyOpenDsrSignature(`${body} `, signature, leaf)).toBe(false);
    const other = pki.issue("opendsr.exemple.com");
    expect(verifyOpenDsrSignature(body, sign("sha256", Buffer.from(body), other.keyPem).toString("base64"), leaf)).toBe(
      false,
    );
    expect(verifyOpenDsrSignature(body, null, leaf)).toBe(false);
    expect(verifyOpenDsrSignature(body, "not base64!", leaf)).toBe(false);
  });
});
