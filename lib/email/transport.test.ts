import { describe, expect, it } from "vitest";
import { SEND_LEASE_SECONDS, SILENT_SERVER_MS } from "./transport";
import { WORKER_GONE_SECONDS, WORKER_HEARTBEAT_MS } from "@/lib/jobs/worker-presence";

describe("the sender's lease and the worker's presence", () => {
  it("a lease outlasts twice the longest attempt on a silent server, so it never runs out under a live one", () => {
    expect(SEND_LEASE_SECONDS * 1000).toBeGreaterThan(2 * SILENT_SERVER_MS);
  });

  it("a worker is taken for gone only after several missed heartbeats", () => {
    expect(WORKER_GONE_SECONDS * 1000).toBeGreaterThanOrEqual(3 * WORKER_HEARTBEAT_MS);
  });
});
