import { verify, X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import { isIP } from "node:net";
import { rootCertificates } from "node:tls";
import { env } from "@/lib/env";

/**
 * The certificates that sign OpenDSR answers and callbacks (OpenDSR specification, section 4): issued
 * by a trusted certificate authority to the processor's domain, never self-signed; signatures are
 * RSA or ECDSA with SHA-256 (FIPS 186-4) over the raw body, in base64.
 */

export type CertificateCheck =
  | { ok: true; leaf: X509Certificate; pem: string }
  | { ok: false; reason: "unreadable" | "self_signed" | "not_yet_valid" | "expired" | "wrong_host" | "untrusted" };

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;
const MAX_CHAIN = 5;

/** The certificates of a PEM text, in order (the processor's first, then any intermediates). */
export function parsePemBundle(pem: string): X509Certificate[] {
  return (pem.match(PEM_BLOCK) ?? []).map((block) => new X509Certificate(block));
}

let trusted: { file: string | undefined; certificates: X509Certificate[] } | undefined;

/** Node's bundled root CAs, plus those of OPENDSR_CA_FILE when set (read once per process). */
export function trustedAuthorities(): X509Certificate[] {
  const file = env().OPENDSR_CA_FILE;
  if (!trusted || trusted.file !== file) {
    let extra: X509Certificate[] = [];
    try {
      extra = file ? parsePemBundle(readFileSync(file, "utf8")) : [];
    } catch {
      throw new Error(`OPENDSR_CA_FILE (${file}) cannot be read as PEM certificates`);
    }
    trusted = { file, certificates: [...rootCertificates.flatMap(parsePemBundle), ...extra] };
  }
  return trusted.certificates;
}

const issuedBy = (cert: X509Certificate, issuer: X509Certificate) =>
  cert.checkIssued(issuer) && cert.verify(issuer.publicKey);

function validity(cert: X509Certificate, now: Date): "ok" | "not_yet_valid" | "expired" {
  if (now.getTime() < Date.parse(cert.validFrom)) return "not_yet_valid";
  if (now.getTime() > Date.parse(cert.validTo)) return "expired";
  return "ok";
}

/** Whether the certificate is issued to this host name (or IP address). */
export function certifiesHost(cert: X509Certificate, host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, "");
  return isIP(bare) ? cert.checkIP(bare) !== undefined : cert.checkHost(bare) !== undefined;
}

/** Walks up from the leaf through the bundle's intermediates to one of the trusted authorities. */
function chainsToTrusted(
  leaf: X509Certificate,
  intermediates: X509Certificate[],
  roots: X509Certificate[],
  now: Date,
): boolean {
  let current = leaf;
  for (let depth = 0; depth < MAX_CHAIN; depth++) {
    if (roots.some((root) => validity(root, now) === "ok" && issuedBy(current, root))) return true;
    const next = intermediates.find((i) => i !== current && i.ca && validity(i, now) === "ok" && issuedBy(current, i));
    if (!next) return false;
    current = next;
  }
  return false;
}

/**
 * Checks a processor's certificate (PEM, with its intermediates if any) for `host`: readable, not
 * self-signed, within its validity dates, issued to that host, and chaining to a trusted authority.
 */
export function checkProcessorCertificate(
  pem: string,
  host: string,
  options: { now?: Date; roots?: X509Certificate[] } = {},
): CertificateCheck {
  let bundle: X509Certificate[];
  try {
    bundle = parsePemBundle(pem);
  } catch {
    return { ok: false, reason: "unreadable" };
  }
  const [leaf, ...intermediates] = bundle;
  if (!leaf) return { ok: false, reason: "unreadable" };
  const now = options.now ?? new Date();
  if (issuedBy(leaf, leaf)) return { ok: false, reason: "self_signed" };
  const dates = validity(leaf, now);
  if (dates !== "ok") return { ok: false, reason: dates };
  if (!certifiesHost(leaf, host)) return { ok: false, reason: "wrong_host" };
  if (!chainsToTrusted(leaf, intermediates, options.roots ?? trustedAuthorities(), now))
    return { ok: false, reason: "untrusted" };
  return { ok: true, leaf, pem };
}

/** Whether `signature` (base64, line breaks allowed) signs exactly these bytes with the certificate's key (SHA-256). */
export function verifyOpenDsrSignature(
  body: string | Uint8Array,
  signature: string | null,
  cert: X509Certificate,
): boolean {
  if (!signature) return false;
  const compact = signature.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return false;
  try {
    return verify(
      "sha256",
      typeof body === "string" ? Buffer.from(body, "utf8") : body,
      cert.publicKey,
      Buffer.from(compact, "base64"),
    );
  } catch {
    return false;
  }
}
