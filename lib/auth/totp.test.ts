import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode, hotp, totpAt, verifyTotp } from "./totp";

// RFC 6238 appendix B uses the ASCII secret "12345678901234567890" (SHA-1), 8 digits.
const RFC_SECRET = base32Encode(Buffer.from("12345678901234567890"));

describe("TOTP (RFC 6238 / RFC 4226)", () => {
  it("base32 round-trips and matches the RFC 4648 vector", () => {
    expect(base32Encode(Buffer.from("foobar"))).toBe("MZXW6YTBOI");
    expect(base32Decode("MZXW6YTBOI").toString()).toBe("foobar");
  });

  it.each([
    // RFC 4226 appendix D, counter -> 6-digit HOTP.
    [0, "755224"],
    [1, "287082"],
    [9, "520489"],
  ])("HOTP counter %i -> %s", (counter, code) => {
    expect(hotp(Buffer.from("12345678901234567890"), counter)).toBe(code);
  });

  it.each([
    [59, "94287082"],
    [1111111109, "07081804"],
    [1234567890, "89005924"],
    [2000000000, "69279037"],
  ])("RFC 6238 time %i -> %s", (seconds, code) => {
    expect(totpAt(RFC_SECRET, new Date(seconds * 1000), 8)).toBe(code);
  });

  it("accepts the previous and next step, refuses older codes and replays", () => {
    const now = new Date(1_800_000_000_000);
    const step = Math.floor(now.getTime() / 30_000);
    const previous = totpAt(RFC_SECRET, new Date(now.getTime() - 30_000));
    expect(verifyTotp(RFC_SECRET, previous, now)).toBe(step - 1);
    expect(verifyTotp(RFC_SECRET, totpAt(RFC_SECRET, new Date(now.getTime() - 90_000)), now)).toBeNull();
    const current = totpAt(RFC_SECRET, now);
    expect(verifyTotp(RFC_SECRET, current, now)).toBe(step);
    expect(verifyTotp(RFC_SECRET, current, now, step)).toBeNull();
    expect(verifyTotp(RFC_SECRET, "12345", now)).toBeNull();
  });
});
