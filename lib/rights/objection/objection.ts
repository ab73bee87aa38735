import { type CaseActor, recordEvent, withCase } from "@/lib/case-file/with-case";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { registryOf } from "@/lib/registry/registry-of";
import type { Registry } from "@/lib/registry/types";
import { type TBalanceObjection, ZBalanceObjection } from "./objection.schema";

/** The activities of a case's platform part that rest on legitimate interest (those that need a balancing). */
export function balancedActivities(registry: Registry, activities: readonly string[]): string[] {
  return registry.activities
    .filter((a) => activities.includes(a.key) && !a.directMarketing && a.legalBases.includes("legitimate_interest"))
    .map((a) => a.key);
}

export async function balanceObjection(
  db: Db,
  reference: string,
  given: TBalanceObjection,
  actor: CaseActor,
): Promise<void> {
  // A decision without its reasons is no decision: checked here too, whoever calls.
  const input = ZBalanceObjection.parse(given);
  await withCase(db, reference, async (tx, request) => {
    if (request.right !== "objection")
      throw new AppError("conflict", {
        fr: "Cette demande n'est pas une opposition.",
        en: "This request is not an objection.",
      });
    const platform = await tx.requestPart.findFirst({
      where: { requestId: request.id, handler: "platform" },
      select: { activities: true },
    });
    const activities = balancedActivities(await registryOf(tx, request.registryVersion), platform?.activities ?? []);
    if (activities.length === 0) {
      throw new AppError("conflict", {
        fr: "Aucun traitement fondé sur l'intérêt légitime n'est visé : il n'y a rien à mettre en balance.",
        en: "No processing based on legitimate interest is concerned: there is nothing to weigh.",
      });
    }
    await recordEvent(tx, request.id, "objection_balanced", actor, {
      activities,
      decision: input.decision,
      reason: input.reasons,
    });
  });
}
