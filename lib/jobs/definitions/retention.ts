import { z } from "zod";
import { purgeExpiredCases } from "@/lib/retention/purge-expired-cases";
import { getStorage } from "@/lib/storage";
import { QUEUES } from "../boss";
import { defineJob } from "../definition";

/** Every night: the case files at the end of their retention period (in batches: purge-expired-cases.ts). */
export const retentionJob = defineJob({
  queue: QUEUES.retention,
  data: z.object({}),
  schedule: { cron: "30 3 * * *", tz: "Europe/Paris" },
  start: ({ db }) => ({
    async run() {
      const report = await purgeExpiredCases(db, getStorage());
      console.log(
        `[retention] ${report.deleted} case files deleted (received before ${report.cutoff.toISOString()}), ${report.onHold} on legal hold`,
      );
    },
  }),
});
