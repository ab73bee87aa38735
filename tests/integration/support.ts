import { randomUUID } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { createApiToken } from "@/lib/auth/api-token";
import type { Permission } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { StaffRole } from "@/lib/generated/prisma/client";
import { DEMO_ACTORS, DEMO_PATIENTS, DEMO_RELATIVES, seedDemo } from "@/prisma/seed/demo";

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
export function apiRequest(
  path: string,
  init: { method?: string; token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
) {
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
export async function mailbox(address: string): Promise<
  {
    id: string;
    subject: string;
    text?: string;
    attachments?: { generatedFileName: string; filename?: string; contentType: string }[];
  }[]
> {
  const response = await fetch(`${process.env.MAILDEV_URL}/api/email?to.address=${encodeURIComponent(address)}`);
  return (await response.json()) as never;
}

// ---------------------------------------------------------------------------------------------
// Helpers shared by the request, e-mail and web-submission suites.
// ---------------------------------------------------------------------------------------------

export { DEMO_ACTORS, DEMO_PATIENTS, DEMO_RELATIVES };

type Json = Record<string, unknown>;

/**
 * A staff-registered request body: by default Camille Martin's own access request, received by
 * post on 31 March 2026 at 22:30 UTC (1 April in Paris). Top-level keys of `overrides` replace
 * the defaults (a given `requester`/`subject` is merged into the default one).
 */
export function requestBody(overrides: Json = {}): Json {
  const camille = DEMO_PATIENTS.camille;
  const { requester, subject, ...rest } = overrides;
  return {
    right: "access",
    channel: "post",
    receivedAt: "2026-03-31T22:30:00Z",
    requester: {
      firstName: camille.firstName,
      lastName: camille.lastName,
      email: uniqueEmail("camille"),
      ...(requester as Json | undefined),
    },
    subject: {
      relation: "self",
      firstName: camille.firstName,
      lastName: camille.lastName,
      birthDate: camille.birthDate,
      ...(subject as Json | undefined),
    },
    scope: {},
    ...rest,
  };
}

/** Rows of the tables a submission writes to, to show that a refused one wrote nothing. */
export async function rowCounts() {
  const d = db();
  const [requests, parts, events, outbox, proofs] = await Promise.all([
    d.rightsRequest.count(),
    d.requestPart.count(),
    d.requestEvent.count(),
    d.outboxEmail.count(),
    d.identityProof.count(),
  ]);
  return { requests, parts, events, outbox, proofs };
}

export type MailMessage = Awaited<ReturnType<typeof mailbox>>[number] & { html?: string };

/** Waits until the SMTP catcher holds at least `count` messages for an address. */
export async function waitForMail(address: string, count = 1, timeoutMs = 5000): Promise<MailMessage[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const messages = await mailbox(address);
    if (messages.length >= count || Date.now() > deadline) return messages;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The Message-ID header of a caught message, read from its source as it arrived. */
export async function mailMessageId(messageId: string): Promise<string | null> {
  const response = await fetch(`${process.env.MAILDEV_URL}/api/email/${messageId}/source`);
  if (!response.ok) throw new Error(`source of ${messageId}: HTTP ${response.status}`);
  return /^message-id:\s*(<[^>\r\n]+>)/im.exec(await response.text())?.[1] ?? null;
}

/** Downloads one attachment of a caught message. */
export async function mailAttachment(messageId: string, generatedFileName: string): Promise<Uint8Array> {
  const response = await fetch(
    `${process.env.MAILDEV_URL}/api/email/${messageId}/attachment/${encodeURIComponent(generatedFileName)}`,
  );
  if (!response.ok) throw new Error(`attachment ${generatedFileName}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** A minimal but well-formed one-page PDF whose content stream holds `text`. */
export function minimalPdf(text: string): Uint8Array<ArrayBuffer> {
  const stream = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, "latin1"));
}

/** Every file under the storage directory (relative paths), temporary files included. */
export function storedFiles(): string[] {
  const root = process.env.STORAGE_LOCAL_DIR!;
  const walk = (dir: string): string[] => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return [];
    }
    return names.flatMap((name) => {
      const full = join(dir, name);
      return statSync(full).isDirectory() ? walk(full) : [full.slice(root.length + 1)];
    });
  };
  return walk(root).sort();
}

/** An IP address no other test uses, for per-IP rate limits. */
export function uniqueIp(): string {
  const b = randomUUID().replace(/-/g, "");
  return `10.${parseInt(b.slice(0, 2), 16)}.${parseInt(b.slice(2, 4), 16)}.${parseInt(b.slice(4, 6), 16)}`;
}
