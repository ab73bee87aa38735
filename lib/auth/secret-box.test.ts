import { describe, expect, it } from "vitest";
import { seal, unseal } from "./secret-box";

const SECRET = "x".repeat(40);

describe("secret box", () => {
  it("round-trips, with a fresh IV each time, and hides the plaintext", () => {
    const a = seal("JBSWY3DPEHPK3PXP", SECRET, "totp");
    expect(a).not.toContain("JBSWY3DPEHPK3PXP");
    expect(seal("JBSWY3DPEHPK3PXP", SECRET, "totp")).not.toBe(a);
    expect(unseal(a, SECRET, "totp")).toBe("JBSWY3DPEHPK3PXP");
  });

  it("refuses another key, another purpose and any tampering", () => {
    const sealed = seal("JBSWY3DPEHPK3PXP", SECRET, "totp");
    expect(() => unseal(sealed, "y".repeat(40), "totp")).toThrow();
    expect(() => unseal(sealed, SECRET, "other")).toThrow();
    const parts = sealed.split(".");
    parts[3] = Buffer.from("tampered").toString("base64url");
    expect(() => unseal(parts.join("."), SECRET, "totp")).toThrow();
  });
});
