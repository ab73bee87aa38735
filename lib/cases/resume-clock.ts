import type { Tx } from "@/lib/db";
import { computeDeadline, daysBetween, latestDueDate, parisDay, toDateColumn } from "@/lib/deadlines";
import type { RightsRequest } from "@/lib/generated/prisma/client";

/** Calendar days (Paris) the clock stood still, counted when it starts again. */
export function pausedDaysOnResume(pausedDays: number, pausedSince: Date | null, now: Date): number {
  if (!pausedSince) return pausedDays;
  return pausedDays + Math.max(0, daysBetween(parisDay(pausedSince), parisDay(now)));
}

/**
 * Starts a paused case's clock again (LEGAL.md R1.5): the days it stood still are added, and every
 * part's due date, and the case's, are computed again from the receipt date.
 */
export async function resumeClock(tx: Tx, request: Pick<RightsRequest, "id" | "receivedAt" | "extended" | "pausedDays" | "pausedSince">, now: Date) {
  if (!request.pausedSince) return;
  const pausedDays = pausedDaysOnResume(request.pausedDays, request.pausedSince, now);
  const parts = await tx.requestPart.findMany({ where: { requestId: request.id }, select: { id: true, deadlineRule: true } });
  const dueDates: string[] = [];
  for (const part of parts) {
    const deadline = computeDeadline({
      receivedAt: request.receivedAt,
      rule: part.deadlineRule,
      extended: part.deadlineRule === "gdpr_art12" && request.extended,
      pausedDays,
    });
    dueDates.push(deadline.dueDate);
    await tx.requestPart.update({
      where: { id: part.id },
      data: {
        dueDate: toDateColumn(deadline.dueDate),
        olderInformationDueDate: deadline.olderInformationDueDate ? toDateColumn(deadline.olderInformationDueDate) : null,
      },
    });
  }
  await tx.rightsRequest.update({
    where: { id: request.id },
    data: { pausedDays, pausedSince: null, ...(dueDates.length ? { dueDate: toDateColumn(latestDueDate(dueDates)) } : {}) },
  });
}
