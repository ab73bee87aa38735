import { describe, expect, it } from "vitest";
import { signToken, verifyToken } from "./signed-token";

const SECRET = "s".repeat(40);

describe("signed tokens", () => {
  it("carry their value until they expire, for their purpose only", () => {
    const now = 1_800_000_000_000;
    const token = signToken("camille@exemple.fr", "email-proof", 3600, SECRET, now);
    expect(verifyToken(token, "email-proof", SECRET, now + 1000)).toBe("camille@exemple.fr");
    expect(verifyToken(token, "email-proof", SECRET, now + 3601_000)).toBeNull();
    expect(verifyToken(token, "staff-pending", SECRET, now)).toBeNull();
    expect(verifyToken(token, "email-proof", "t".repeat(40), now)).toBeNull();
  });

  it("refuse a forged body", () => {
    const token = signToken("a@exemple.fr", "email-proof", 3600, SECRET);
    const forged = `${Buffer.from(JSON.stringify({ v: "b@exemple.fr", exp: 9e9 })).toString("base64url")}.${token.split(".")[1]}`;
    expect(verifyToken(forged, "email-proof", SECRET)).toBeNull();
    expect(verifyToken(undefined, "email-proof", SECRET)).toBeNull();
    expect(verifyToken("garbage", "email-proof", SECRET)).toBeNull();
  });
});
