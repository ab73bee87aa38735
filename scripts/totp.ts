// npm run totp -- <base32 secret>: the current 6-digit code, for trying the demo without an authenticator app.
import { totpAt } from "@/lib/auth/totp";

const secret = process.argv[2];
if (!secret) {
  console.error("Usage: npm run totp -- <base32 secret>");
  process.exit(1);
}
console.log(totpAt(secret, new Date()));
