import type { X509Certificate } from "node:crypto";
import { mayCall, ZWebhookUrl } from "@/lib/actors/webhooks";
import { publicFetch } from "@/lib/http/public-fetch";
import { readCapped } from "@/lib/http/read-capped";
import { checkProcessorCertificate, verifyOpenDsrSignature } from "./opendsr-certificate";
import {
  hostOf,
  openDsrEndpoint,
  openDsrHeader,
  type TDiscovery,
  ZDiscovery,
  ZReceipt,
  ZRequestStatus,
} from "./opendsr";

/**
 * The platform's calls to a recipient's OpenDSR service: discovery, its certificate, the request and
 * its signed receipt. Every call goes only to public addresses (as health actors' callbacks do), with
 * a timeout and a size limit, and never follows a redirect. Failures are NoticeErrors, whose
 * messages say what failed and never hold personal data (they are stored as the notice's lastError).
 */

export class NoticeError extends Error {
  override name = "NoticeError";
}

export interface CallOptions {
  fetch?: typeof fetch;
  now?: () => Date;
}

const TIMEOUT_MS = 10_000;
const MAX_BYTES = 256 * 1024;

interface Fetched {
  status: number;
  headers: Headers;
  text: string;
}

/** One HTTP call to a recipient's service, or a NoticeError naming what failed. */
export async function callRecipient(
  what: string,
  url: string,
  init: RequestInit,
  options: CallOptions = {},
): Promise<Fetched> {
  if (!(await mayCall(url))) throw new NoticeError(`${what}: refused, the address resolves to a private network`);
  let response: Response;
  try {
    response = await (options.fetch ?? publicFetch)(url, {
      ...init,
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    const code = (error as { cause?: { code?: unknown } })?.cause?.code;
    throw new NoticeError(
      `${what}: ${name === "TimeoutError" ? "timed out" : typeof code === "string" ? code : "network error"}`,
    );
  }
  return {
    status: response.status,
    headers: response.headers,
    text: await readCapped(
      response.body,
      MAX_BYTES,
      () => new NoticeError(`${what}: answer larger than ${MAX_BYTES / 1024} KB`),
    ),
  };
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new NoticeError(`${what}: malformed JSON`);
  }
}

/** GET {base}/discovery: what the service supports and where its certificate is. */
export async function discover(baseUrl: string, options: CallOptions = {}): Promise<TDiscovery> {
  const answer = await callRecipient(
    "discovery",
    openDsrEndpoint(baseUrl, "discovery"),
    { headers: { accept: "application/json" } },
    options,
  );
  if (answer.status !== 200) throw new NoticeError(`discovery: HTTP ${answer.status}`);
  const parsed = ZDiscovery.safeParse(parseJson(answer.text, "discovery"));
  if (!parsed.success) throw new NoticeError("discovery: unexpected answer");
  return parsed.data;
}

/**
 * The processor's certificate named by discovery, checked: served from the service's own host,
 * issued to it by a trusted authority, valid now, not self-signed.
 */
export async function fetchCertificate(
  baseUrl: string,
  discovery: TDiscovery,
  options: CallOptions = {},
): Promise<{ pem: string; leaf: X509Certificate }> {
  const host = hostOf(baseUrl);
  const url = discovery.processor_certificate;
  if (!ZWebhookUrl.shape.url.safeParse(url).success) throw new NoticeError("certificate: not served over HTTPS");
  if (hostOf(url) !== host) throw new NoticeError("certificate: not served from the service's own host");
  const answer = await callRecipient(
    "certificate",
    url,
    { headers: { accept: "application/x-pem-file, text/plain" } },
    options,
  );
  if (answer.status !== 200) throw new NoticeError(`certificate: HTTP ${answer.status}`);
  let check: ReturnType<typeof checkProcessorCertificate>;
  try {
    check = checkProcessorCertificate(answer.text, host, { now: options.now?.() });
  } catch (error) {
    // The trusted authorities could not be loaded: a configuration error, said as such.
    throw new NoticeError(`certificate: ${error instanceof Error ? error.message : "trust store unavailable"}`);
  }
  if (!check.ok) throw new NoticeError(`certificate: ${check.reason.replace(/_/g, " ")}`);
  return { pem: check.pem, leaf: check.leaf };
}

export interface Accepted {
  controllerId: string;
  expectedCompletionAt: Date;
}

/** An answer of the service, checked: from its domain, signed over the raw body by its certificate. */
function signedJson(answer: Fetched, baseUrl: string, leaf: X509Certificate, what: string): unknown {
  if (openDsrHeader(answer.headers, "processor-domain")?.toLowerCase() !== hostOf(baseUrl))
    throw new NoticeError(`${what}: processor domain does not match the service`);
  if (!verifyOpenDsrSignature(answer.text, openDsrHeader(answer.headers, "signature"), leaf))
    throw new NoticeError(`${what}: signature does not verify`);
  return parseJson(answer.text, what);
}

/**
 * POSTs the request and checks the receipt: 201, from the service's domain, signed over its raw
 * body by the certificate, for this very request.
 */
export async function submitRequest(
  baseUrl: string,
  body: { subject_request_id: string } & Record<string, unknown>,
  leaf: X509Certificate,
  options: CallOptions = {},
): Promise<Accepted> {
  const answer = await callRecipient(
    "request",
    openDsrEndpoint(baseUrl, "opendsr_requests"),
    {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json",
        "user-agent": "droits-patients-opendsr/1",
      },
      body: JSON.stringify(body),
    },
    options,
  );
  if (answer.status !== 201) throw new NoticeError(`request: HTTP ${answer.status}`);
  const receipt = ZReceipt.safeParse(signedJson(answer, baseUrl, leaf, "receipt"));
  if (!receipt.success) throw new NoticeError("receipt: unexpected answer");
  if (receipt.data.subject_request_id !== body.subject_request_id)
    throw new NoticeError("receipt: for another request");
  return {
    controllerId: receipt.data.controller_id,
    expectedCompletionAt: new Date(receipt.data.expected_completion_time),
  };
}

/**
 * GET {base}/opendsr_requests/{id}: whether the service already holds this request (a former attempt
 * reached it, but its receipt was lost), checked like a receipt; null when it does not know it.
 */
export async function knownRequest(
  baseUrl: string,
  id: string,
  leaf: X509Certificate,
  options: CallOptions = {},
): Promise<Accepted | null> {
  const answer = await callRecipient(
    "status",
    `${openDsrEndpoint(baseUrl, "opendsr_requests")}/${id}`,
    { headers: { accept: "application/json" } },
    options,
  );
  // Unknown to it; or it cannot be asked (405, 501), and the request's id lets it drop a repeat.
  if ([404, 405, 501].includes(answer.status)) return null;
  if (answer.status !== 200) throw new NoticeError(`status: HTTP ${answer.status}`);
  const status = ZRequestStatus.safeParse(signedJson(answer, baseUrl, leaf, "status"));
  if (!status.success || status.data.subject_request_id !== id) throw new NoticeError("status: unexpected answer");
  return {
    controllerId: status.data.controller_id,
    expectedCompletionAt: new Date(status.data.expected_completion_time),
  };
}
