/**
 * A request target whose path always decodes: each path segment that is not valid percent-encoded
 * UTF-8 (`%FF`, an encoded surrogate `%ED%A0%80`, an overlong `%C0%AE`, a stray `%`) is read as a
 * UTF-8 decoder reads it, each malformed sequence becoming U+FFFD, and encoded again. Next.js
 * cannot route a path it cannot decode (it answers 500); read this way, the segment reaches the
 * route, whose id or reference check finds nothing (404). The query is left as it is.
 */
export function withDecodablePath(target: string): string {
  const end = target.search(/[?#]/);
  const path = end === -1 ? target : target.slice(0, end);
  if (!path.includes("%")) return target;
  const segments = path
    .split("/")
    .map((segment) => (decodes(segment) ? segment : encodeURIComponent(leniently(segment))));
  return segments.join("/") + (end === -1 ? "" : target.slice(end));
}

function decodes(segment: string): boolean {
  try {
    decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/** Percent-decodes to bytes (a "%" without two hex digits is itself), then decodes UTF-8 with U+FFFD. */
function leniently(segment: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < segment.length; i++) {
    const hex = segment.slice(i + 1, i + 3);
    if (segment[i] === "%" && /^[0-9a-fA-F]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      // The HTTP server gives the raw target as latin1: one character per byte.
      bytes.push(segment.charCodeAt(i) & 0xff);
    }
  }
  return new TextDecoder("utf-8").decode(Uint8Array.from(bytes));
}
