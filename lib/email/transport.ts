import nodemailer, { type Transporter } from "nodemailer";
import type SMTPPool from "nodemailer/lib/smtp-pool";
import { env } from "@/lib/env";

export type MailTransport = Transporter<SMTPPool.SentMessageInfo>;

let transporter: MailTransport | undefined;

/** How many SMTP connections the worker keeps open, and so how many mails it hands over at once. */
export const SMTP_CONNECTIONS = 10;

/**
 * No mail server holds an attempt for long by going silent: 15 s to resolve its name, 20 s to
 * connect, 20 s for its greeting, then 60 s of silence at any later step (EHLO, AUTH, each RCPT,
 * DATA, its answer to the message) ends the attempt (nodemailer's defaults are 2 and 10 minutes).
 * The sender's lease on a row (SEND_LEASE_SECONDS) is chosen from these.
 */
export const SMTP_TIMEOUTS = {
  dnsTimeout: 15_000,
  connectionTimeout: 20_000,
  greetingTimeout: 20_000,
  socketTimeout: 60_000,
};

/** The longest an attempt lasts on a server that stops answering, whatever the step: each timeout once. */
export const SILENT_SERVER_MS =
  SMTP_TIMEOUTS.dnsTimeout +
  SMTP_TIMEOUTS.connectionTimeout +
  SMTP_TIMEOUTS.greetingTimeout +
  SMTP_TIMEOUTS.socketTimeout;

/**
 * How long a sending attempt holds its claim on an outbox row. More than twice SILENT_SERVER_MS (just
 * under two minutes), so it does not run out under a live attempt, rendering a letter's PDF and
 * waiting for a pooled connection included; short enough that a mail whose sending a crash cut is
 * claimed again within five minutes. Should it run out under an attempt that still succeeds (a server
 * answering a byte at a time), the mail leaves twice with the same Message-ID: the repeat is recognisable.
 */
export const SEND_LEASE_SECONDS = 5 * 60;

/** A pooled SMTP transport to one server, with the timeouts above. */
export function createMailTransport(server: {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  password?: string;
}): MailTransport {
  return nodemailer.createTransport({
    pool: true,
    maxConnections: SMTP_CONNECTIONS,
    maxMessages: 500,
    host: server.host,
    port: server.port,
    secure: server.secure,
    ignoreTLS: !server.secure && server.host === "127.0.0.1",
    auth: server.user ? { user: server.user, pass: server.password ?? "" } : undefined,
    ...SMTP_TIMEOUTS,
  });
}

/** One pooled transport per process, to the configured server: connections are reused from mail to mail. */
export function mailTransport(): MailTransport {
  const e = env();
  transporter ??= createMailTransport({
    host: e.SMTP_HOST,
    port: e.SMTP_PORT,
    secure: e.SMTP_SECURE,
    user: e.SMTP_USER,
    password: e.SMTP_PASSWORD,
  });
  return transporter;
}
