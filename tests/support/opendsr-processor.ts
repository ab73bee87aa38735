import { randomUUID, sign } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A recipient's OpenDSR service for the tests, on loopback over plain HTTP: GET /v1/discovery,
 * GET /v1/cert.pem, POST /v1/opendsr_requests (201 with a receipt signed RSA-SHA256 over its raw
 * body, as the specification asks) and GET /v1/opendsr_requests/{id} (its signed status).
 * `options` can be changed between calls to make it misbehave.
 */
export interface ProcessorOptions {
  /** The host it is reached by and signs as: "localhost" or "127.0.0.1". */
  host: string;
  keyPem: string;
  /** Served at /v1/cert.pem. */
  certPem: string;
  requestTypes: string[];
  identities: { identity_type: string; identity_format: string }[];
  /** Signs other bytes than the body it sends. */
  badSignature: boolean;
  /** The X-OpenDSR-Processor-Domain it answers with (default: host). */
  domain?: string;
  /** Keeps the next request but answers 503, as if the receipt were lost on the way. */
  loseNextReceipt: boolean;
}

export interface FakeProcessor {
  /** Its OpenDSR base URL, http://host:port/v1. */
  url: string;
  options: ProcessorOptions;
  requests: { headers: IncomingHttpHeaders; body: string }[];
  /** How many times its certificate was downloaded. */
  certificateFetches(): number;
  /** Signs a body as this processor does (base64). */
  sign(body: string): string;
  close(): Promise<void>;
}

export async function startFakeProcessor(
  initial: Pick<ProcessorOptions, "host" | "keyPem" | "certPem"> & Partial<ProcessorOptions>,
): Promise<FakeProcessor> {
  const options: ProcessorOptions = {
    requestTypes: ["erasure"],
    identities: [
      { identity_type: "email", identity_format: "raw" },
      { identity_type: "email", identity_format: "sha256" },
    ],
    badSignature: false,
    loseNextReceipt: false,
    ...initial,
  };
  const requests: FakeProcessor["requests"] = [];
  let certificateFetches = 0;
  const signBody = (body: string) => sign("sha256", Buffer.from(body), options.keyPem).toString("base64");
  const signedHeaders = (body: string) => ({
    "content-type": "application/json",
    "x-opendsr-processor-domain": options.domain ?? options.host,
    "x-opendsr-signature": signBody(options.badSignature ? `${body} ` : body),
  });
  const held = new Set<string>();
  let base = "";
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      if (req.method === "GET" && req.url === "/v1/discovery") {
        res.writeHead(200, { "content-type": "application/json" }).end(
          JSON.stringify({
            api_version: "1.0",
            supported_identities: options.identities,
            supported_subject_request_types: options.requestTypes,
            processor_certificate: `${base}/cert.pem`,
          }),
        );
      } else if (req.method === "GET" && req.url === "/v1/cert.pem") {
        certificateFetches++;
        res.writeHead(200, { "content-type": "application/x-pem-file" }).end(options.certPem);
      } else if (req.method === "POST" && req.url === "/v1/opendsr_requests") {
        requests.push({ headers: req.headers, body });
        const request = JSON.parse(body) as { subject_request_id: string };
        held.add(request.subject_request_id);
        if (options.loseNextReceipt) {
          options.loseNextReceipt = false;
          res.writeHead(503).end();
          return;
        }
        const receipt = JSON.stringify({
          controller_id: "droits-patients-test",
          expected_completion_time: new Date(Date.now() + 7 * 86_400_000).toISOString(),
          received_time: new Date().toISOString(),
          encoded_request: Buffer.from(body).toString("base64"),
          subject_request_id: request.subject_request_id,
        });
        res.writeHead(201, { ...signedHeaders(receipt), "x-request-id": randomUUID() }).end(receipt);
      } else if (req.method === "GET" && req.url?.startsWith("/v1/opendsr_requests/")) {
        const id = req.url.slice("/v1/opendsr_requests/".length);
        if (!held.has(id)) {
          res.writeHead(404).end();
          return;
        }
        const status = JSON.stringify({
          controller_id: "droits-patients-test",
          expected_completion_time: new Date(Date.now() + 7 * 86_400_000).toISOString(),
          subject_request_id: id,
          request_status: "pending",
          api_version: "1.0",
        });
        res.writeHead(200, signedHeaders(status)).end(status);
      } else res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://${options.host}:${(server.address() as AddressInfo).port}/v1`;
  return {
    url: base,
    options,
    requests,
    certificateFetches: () => certificateFetches,
    sign: signBody,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
