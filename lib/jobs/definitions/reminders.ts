import { z } from "zod";
import { remindActors } from "@/lib/actors/actor-reminders";
import { remindUnansweredRequests } from "@/lib/cases/request-information";
import { QUEUES } from "../boss";
import { defineJob } from "../definition";
import { sendReminders } from "../send-reminders";

// Every morning (Paris time), each in its own job: a failure retries that one and never re-sends the
// others' mail.
const EVERY_MORNING = { cron: "0 8 * * *", tz: "Europe/Paris" };

/** The DPO team's reminders of due dates, and their digest. */
export const staffRemindersJob = defineJob({
  queue: QUEUES.reminders,
  data: z.object({}),
  schedule: EVERY_MORNING,
  start: ({ db }) => ({ run: () => sendReminders(db) }),
});

/** The health actors' reminders, and their parts past due flagged to the DPO team. */
export const actorRemindersJob = defineJob({
  queue: QUEUES.actorReminders,
  data: z.object({}),
  schedule: EVERY_MORNING,
  start: ({ db }) => ({
    async run() {
      const actors = await remindActors(db);
      if (actors.escalated > 0)
        console.log(`[reminders] ${actors.escalated} health actors' parts past due flagged to the DPO team`);
    },
  }),
});

/** The requesters who left a request for information unanswered. */
export const informationRemindersJob = defineJob({
  queue: QUEUES.informationReminders,
  data: z.object({}),
  schedule: EVERY_MORNING,
  start: ({ db }) => ({
    async run() {
      const reminded = await remindUnansweredRequests(db);
      if (reminded > 0) console.log(`[reminders] ${reminded} requesters reminded of a request for information`);
    },
  }),
});
