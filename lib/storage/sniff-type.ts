/**
 * Content-type detection for uploads from the file's first bytes (magic
 * numbers). The declared Content-Type and the file name extension come from the
 * client and are not trusted: an upload is accepted only if its bytes sniff as
 * one of the accepted types.
 */

export type SniffedType = "application/pdf" | "image/jpeg" | "image/png";

export const ACCEPTED_UPLOAD_TYPES: readonly SniffedType[] = ["application/pdf", "image/jpeg", "image/png"];

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const SIGNATURES: ReadonlyArray<readonly [SniffedType, readonly number[]]> = [
  ["application/pdf", [0x25, 0x50, 0x44, 0x46, 0x2d]], // "%PDF-"
  ["image/jpeg", [0xff, 0xd8, 0xff]],
  ["image/png", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
];

/** Detects PDF, JPEG or PNG from the first bytes; null for anything else (including empty input). */
export function sniffType(bytes: Uint8Array): SniffedType | null {
  for (const [type, magic] of SIGNATURES) {
    if (bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b)) return type;
  }
  return null;
}

export type UploadCheck =
  | { ok: true; contentType: SniffedType; size: number }
  | { ok: false; reason: "empty" | "too_large" | "unsupported_type" };

/**
 * Decides whether an uploaded file is accepted: non-empty, at most
 * MAX_UPLOAD_BYTES, and sniffed as PDF, JPEG or PNG. Use the returned
 * contentType (never the client's) when storing the file.
 */
export function checkUpload(bytes: Uint8Array, maxBytes: number = MAX_UPLOAD_BYTES): UploadCheck {
  if (bytes.length === 0) return { ok: false, reason: "empty" };
  if (bytes.length > maxBytes) return { ok: false, reason: "too_large" };
  const contentType = sniffType(bytes);
  if (!contentType) return { ok: false, reason: "unsupported_type" };
  return { ok: true, contentType, size: bytes.length };
}
