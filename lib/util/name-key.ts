/**
 * Names folded for the queue's prefix search: "Lefèvre-Dupré" and "lefevre dupre" have the same key,
 * "lefevredupre". Keys hold only a-z and 0-9, so a prefix is an index range whose order is the same
 * under every collation (see nameKeyRange).
 */

const LIGATURES: Record<string, string> = { œ: "oe", æ: "ae", ß: "ss", ø: "o", ł: "l", đ: "d", ð: "d", þ: "th" };

export function nameKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[œæßøłđðþ]/g, (c) => LIGATURES[c]!)
    .replace(/[^a-z0-9]/g, "");
}

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

/**
 * The keys that start with `prefix` (itself a key) are those `>= from` and `< to`; `to` is null when
 * no key of the alphabet follows every such key (a prefix of only "z"s).
 */
export function nameKeyRange(prefix: string): { from: string; to: string | null } {
  let end = prefix;
  while (end.endsWith("z")) end = end.slice(0, -1);
  if (end === "") return { from: prefix, to: null };
  const last = ALPHABET[ALPHABET.indexOf(end.at(-1)!) + 1]!;
  return { from: prefix, to: `${end.slice(0, -1)}${last}` };
}
