import { createHash } from "node:crypto";
import { canonicalJson } from "@/lib/util/canonical-json";

/**
 * The audit trail of a case is a hash chain: each event carries the hash of the one before it and
 * its own hash over both, so removing, reordering or altering an event breaks every later link.
 */
export interface ChainedEvent {
  requestId: string;
  type: string;
  actorType: string;
  actorId: string | null;
  payload: unknown;
  createdAt: Date;
}

export function eventHash(prevHash: string | null, event: ChainedEvent): string {
  const body = canonicalJson({
    prev: prevHash,
    requestId: event.requestId,
    type: event.type,
    actorType: event.actorType,
    actorId: event.actorId,
    payload: event.payload,
    at: event.createdAt.toISOString(),
  });
  return createHash("sha256").update(body).digest("hex");
}

export interface StoredEvent extends ChainedEvent {
  id: bigint | number;
  prevHash: string | null;
  hash: string;
}

export type ChainCheck =
  | { ok: true; events: number }
  | { ok: false; eventId: string; reason: "prev_mismatch" | "hash_mismatch" };

/** Checks one case's events, in order of id: the first broken link, if any. */
export function verifyChain(events: StoredEvent[]): ChainCheck {
  let prev: string | null = null;
  for (const event of events) {
    if (event.prevHash !== prev) return { ok: false, eventId: String(event.id), reason: "prev_mismatch" };
    if (eventHash(prev, event) !== event.hash) return { ok: false, eventId: String(event.id), reason: "hash_mismatch" };
    prev = event.hash;
  }
  return { ok: true, events: events.length };
}
