import { describe, expect, it } from "vitest";

import { checkUpload, MAX_UPLOAD_BYTES, sniffType } from "./sniff-type";

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ""), "hex");

// Starts of real files.
const PDF = Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n", "latin1");
const JPEG_JFIF = hex("ffd8ffe0 0010 4a464946 00 0101 0000 0001 0001 0000");
const JPEG_EXIF = hex("ffd8ffe1 1c45 45786966 0000 4d4d002a");
const PNG = hex("89504e470d0a1a0a 0000000d 49484452 00000001 00000001 0806000000 1f15c489");
const EXE = Buffer.concat([Buffer.from("MZ"), hex("90000300000004000000ffff0000")]);

describe("sniffType", () => {
  it.each<[string, Uint8Array, string | null]>([
    ["PDF", PDF, "application/pdf"],
    ["JPEG (JFIF)", JPEG_JFIF, "image/jpeg"],
    ["JPEG (Exif)", JPEG_EXIF, "image/jpeg"],
    ["PNG", PNG, "image/png"],
    ["PNG as a plain Uint8Array", new Uint8Array(PNG), "image/png"],
    ["text file", Buffer.from("Bonjour, voici mon justificatif.\n"), null],
    ["text file pretending to be a PDF", Buffer.from("This is %PDF-1.7"), null],
    ["EXE (MZ)", EXE, null],
    ["empty buffer", Buffer.alloc(0), null],
    ["'%PDF' without the dash", Buffer.from("%PDF"), null],
    ["PNG signature cut short (7 bytes)", PNG.subarray(0, 7), null],
    ["JPEG signature cut short (2 bytes)", JPEG_JFIF.subarray(0, 2), null],
    ["GIF", Buffer.from("GIF89a\x01\x00\x01\x00", "latin1"), null],
    ["HTML", Buffer.from("<!DOCTYPE html><script>alert(1)</script>"), null],
    ["SVG", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), null],
    ["ZIP", hex("504b030414000000"), null],
  ])("%s -> %s", (_name, bytes, expected) => {
    expect(sniffType(bytes)).toBe(expected);
  });
});

describe("checkUpload", () => {
  it("accepts PDF/JPEG/PNG up to MAX_UPLOAD_BYTES and reports the sniffed type", () => {
    expect(MAX_UPLOAD_BYTES).toBe(10 * 1024 * 1024);
    expect(checkUpload(PDF)).toEqual({ ok: true, contentType: "application/pdf", size: PDF.length });
    const big = Buffer.alloc(MAX_UPLOAD_BYTES);
    PNG.copy(big);
    expect(checkUpload(big)).toEqual({ ok: true, contentType: "image/png", size: MAX_UPLOAD_BYTES });
  });

  it("rejects empty, too large and unsupported files", () => {
    expect(checkUpload(Buffer.alloc(0))).toEqual({ ok: false, reason: "empty" });
    const tooBig = Buffer.alloc(MAX_UPLOAD_BYTES + 1);
    JPEG_JFIF.copy(tooBig);
    expect(checkUpload(tooBig)).toEqual({ ok: false, reason: "too_large" });
    expect(checkUpload(EXE)).toEqual({ ok: false, reason: "unsupported_type" });
    expect(checkUpload(Buffer.from("plain text"))).toEqual({ ok: false, reason: "unsupported_type" });
  });
});
