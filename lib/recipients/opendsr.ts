import { createHash } from "node:crypto";
import { z } from "zod";
import { env } from "@/lib/env";
import { ZUuid } from "@/lib/validation/ids";
import { requiredLine } from "@/lib/validation/text";

/**
 * The OpenDSR protocol (https://github.com/opengdpr/OpenDSR, specification.md, version 1.0) as the
 * platform speaks it, as a controller telling a recipient of an erasure: discovery, the request,
 * the signed receipt and the status callbacks. Pure, except for reading APP_URL.
 */

export const OPENDSR_API_VERSION = "1.0";
/** The current header prefix, and the former names the specification says must still be honoured. */
const HEADER_PREFIXES = ["x-opendsr-", "x-opengdpr-", "x-opencompliance-"] as const;

/** An OpenDSR header, under its current name or a legacy one (X-OpenGDPR-*). */
export function openDsrHeader(headers: Headers, name: "processor-domain" | "signature"): string | null {
  for (const prefix of HEADER_PREFIXES) {
    const value = headers.get(`${prefix}${name}`);
    if (value) return value.trim();
  }
  return null;
}

/** Where the recipients' services send status callbacks: this portal's public address. */
export function openDsrCallbackUrl(): string {
  return `${env().APP_URL.replace(/\/+$/, "")}/api/opendsr/callbacks`;
}

/** The base URL joined with an endpoint (`https://x.example/v1` + `discovery`). */
export function openDsrEndpoint(baseUrl: string, endpoint: "discovery" | "opendsr_requests"): string {
  return `${baseUrl.replace(/\/+$/, "")}/${endpoint}`;
}

/** The host a URL names, lower-case (an IPv6 address without its brackets). */
export function hostOf(url: string): string {
  return new URL(url).hostname.replace(/^\[|\]$/g, "").toLowerCase();
}

const rfc3339 = z.iso.datetime({ offset: true });

export const ZDiscovery = z.object({
  api_version: z.string().min(1).max(20),
  supported_identities: z
    .array(z.object({ identity_type: z.string().max(100), identity_format: z.string().max(20) }))
    .max(100),
  supported_subject_request_types: z.array(z.string().max(50)).max(20),
  processor_certificate: z.url().max(2000),
});
export type TDiscovery = z.infer<typeof ZDiscovery>;

export interface SubjectIdentity {
  identity_type: "email";
  identity_value: string;
  identity_format: "raw" | "sha256";
}

/**
 * The subject's e-mail address as the processor accepts it: hashed (SHA-256 of the trimmed, lower-case
 * address, in hex) when it lists email/sha256, so the address itself does not travel; raw when it lists
 * only email/raw; null when it takes no e-mail identity.
 */
export function identityFor(email: string, supported: TDiscovery["supported_identities"]): SubjectIdentity | null {
  const formats = new Set(supported.filter((i) => i.identity_type === "email").map((i) => i.identity_format));
  const normalised = email.trim().toLowerCase();
  if (formats.has("sha256"))
    return {
      identity_type: "email",
      identity_value: createHash("sha256").update(normalised).digest("hex"),
      identity_format: "sha256",
    };
  if (formats.has("raw")) return { identity_type: "email", identity_value: normalised, identity_format: "raw" };
  return null;
}

/** The erasure request for one notice (its id is the subject_request_id). */
export function openDsrErasureRequest(input: {
  noticeId: string;
  submittedAt: Date;
  identity: SubjectIdentity;
  callbackUrl: string;
}) {
  return {
    regulation: "gdpr",
    subject_request_id: input.noticeId,
    subject_request_type: "erasure",
    submitted_time: input.submittedAt.toISOString(),
    api_version: OPENDSR_API_VERSION,
    subject_identities: [input.identity],
    status_callback_urls: [input.callbackUrl],
  };
}

/** The processor's answer to a request (201). Its encoded_request is neither kept nor logged. */
export const ZReceipt = z.object({
  controller_id: requiredLine(200),
  expected_completion_time: rfc3339,
  received_time: rfc3339,
  subject_request_id: ZUuid,
});

export const CALLBACK_STATUSES = ["pending", "in_progress", "completed", "cancelled"] as const;

/** The service's answer about one request (GET {base}/opendsr_requests/{id}, section 8). */
export const ZRequestStatus = z.object({
  controller_id: requiredLine(200),
  expected_completion_time: rfc3339,
  subject_request_id: ZUuid,
  request_status: z.enum(CALLBACK_STATUSES),
});

export const ZCallback = z.object({
  controller_id: requiredLine(200),
  expected_completion_time: rfc3339,
  status_callback_url: z.string().max(2000),
  subject_request_id: ZUuid,
  request_status: z.enum(CALLBACK_STATUSES),
  results_url: z.string().max(2000).optional(),
  results_count: z.number().int().min(0).optional(),
});
