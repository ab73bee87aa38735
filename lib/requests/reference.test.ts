import { describe, expect, it } from "vitest";
import { REFERENCE_PATTERN } from "@/lib/validation/ids";
import { generateReference } from "./reference";

describe("generateReference", () => {
  it("writes the 40 bits in Crockford's base32, most significant first", () => {
    expect(generateReference(2026, Buffer.from([0, 0, 0, 0, 0]))).toBe("DR-2026-0000-0000");
    expect(generateReference(2026, Buffer.from([0, 0, 0, 0, 1]))).toBe("DR-2026-0000-0001");
    expect(generateReference(2026, Buffer.from([0, 0, 0, 0, 32]))).toBe("DR-2026-0000-0010");
    expect(generateReference(2026, Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff]))).toBe("DR-2026-ZZZZ-ZZZZ");
    // 0x8000000000 = 2^39: the top bit, 16 in the first of eight digits (32^7 = 2^35, 2^39 / 2^35 = 16).
    expect(generateReference(2026, Buffer.from([0x80, 0, 0, 0, 0]))).toBe("DR-2026-G000-0000");
  });

  it("draws distinct references in the expected shape", () => {
    const drawn = new Set(Array.from({ length: 2000 }, () => generateReference(2027)));
    expect(drawn.size).toBe(2000);
    for (const reference of drawn) expect(reference).toMatch(REFERENCE_PATTERN);
  });
});
