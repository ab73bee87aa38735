import { randomBytes } from "node:crypto";

// Crockford's base32 without I, L, O, U: easy to read aloud and to type from a letter.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A case reference such as "DR-2026-7K4M-Q9TZ": 40 random bits, not guessable, unique by constraint. */
export function generateReference(year: number, bytes: Buffer = randomBytes(5)): string {
  let value = BigInt(`0x${bytes.toString("hex")}`);
  let code = "";
  for (let i = 0; i < 8; i++) {
    code = ALPHABET[Number(value % 32n)] + code;
    value /= 32n;
  }
  return `DR-${year}-${code.slice(0, 4)}-${code.slice(4)}`;
}

export const REFERENCE_PATTERN = /^DR-\d{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;
