import { describe, expect, it } from "vitest";
import { generateKeyringEntry, parseKeyring } from "./crypto";
import { openText, sealText } from "./sealed-text";

describe("sealed text", () => {
  const keys = parseKeyring(generateKeyringEntry("k1"));

  it("round-trips, and the stored bytes do not hold the text", async () => {
    const text = "Mon rendez-vous du 3 mars chez le Dr Dupont (dermatologie) — merci.";
    const sealed = await sealText(text, keys);
    expect(sealed.includes(Buffer.from("dermatologie"))).toBe(false);
    expect(await openText(sealed, keys)).toBe(text);
  });

  it("refuses bytes altered or sealed under another key", async () => {
    const sealed = await sealText("secret", keys);
    const altered = Buffer.from(sealed);
    altered[altered.length - 1]! ^= 1;
    await expect(openText(altered, keys)).rejects.toThrow();
    await expect(openText(sealed, parseKeyring(generateKeyringEntry("k2")))).rejects.toThrow();
  });
});
