import { randomBytes } from "node:crypto";

// Crockford's base32 without I, L, O, U: easy to read aloud and to type from a letter.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** Random bytes drawn from the system's generator a few kilobytes at a time: one call per reference is slow. */
let pool = Buffer.alloc(0);
let offset = 0;
function randomChunk(size: number): Buffer {
  if (offset + size > pool.length) {
    pool = randomBytes(4096);
    offset = 0;
  }
  offset += size;
  return pool.subarray(offset - size, offset);
}

/** A case reference such as "DR-2026-7K4M-Q9TZ": 40 random bits, not guessable, unique by constraint. */
export function generateReference(year: number, bytes: Buffer = randomChunk(5)): string {
  // 40 bits: exact in a double.
  let value = bytes.readUIntBE(0, 5);
  let code = "";
  for (let i = 0; i < 8; i++) {
    code = ALPHABET[value % 32] + code;
    value = Math.floor(value / 32);
  }
  return `DR-${year}-${code.slice(0, 4)}-${code.slice(4)}`;
}
