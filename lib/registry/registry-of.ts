import type { Tx } from "@/lib/db";
import { currentRegistry } from "./index";
import { ZActivities } from "./registry.schema";
import type { Registry } from "./types";

/**
 * The registry a case was filed under (RightsRequest.registryVersion): the one in force when it is
 * that version, otherwise the version recorded in RegistryVersion, validated on read.
 */
export async function registryOf(db: Pick<Tx, "registryVersion">, version: string): Promise<Registry> {
  const current = currentRegistry();
  if (version === current.version) return current;
  const row = await db.registryVersion.findUnique({ where: { version }, select: { activities: true } });
  if (!row) throw new Error(`registry version ${version} is not recorded`);
  return { version, activities: ZActivities.parse(row.activities) };
}
