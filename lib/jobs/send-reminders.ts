import type { Db } from "@/lib/db";
import { addDays, daysLeft, fromDateColumn, parisDay, toDateColumn } from "@/lib/deadlines";
import { queueEmail } from "@/lib/email/outbox";
import { type ReminderLine, staffReminderEmail } from "@/lib/email/templates/staff-reminder";
import { env } from "@/lib/env";
import { TRANSITIONS } from "@/lib/case-file/state-machine";

/** Reminders go to the assigned agent this many days before a due date, and on it. */
export const REMINDER_DAYS_BEFORE = 3;
const OPEN = [...TRANSITIONS.withdraw.from];

/**
 * The daily reminders (lib/jobs/worker.ts schedules them every morning, Paris time): each agent
 * gets the open cases assigned to them that are due within REMINDER_DAYS_BEFORE days or today, and
 * every active staff member the digest of all open cases due within seven days.
 */
export async function sendReminders(db: Db, now = new Date()): Promise<{ reminders: number; digests: number }> {
  const today = parisDay(now);
  const queueUrl = `${env().APP_URL}/fr/dpo?dueWithin=7`;
  const line = (c: { reference: string; right: string; dueDate: Date }): ReminderLine => ({
    reference: c.reference,
    right: c.right,
    dueDate: fromDateColumn(c.dueDate),
    daysLeft: daysLeft(fromDateColumn(c.dueDate), now),
  });
  const within = (days: number) => ({ gte: toDateColumn(today), lte: toDateColumn(addDays(today, days)) });

  const assigned = await db.rightsRequest.findMany({
    where: { status: { in: OPEN }, assigneeId: { not: null }, dueDate: within(REMINDER_DAYS_BEFORE) },
    select: { reference: true, right: true, dueDate: true, assignee: { select: { email: true, disabledAt: true } } },
    orderBy: [{ dueDate: "asc" }, { id: "asc" }],
  });
  const byAgent = new Map<string, ReminderLine[]>();
  for (const c of assigned) {
    if (!c.assignee || c.assignee.disabledAt) continue;
    byAgent.set(c.assignee.email, [...(byAgent.get(c.assignee.email) ?? []), line(c)]);
  }

  const soon = await db.rightsRequest.findMany({
    where: { status: { in: OPEN }, dueDate: within(7) },
    select: { reference: true, right: true, dueDate: true },
    orderBy: [{ dueDate: "asc" }, { id: "asc" }],
    take: 500,
  });
  const staff = soon.length
    ? await db.staffUser.findMany({ where: { disabledAt: null, passwordHash: { not: null } }, select: { email: true } })
    : [];

  await db.$transaction(async (tx) => {
    for (const [email, lines] of byAgent) await queueEmail(tx, email, staffReminderEmail("reminder", lines, queueUrl));
    const digest = soon.map(line);
    for (const s of staff) await queueEmail(tx, s.email, staffReminderEmail("digest", digest, queueUrl));
  });
  return { reminders: byAgent.size, digests: staff.length };
}
