import type { Db } from "@/lib/db";

/**
 * The Art. 19 notices of one case, for its page in the back office: one query, scoped to the case,
 * without the sealed payload, with the delivery state of those that went by e-mail. (The page checks the viewer's permission to read cases.)
 */
export function caseNotices(db: Db, reference: string) {
  return db.recipientNotice.findMany({
    where: { request: { reference } },
    select: {
      id: true,
      change: true,
      recipient: true,
      channel: true,
      status: true,
      attempts: true,
      lastError: true,
      sentAt: true,
      settledAt: true,
      expectedCompletionAt: true,
      createdAt: true,
      outbox: { select: { status: true } },
    },
    orderBy: [{ change: "asc" }, { recipient: "asc" }],
  });
}

export type CaseNotice = Awaited<ReturnType<typeof caseNotices>>[number];
