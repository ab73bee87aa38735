import type { Tx } from "@/lib/db";
import { REGISTRY } from "./activities";
import { ZActivities } from "./registry.schema";
import type { Activity, Registry } from "./types";

export type { Activity, Registry } from "./types";

/** The registry in force. Each case stores this version, kept in RegistryVersion. */
export function currentRegistry(): Registry {
  return REGISTRY;
}

export function activityByKey(registry: Registry): Map<string, Activity> {
  return new Map(registry.activities.map((a) => [a.key, a]));
}

const recorded = new Set<string>();

/**
 * Records the registry version in the database so cases can refer to it: once per version and
 * process (a version, once recorded, never changes).
 */
export async function ensureRegistryVersion(
  tx: Pick<Tx, "registryVersion">,
  registry: Registry = REGISTRY,
): Promise<void> {
  if (recorded.has(registry.version)) return;
  // INSERT ... ON CONFLICT DO NOTHING: the first requests after a start may record it at once.
  await tx.registryVersion.createMany({
    data: [{ version: registry.version, activities: ZActivities.parse(registry.activities) }],
    skipDuplicates: true,
  });
  recorded.add(registry.version);
}
