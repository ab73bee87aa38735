import { describe, expect, it } from "vitest";
import { generateRecoveryCodes, hashPassword, verifyPassword } from "./password";

describe("passwords and recovery codes", () => {
  it("verifies the right password only, with a salt of its own", async () => {
    const stored = await hashPassword("correct horse battery staple");
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(stored).not.toContain("correct horse");
    expect(await verifyPassword("correct horse battery staple", stored)).toBe(true);
    expect(await verifyPassword("correct horse battery stapler", stored)).toBe(false);
    expect(await hashPassword("correct horse battery staple")).not.toBe(stored);
    expect(await verifyPassword("x", "md5$abc")).toBe(false);
  });

  it("recovery codes are ten distinct xxxx-xxxx-xxxx codes", () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}$/);
  });
});
