import type { Db } from "@/lib/db";
import { failureKind } from "./failure-kind";

/**
 * The e-mails of one case that failed, for its page in the back office: scoped to the case in the
 * query, without their content, each with why it failed as the DPO team reads it. Ephemeral mails
 * (codes, sign-in links) belong to no case and are never resent. (The page checks the viewer's
 * permission to read cases.)
 */
export async function undeliveredEmails(db: Db, requestId: string) {
  const rows = await db.outboxEmail.findMany({
    where: { requestId, status: "failed", ephemeral: false },
    select: {
      id: true,
      to: true,
      subject: true,
      attempts: true,
      lastAttemptAt: true,
      updatedAt: true,
      serverResponse: true,
      serverResponseCode: true,
      messageId: true,
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => ({
    ...row,
    kind: failureKind({ code: row.serverResponseCode, response: row.serverResponse }),
    failedAt: row.lastAttemptAt ?? row.updatedAt,
  }));
}
