import { appendEvent, lockCase } from "@/lib/case-file/events";
import type { Db } from "@/lib/db";
import { addDays, daysLeft, fromDateColumn, parisDay, toDateColumn } from "@/lib/deadlines";
import { queueEmail } from "@/lib/email/outbox";
import { actorReminderEmail } from "@/lib/email/templates/actor-part";
import { env } from "@/lib/env";
import { REMINDER_DAYS_BEFORE } from "@/lib/jobs/send-reminders";

/**
 * The daily follow-up of the parts health actors hold (lib/jobs/worker.ts runs it with the staff
 * reminders): every member of an actor gets the list of its parts due within REMINDER_DAYS_BEFORE
 * days or today; a part still unanswered after its due date is escalated once to the DPO team —
 * flagged in the queue and recorded in the case. Returns what was done.
 */
export async function remindActors(db: Db, now = new Date()): Promise<{ reminded: number; escalated: number }> {
  const today = parisDay(now);
  const due = await db.requestPart.findMany({
    where: {
      status: "forwarded",
      dueDate: { gte: toDateColumn(today), lte: toDateColumn(addDays(today, REMINDER_DAYS_BEFORE)) },
    },
    select: {
      id: true,
      dueDate: true,
      healthActorId: true,
      request: { select: { reference: true, right: true } },
      healthActor: { select: { name: true, members: { where: { removedAt: null }, select: { email: true } } } },
    },
    orderBy: [{ dueDate: "asc" }, { id: "asc" }],
  });
  const byActor = new Map<string, typeof due>();
  for (const part of due) byActor.set(part.healthActorId!, [...(byActor.get(part.healthActorId!) ?? []), part]);
  let reminded = 0;
  await db.$transaction(async (tx) => {
    for (const parts of byActor.values()) {
      const actor = parts[0]!.healthActor!;
      const lines = parts.map((p) => ({
        reference: p.request.reference,
        right: p.request.right,
        dueDate: fromDateColumn(p.dueDate),
        daysLeft: daysLeft(fromDateColumn(p.dueDate), now),
        url: `${env().APP_URL}/fr/pro/demandes/${p.id}`,
      }));
      for (const member of actor.members) {
        await queueEmail(tx, member.email, actorReminderEmail(actor.name, lines));
        reminded++;
      }
    }
  });

  const late = await db.requestPart.findMany({
    where: { status: "forwarded", escalatedAt: null, dueDate: { lt: toDateColumn(today) } },
    select: { id: true, requestId: true, dueDate: true, healthActorId: true },
    orderBy: [{ dueDate: "asc" }, { id: "asc" }],
    take: 1000,
  });
  for (const part of late) {
    await db.$transaction(async (tx) => {
      await lockCase(tx, part.requestId);
      const flagged = await tx.requestPart.updateMany({
        where: { id: part.id, status: "forwarded", escalatedAt: null },
        data: { escalatedAt: now },
      });
      if (flagged.count === 0) return;
      await appendEvent(tx, part.requestId, {
        type: "actor_overdue",
        actorType: "system",
        actorId: null,
        payload: { partId: part.id, healthActorId: part.healthActorId, dueDate: fromDateColumn(part.dueDate) },
      });
    });
  }
  return { reminded, escalated: late.length };
}
