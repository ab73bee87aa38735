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

/** Records the registry version in the database (once per version) so cases can refer to it. */
export async function ensureRegistryVersion(tx: Pick<Tx, "registryVersion">, registry: Registry = REGISTRY): Promise<void> {
  await tx.registryVersion.upsert({
    where: { version: registry.version },
    create: { version: registry.version, activities: ZActivities.parse(registry.activities) },
    update: {},
  });
}

/** A stored version, validated on read. */
export async function loadRegistryVersion(tx: Pick<Tx, "registryVersion">, version: string): Promise<Registry | null> {
  const row = await tx.registryVersion.findUnique({ where: { version } });
  return row ? { version: row.version, activities: ZActivities.parse(row.activities) } : null;
}
