import { z } from "zod";

const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");
/** A required text variable whose message says what it must hold, whether missing or empty. */
const required = (what: string) => z.string({ error: `is required: ${what}` }).min(1, `is required: ${what}`);

const ZEnv = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: required("the PostgreSQL URL, postgresql://user:password@host:5432/db").regex(
      /^postgres(ql)?:\/\//,
      "must be a postgresql:// URL",
    ),
    APP_URL: z.url({ error: "is required: the public URL of the portal, e.g. https://droits.exemple.fr" }),
    AUTH_SECRET: required("32+ random characters, e.g. `openssl rand -base64 48`").min(
      32,
      "must be at least 32 random characters (e.g. `openssl rand -base64 48`)",
    ),
    SMTP_HOST: required("the SMTP server's host name"),
    SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
    SMTP_SECURE: bool.default(false),
    SMTP_USER: z.string().optional(),
    SMTP_PASSWORD: z.string().optional(),
    MAIL_FROM: required('the sender, e.g. "Protection des données <dpo@exemple.fr>"'),
    /** Days without an answer to a request for information before the requester is reminded. */
    INFORMATION_REMINDER_DAYS: z.coerce.number().int().min(1).max(90).default(15),
    /** Days after that reminder before a case still unanswered may be closed. */
    INFORMATION_CLOSE_DAYS: z.coerce.number().int().min(1).max(90).default(15),
    /** Sign-in links one address may ask for per hour, and one client address (IP). */
    MAGIC_LINKS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(5),
    MAGIC_LINKS_PER_IP_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(30),
    /** Days the requester may download an access copy; the files are deleted after. */
    ACCESS_COPY_DAYS: z.coerce.number().int().min(1).max(60).default(7),
    /** Accepts plain-HTTP webhook URLs (local set-ups and tests only; production needs HTTPS). */
    WEBHOOK_ALLOW_HTTP: bool.default(false),
    /**
     * A PEM file of extra certificate authorities trusted for the certificates that sign recipients'
     * OpenDSR receipts and callbacks (besides Node's bundled roots), e.g. a private CA.
     */
    OPENDSR_CA_FILE: z.string().min(1).optional(),
    /**
     * The app sits behind a reverse proxy or load balancer that appends the client's address to
     * X-Forwarded-For: rate limits then count that address. Otherwise the socket's peer is the client,
     * and an X-Forwarded-For it sends is ignored.
     */
    TRUST_PROXY: bool.default(false),
    /** Shows the demo mailbox link and the demo banner. Never set in production. */
    DEMO_MODE: bool.default(false),
    DEMO_MAILBOX_URL: z.url().optional(),
  })
  // Plain HTTP and unchecked addresses for outbound calls are for a portal that is itself local.
  .refine((e) => !e.WEBHOOK_ALLOW_HTTP || e.APP_URL.startsWith("http://"), {
    path: ["WEBHOOK_ALLOW_HTTP"],
    message: "is for local set-ups only: it cannot be set when APP_URL is https://",
  });

export type Env = z.infer<typeof ZEnv>;

let cached: Env | undefined;

/** The validated configuration; throws one message naming every missing or invalid variable. */
export function env(): Env {
  if (cached) return cached;
  const withDefaults = { ...process.env, APP_URL: process.env.APP_URL ?? process.env.NEXTAUTH_URL };
  const parsed = ZEnv.safeParse(withDefaults);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration (see README, "Configuration"):\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  // Auth.js (next-auth v4) builds its links and cookie settings from NEXTAUTH_URL: one URL for both.
  process.env.NEXTAUTH_URL ??= cached.APP_URL;
  return cached;
}
