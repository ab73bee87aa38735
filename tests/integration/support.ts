import { randomUUID } from "node:crypto";
import { createApiToken } from "@/lib/auth/api-token";
import type { Permission } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { StaffRole } from "@/lib/generated/prisma/client";
import { seedDemo } from "@/prisma/seed/demo";

let seeded: Promise<unknown> | undefined;

/** The demo dataset, seeded once per database (idempotent). */
export function demoData(): Promise<unknown> {
  seeded ??= seedDemo(db());
  return seeded;
}

/** A staff member with an API token of their own. */
export async function staffToken(options: { role?: StaffRole; scopes?: Permission[] } = {}) {
  const staff = await db().staffUser.create({
    data: { email: `agent-${randomUUID()}@exemple.fr`, name: "Agent de test", role: options.role ?? "dpo_agent" },
  });
  const { id, token } = await createApiToken(db(), staff.id, "test", { scopes: options.scopes });
  return { staffId: staff.id, tokenId: id, token };
}

/** Calls a route handler as the HTTP server would. */
export function apiRequest(path: string, init: { method?: string; token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  let body: string | undefined = init.rawBody;
  if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers["content-type"] ??= "application/json";
  }
  return new Request(`http://127.0.0.1${path}`, { method: init.method ?? (body ? "POST" : "GET"), headers, body });
}

export function uniqueEmail(label = "patient"): string {
  return `${label}-${randomUUID().slice(0, 8)}@exemple.fr`;
}

/** Reads the messages the SMTP catcher received for an address. */
export async function mailbox(address: string): Promise<{ id: string; subject: string; text?: string; attachments?: { generatedFileName: string; contentType: string }[] }[]> {
  const response = await fetch(`${process.env.MAILDEV_URL}/api/email?to.address=${encodeURIComponent(address)}`);
  return (await response.json()) as never;
}
