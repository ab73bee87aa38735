import { type KnownRecipient, PLATFORM_INFRA } from "@/lib/registry/activities";
import type { Registry } from "@/lib/registry/types";

/**
 * The recipients of the data a case's platform part covers (the registry's named recipients, from
 * annex 1 of the policy), each once, in alphabetical order: those the controller must tell of a
 * rectification, an erasure or a restriction, and whom the requester may ask to know (Art. 19).
 */
export function recipientsOf(registry: Registry, activityKeys: readonly string[]): string[] {
  const wanted = new Set(activityKeys);
  const names = registry.activities
    .filter((a) => a.controller === "platform" && wanted.has(a.key))
    .flatMap((a) => a.recipients);
  return [...new Set(names)].sort((a, b) => a.localeCompare(b, "fr"));
}

/**
 * Recipients a change is not sent to: the hosting and network providers run the platform's own
 * systems, where the change itself is made; public authorities and emergency services receive data
 * only on a specific demand, handled in its own file, not as a flow to keep in step.
 */
export const NOT_NOTIFIED: readonly KnownRecipient[] = [
  ...PLATFORM_INFRA,
  "Autorités publiques ou judiciaires",
  "Services d'urgence ou professionnels de santé habilités",
];

/** The recipients told of a change of the data of `activityKeys` (Art. 19). */
export function noticeRecipientsOf(registry: Registry, activityKeys: readonly string[]): string[] {
  return recipientsOf(registry, activityKeys).filter((name) => !(NOT_NOTIFIED as readonly string[]).includes(name));
}
