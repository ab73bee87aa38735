import type { Registry } from "@/lib/registry/types";

/** The rights after which the recipients of the data are told (GDPR Art. 19). */
export const ART_19_RIGHTS = ["rectification", "erasure", "restriction"] as const;

/**
 * The recipients of the data a case's platform part covers (the registry's named recipients, from
 * annex 1 of the policy), each once, in alphabetical order: those the controller must tell of a
 * rectification, an erasure or a restriction, and whom the requester may ask to know (Art. 19).
 */
export function recipientsOf(registry: Registry, activityKeys: readonly string[]): string[] {
  const wanted = new Set(activityKeys);
  const names = registry.activities.filter((a) => a.controller === "platform" && wanted.has(a.key)).flatMap((a) => a.recipients);
  return [...new Set(names)].sort((a, b) => a.localeCompare(b, "fr"));
}
