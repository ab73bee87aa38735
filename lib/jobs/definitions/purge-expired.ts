import { z } from "zod";
import { deleteProofFiles, sweepAbandonedProofs } from "@/lib/identity/delete-proof-files";
import { expireDataExports } from "@/lib/rights/access/data-export";
import { purgeErasureArchives } from "@/lib/rights/erasure/erase-subject";
import { getStorage } from "@/lib/storage";
import { QUEUES } from "../boss";
import { defineJob } from "../definition";
import { forgetGoneWorkers } from "../worker-presence";

const DAY_MS = 24 * 3600_000;

/** Every hour: what has served its time goes (counters, codes, links, files, copies, mail contents). */
export const purgeExpiredJob = defineJob({
  queue: QUEUES.purgeExpired,
  data: z.object({}),
  schedule: { cron: "17 * * * *" },
  start: ({ db }) => ({
    async run() {
      const now = Date.now();
      await db.rateLimitHit.deleteMany({ where: { createdAt: { lt: new Date(now - DAY_MS) } } });
      await db.emailCode.deleteMany({ where: { expiresAt: { lt: new Date(now - DAY_MS) } } });
      await db.verificationToken.deleteMany({ where: { expires: { lt: new Date(now) } } });
      await forgetGoneWorkers(db, new Date(now));
      // (A mail left "sending" by a crash needs nothing here: once its lease runs out, the outbox loop
      // hands it over again and it is sent, with the same Message-ID: lib/email/send-outbox-email.ts.)
      // A callback left "sending" by a crash goes out again: receivers drop repeats by delivery id.
      await db.webhookDelivery.updateMany({
        where: { status: "sending", updatedAt: { lt: new Date(now - 15 * 60_000) } },
        data: { status: "pending" },
      });
      // Identity files of a decided or withdrawn case whose deletion was interrupted.
      const leftover = await db.identityProof.findMany({
        where: {
          storageKey: { not: null },
          request: { OR: [{ identityStatus: { in: ["accepted", "rejected"] } }, { status: "withdrawn" }] },
        },
        select: { id: true, storageKey: true },
        take: 500,
      });
      await deleteProofFiles(db, getStorage(), leftover);
      // Proofs of an identity check the requester never completed, after 30 days.
      await sweepAbandonedProofs(db, getStorage());
      // Access copies past their download window: the files go, the fact of delivery stays.
      await expireDataExports(db, getStorage());
      // Erased data past its seven days in the archive, and closed identities no agenda refers to any more.
      await purgeErasureArchives(db);
      // Sent mails keep no content after a week (codes, links, names): the case file holds the facts.
      await db.outboxEmail.updateMany({
        where: { status: "sent", sentAt: { lt: new Date(now - 7 * DAY_MS) }, NOT: { html: "" } },
        data: { html: "", text: "" },
      });
    },
  }),
});
