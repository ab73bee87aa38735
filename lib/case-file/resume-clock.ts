import type { Tx } from "@/lib/db";
import { computeDeadline, daysBetween, latestDueDate, parisDay, toDateColumn } from "@/lib/deadlines";
import type { RightsRequest } from "@/lib/generated/prisma/client";

/** Calendar days (Paris) the clock stood still, counted when it starts again. */
export function pausedDaysOnResume(pausedDays: number, pausedSince: Date | null, now: Date): number {
  if (!pausedSince) return pausedDays;
  return pausedDays + Math.max(0, daysBetween(parisDay(pausedSince), parisDay(now)));
}

/**
 * Computes every part's due date again from the receipt date, with the days paused and the
 * extension (which never applies to the health-law limits of CSP L1111-7), and the case's.
 */
export async function recomputeDueDates(
  tx: Tx,
  request: Pick<RightsRequest, "id" | "receivedAt">,
  clock: { pausedDays: number; extended: boolean },
): Promise<string> {
  const parts = await tx.requestPart.findMany({
    where: { requestId: request.id },
    select: { id: true, deadlineRule: true },
  });
  const dueDates: string[] = [];
  for (const part of parts) {
    const deadline = computeDeadline({
      receivedAt: request.receivedAt,
      rule: part.deadlineRule,
      extended: part.deadlineRule === "gdpr_art12" && clock.extended,
      pausedDays: clock.pausedDays,
    });
    dueDates.push(deadline.dueDate);
    await tx.requestPart.update({
      where: { id: part.id },
      data: {
        dueDate: toDateColumn(deadline.dueDate),
        olderInformationDueDate: deadline.olderInformationDueDate
          ? toDateColumn(deadline.olderInformationDueDate)
          : null,
      },
    });
  }
  const due = latestDueDate(dueDates);
  await tx.rightsRequest.update({ where: { id: request.id }, data: { dueDate: toDateColumn(due) } });
  return due;
}

/** Starts a paused case's clock again (décret 2019-536 art. 77): the days it stood still move every due date. */
export async function resumeClock(
  tx: Tx,
  request: Pick<RightsRequest, "id" | "receivedAt" | "extended" | "pausedDays" | "pausedSince">,
  now: Date,
) {
  if (!request.pausedSince) return;
  const pausedDays = pausedDaysOnResume(request.pausedDays, request.pausedSince, now);
  await tx.rightsRequest.update({ where: { id: request.id }, data: { pausedDays, pausedSince: null } });
  await recomputeDueDates(tx, request, { pausedDays, extended: request.extended });
}
