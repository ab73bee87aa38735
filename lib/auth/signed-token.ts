import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * A short-lived, HMAC-signed statement kept in a cookie: "<base64url JSON>.<mac>". The purpose is
 * part of the MAC, so a token made for one use is worthless for another.
 */
export function signToken(
  value: string,
  purpose: string,
  ttlSeconds: number,
  secret: string,
  now = Date.now(),
): string {
  const body = Buffer.from(JSON.stringify({ v: value, exp: Math.floor(now / 1000) + ttlSeconds })).toString(
    "base64url",
  );
  return `${body}.${mac(body, purpose, secret)}`;
}

/** The signed value, or null when the token is missing, forged, for another purpose or expired. */
export function verifyToken(
  token: string | undefined,
  purpose: string,
  secret: string,
  now = Date.now(),
): string | null {
  if (!token) return null;
  const [body, signature] = token.split(".");
  if (!body || !signature) return null;
  const expected = Buffer.from(mac(body, purpose, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const { v, exp } = JSON.parse(Buffer.from(body, "base64url").toString()) as { v: string; exp: number };
    return exp * 1000 > now && typeof v === "string" ? v : null;
  } catch {
    return null;
  }
}

function mac(body: string, purpose: string, secret: string): string {
  return createHmac("sha256", secret).update(`${purpose}:${body}`).digest("base64url");
}
