import { addDays, type IsoDay, parisDay } from "@/lib/deadlines";

/**
 * A request for information left unanswered (décret 2019-536 art. 77; GDPR Recital 63): the requester is
 * reminded after `reminderDays` days, and the case may be closed `closeDays` days after that reminder, with a
 * letter saying so. Days are Paris calendar days.
 */
export interface FollowUpPolicy {
  reminderDays: number;
  closeDays: number;
}

export interface FollowUp {
  /** The day the reminder is due (or was due). */
  remindOn: IsoDay;
  reminderDue: boolean;
  /** The first day the case may be closed for want of an answer; null until the reminder is sent. */
  closableOn: IsoDay | null;
  closable: boolean;
}

export function informationFollowUp(
  policy: FollowUpPolicy,
  askedAt: Date,
  remindedAt: Date | null,
  now: Date,
): FollowUp {
  const today = parisDay(now);
  const remindOn = addDays(parisDay(askedAt), policy.reminderDays);
  const closableOn = remindedAt ? addDays(parisDay(remindedAt), policy.closeDays) : null;
  return {
    remindOn,
    reminderDue: remindedAt === null && today >= remindOn,
    closableOn,
    closable: closableOn !== null && today >= closableOn,
  };
}
