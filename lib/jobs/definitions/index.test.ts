import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { Db } from "@/lib/db";
import { QUEUES } from "../boss";
import { defineJob } from "../definition";
import { JOBS } from ".";

describe("the background jobs", () => {
  it("work every queue, each once", () => {
    expect(JOBS.map((j) => j.queue.name).sort()).toEqual(
      Object.values(QUEUES)
        .map((q) => q.name)
        .sort(),
    );
  });

  it("run only data of their shape", async () => {
    const seen: string[] = [];
    const job = defineJob({
      queue: QUEUES.deliverWebhook,
      data: z.object({ deliveryId: z.uuid() }),
      batchSize: 1,
      start: () => ({ run: async ({ deliveryId }) => seen.push(deliveryId), onFetch: async () => {} }),
    });
    const handler = job.start({ db: {} as Db, presence: { id: "w" } as never });
    await handler.run({ deliveryId: "0b7e7c3e-5d1a-4c55-9d0a-6f3b2a1c9e11" });
    await expect(handler.run({ deliveryId: "not-an-id" })).rejects.toThrow();
    await expect(handler.run({})).rejects.toThrow();
    expect(seen).toEqual(["0b7e7c3e-5d1a-4c55-9d0a-6f3b2a1c9e11"]);
    // A batch holding a job of the wrong shape: a rejected promise the worker catches, never a throw
    // that would fail the whole batch.
    const fetched = handler.onFetch!([{ deliveryId: "not-an-id" }]);
    await expect(fetched).rejects.toThrow();
  });

  it("recur on the schedule the policy states: hourly purges, the nightly retention, morning reminders in Paris", () => {
    const schedules = Object.fromEntries(JOBS.filter((j) => j.schedule).map((j) => [j.queue.name, j.schedule]));
    expect(schedules).toEqual({
      [QUEUES.purgeExpired.name]: { cron: "17 * * * *" },
      [QUEUES.retention.name]: { cron: "30 3 * * *", tz: "Europe/Paris" },
      [QUEUES.reminders.name]: { cron: "0 8 * * *", tz: "Europe/Paris" },
      [QUEUES.actorReminders.name]: { cron: "0 8 * * *", tz: "Europe/Paris" },
      [QUEUES.informationReminders.name]: { cron: "0 8 * * *", tz: "Europe/Paris" },
    });
  });
});
