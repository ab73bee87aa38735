import type { Db } from "@/lib/db";
import { csvCell } from "@/lib/util/csv";
import { fromDateColumn, parisMidnight, addDays } from "@/lib/deadlines";

/**
 * The register of requests (GDPR Art. 5(2) and 24, Recital 64): the facts of each case, no ID copies and no data
 * copies: receipt date and channel, right, identity-check result, extension, each part's handler,
 * outcome and grounds, answer date, status. CSV, streamed in batches (keyset on receipt time).
 */
export const REGISTER_COLUMNS = [
  "reference",
  "received_at",
  "channel",
  "right",
  "subject_relation",
  "identity",
  "status",
  "extended",
  "paused_days",
  "due_date",
  "legal_hold",
  "parts",
] as const;

export function registerCsv(db: Db, from: string, to: string, batch = 1000): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const start = parisMidnight(from);
  const end = parisMidnight(addDays(to, 1));
  let cursor: { receivedAt: Date; id: string } | null = null;
  let headerSent = false;
  return new ReadableStream({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(`\ufeff${REGISTER_COLUMNS.join(",")}\n`));
        return;
      }
      const rows = await db.rightsRequest.findMany({
        where: {
          receivedAt: { gte: start, lt: end },
          ...(cursor
            ? {
                OR: [
                  { receivedAt: { gt: cursor.receivedAt } },
                  { receivedAt: cursor.receivedAt, id: { gt: cursor.id } },
                ],
              }
            : {}),
        },
        select: {
          id: true,
          reference: true,
          receivedAt: true,
          channel: true,
          right: true,
          subjectRelation: true,
          identityStatus: true,
          status: true,
          extended: true,
          pausedDays: true,
          dueDate: true,
          legalHoldReason: true,
          parts: {
            select: {
              handler: true,
              status: true,
              outcome: true,
              grounds: true,
              answeredAt: true,
              healthActorId: true,
            },
          },
        },
        orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
        take: batch,
      });
      if (rows.length === 0) {
        controller.close();
        return;
      }
      cursor = { receivedAt: rows.at(-1)!.receivedAt, id: rows.at(-1)!.id };
      const lines = rows.map((r) =>
        [
          r.reference,
          r.receivedAt.toISOString(),
          r.channel,
          r.right,
          r.subjectRelation,
          r.identityStatus,
          r.status,
          r.extended,
          r.pausedDays,
          fromDateColumn(r.dueDate),
          r.legalHoldReason ? "yes" : "no",
          r.parts
            .map((p) =>
              [p.handler, p.status, p.outcome ?? "", p.grounds.join("+"), p.answeredAt?.toISOString() ?? ""].join(":"),
            )
            .join(" | "),
        ]
          .map(csvCell)
          .join(","),
      );
      controller.enqueue(encoder.encode(`${lines.join("\n")}\n`));
    },
  });
}
