import { z } from "zod";
import type { Db } from "@/lib/db";
import { nextStatus } from "@/lib/requests/state-machine";
import { notifyRequester } from "./notify-requester";
import { resumeClock } from "./resume-clock";
import { type CaseActor, recordEvent, withCase } from "./with-case";

export const ZRequestInformation = z.object({ message: z.string().trim().min(1, "required").max(5000, "too_long") });
export const ZInformationReceived = z.object({ receivedAt: z.iso.datetime({ offset: true, error: "datetime" }).optional() });

/** Asks the requester for information or clarification: e-mailed, and the clock stops (LEGAL.md R1.5). */
export async function requestInformation(db: Db, reference: string, message: string, actor: CaseActor, now = new Date()): Promise<void> {
  await withCase(db, reference, async (tx, request) => {
    const status = nextStatus(request.status, "request_information");
    await tx.rightsRequest.update({ where: { id: request.id }, data: { status, pausedSince: request.pausedSince ?? now } });
    await recordEvent(tx, request.id, "request_information", actor, { message });
    await notifyRequester(tx, request, { kind: "information_request", message });
  });
}

/** The requester's answer came (at `receivedAt`, by default now): the clock starts again from then. */
export async function informationReceived(db: Db, reference: string, receivedAt: Date, actor: CaseActor): Promise<void> {
  await withCase(db, reference, async (tx, request) => {
    const status = nextStatus(request.status, "information_received");
    await tx.rightsRequest.update({ where: { id: request.id }, data: { status } });
    await resumeClock(tx, request, receivedAt);
    await recordEvent(tx, request.id, "information_received", actor, { receivedAt: receivedAt.toISOString() });
  });
}
