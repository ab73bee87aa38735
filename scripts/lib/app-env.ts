import { randomBytes } from "node:crypto";
import { generateKeyringEntry } from "@/lib/storage/crypto";

export interface LocalStack {
  databaseUrl: string;
  appPort: number;
  smtpPort: number;
  mailWebPort: number;
  storageDir: string;
}

/** The environment of the app, the worker and the tests when run on this machine's local services. */
export function localAppEnv(
  stack: LocalStack,
  secrets?: { authSecret: string; fileKeys: string },
): Record<string, string> {
  const appUrl = `http://127.0.0.1:${stack.appPort}`;
  return {
    DATABASE_URL: stack.databaseUrl,
    APP_URL: appUrl,
    NEXTAUTH_URL: appUrl,
    PORT: String(stack.appPort),
    AUTH_SECRET: secrets?.authSecret ?? randomBytes(36).toString("base64url"),
    SMTP_HOST: "127.0.0.1",
    SMTP_PORT: String(stack.smtpPort),
    SMTP_SECURE: "false",
    MAIL_FROM: "Protection des données <dpo@exemple.fr>",
    FILE_ENCRYPTION_KEYS: secrets?.fileKeys ?? generateKeyringEntry("k1"),
    STORAGE_DRIVER: "local",
    STORAGE_LOCAL_DIR: stack.storageDir,
    MAILDEV_URL: `http://127.0.0.1:${stack.mailWebPort}`,
    // The tests file many requests for the same demo patients, and sign them in many times, all
    // from this machine's address.
    PORTAL_SUBMISSIONS_PER_HOUR: "10000",
    MAGIC_LINKS_PER_ADDRESS_PER_HOUR: "1000",
    MAGIC_LINKS_PER_IP_PER_HOUR: "10000",
    // Health actors' callbacks to receivers on this machine (tests, the demo) are plain HTTP.
    WEBHOOK_ALLOW_HTTP: "true",
  };
}
