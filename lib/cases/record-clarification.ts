import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { registryOf } from "@/lib/registry/registry-of";
import { checkRegistryKeys, requireDetails } from "@/lib/requests/submit-request";
import { isOpen } from "@/lib/case-file/state-machine";
import type { RequestScope } from "@/lib/routing/route-request";
import { type CaseActor, recordEvent, withCase } from "@/lib/case-file/with-case";
import { type TClarification, ZClarification } from "@/lib/cases/case-action.schema";

/**
 * The DPO records what the requester clarified (in their answer, a letter, a call): the fields are
 * added to the case's details and checked as on filing (lib/rights/missing-details.ts). The "to
 * clarify" flag clears once nothing the right needs is missing; until then nothing is changed and
 * the fields still missing are named.
 */
export async function recordClarification(
  db: Db,
  reference: string,
  input: TClarification,
  actor: CaseActor,
): Promise<void> {
  const given = Object.fromEntries(
    Object.entries(ZClarification.parse(input).details).filter(([, value]) => value !== undefined),
  );
  await withCase(db, reference, async (tx, request) => {
    if (!request.needsClarification || !isOpen(request.status)) {
      throw new AppError("conflict", {
        fr: "Cette demande n'a rien à préciser.",
        en: "This request has nothing to clarify.",
      });
    }
    const registry = await registryOf(tx, request.registryVersion);
    const clarified = {
      right: request.right,
      scope: request.scope as RequestScope,
      details: { ...(request.details as object), ...given },
    };
    checkRegistryKeys(clarified, registry);
    requireDetails(clarified, registry);
    await tx.rightsRequest.update({
      where: { id: request.id },
      data: { details: clarified.details, needsClarification: false },
    });
    await recordEvent(tx, request.id, "details_clarified", actor, { fields: Object.keys(given) });
  });
}
