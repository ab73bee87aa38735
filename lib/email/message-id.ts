import { randomUUID } from "node:crypto";
import { env } from "@/lib/env";

/**
 * A new Message-ID for an outbox row, made once when the row is written and sent with every attempt
 * (and a resend): should the same mail arrive twice, its recipient's software sees one message.
 */
export function newMessageId(): string {
  hostname ??= new URL(env().APP_URL).hostname;
  return `<${randomUUID()}@${hostname}>`;
}

let hostname: string | undefined;
