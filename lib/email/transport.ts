import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

let transporter: Transporter | undefined;

/** How many SMTP connections the worker keeps open, and so how many mails it hands over at once. */
export const SMTP_CONNECTIONS = 10;

/** One pooled transport per process: connections are reused from mail to mail (no handshake each time). */
export function mailTransport(): Transporter {
  const e = env();
  transporter ??= nodemailer.createTransport({
    pool: true,
    maxConnections: SMTP_CONNECTIONS,
    maxMessages: 500,
    host: e.SMTP_HOST,
    port: e.SMTP_PORT,
    secure: e.SMTP_SECURE,
    ignoreTLS: !e.SMTP_SECURE && e.SMTP_HOST === "127.0.0.1",
    auth: e.SMTP_USER ? { user: e.SMTP_USER, pass: e.SMTP_PASSWORD ?? "" } : undefined,
  });
  return transporter;
}
