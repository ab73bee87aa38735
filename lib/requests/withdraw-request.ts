import type { Db } from "@/lib/db";
import { queueEmail } from "@/lib/email/outbox";
import { withdrawalEmail } from "@/lib/email/templates/withdrawal";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { canTransition, nextStatus } from "./state-machine";

/**
 * The requester withdraws their request. Scoped by reference and the requester's proven address;
 * parts not yet answered are withdrawn with it.
 */
export async function withdrawRequest(db: Db, reference: string, requesterEmail: string, actorId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const request = await tx.rightsRequest.findFirst({ where: { reference, requesterEmail }, select: { id: true, status: true, locale: true } });
    if (!request) throw new AppError("not_found", { fr: "Demande introuvable.", en: "Request not found." });
    if (!canTransition(request.status, "withdraw")) {
      throw new AppError("conflict", {
        fr: "Cette demande ne peut plus être retirée : elle a déjà reçu sa réponse.",
        en: "This request can no longer be withdrawn: it has already been answered.",
      });
    }
    await tx.rightsRequest.update({ where: { id: request.id }, data: { status: nextStatus(request.status, "withdraw"), pausedSince: null } });
    await tx.requestPart.updateMany({
      where: { requestId: request.id, status: { in: ["pending", "awaiting_forwarding", "forwarded"] } },
      data: { status: "withdrawn" },
    });
    await tx.requestEvent.create({ data: { requestId: request.id, type: "withdraw", actorType: "requester", actorId, payload: {} } });
    return queueEmail(tx, requesterEmail, withdrawalEmail(request.locale, reference, `${env().APP_URL}/${request.locale}/mes-demandes`), {
      requestId: request.id,
    });
  });
}
