import { recipientsOf } from "@/lib/answers/recipients";
import { appendEvent, lockCase } from "@/lib/audit/append-event";
import { type CaseActor, recordEvent } from "@/lib/cases/with-case";
import type { Tx } from "@/lib/db";
import type { RightsRequest } from "@/lib/generated/prisma/client";
import { registryOf } from "@/lib/registry/registry-of";
import { type NoticePayload, noticeContent, sealNoticePayload } from "./notice-payload";

export const NOTICES_QUEUED_EVENT = "recipients_notice_queued";

/**
 * Queues the notices of GDPR Art. 19: call it INSIDE the transaction that applies a rectification,
 * an erasure or a restriction of the platform's part, once the change is made. One notice per
 * recipient of the platform part's activities (the registry of the case's version), holding the
 * payload sealed; the worker then tells each recipient by e-mail or through its OpenDSR service.
 *
 * Idempotent: a recipient already noticed for this case is skipped, so a repeat queues nothing.
 * Records one case event (the count and the recipients' names, no personal data) when it queued
 * any, as `actor` when given (the staff member applying the change), otherwise as the system.
 * Returns how many notices it queued. Throws on an invalid payload (the change is then rolled back).
 */
export async function queueRecipientNotices(tx: Tx, request: RightsRequest, payload: NoticePayload, actor?: CaseActor): Promise<number> {
  const content = noticeContent(payload);
  const part = await tx.requestPart.findFirst({ where: { requestId: request.id, handler: "platform" }, select: { activities: true } });
  if (!part) return 0;
  const recipients = recipientsOf(await registryOf(tx, request.registryVersion), part.activities);
  if (recipients.length === 0) return 0;
  const sealed = await sealNoticePayload(content);
  const created = await tx.recipientNotice.createManyAndReturn({
    data: recipients.map((recipient) => ({ requestId: request.id, recipient, payloadSealed: sealed })),
    skipDuplicates: true,
    select: { recipient: true },
  });
  if (created.length === 0) return 0;
  const event = { right: content.right, count: created.length, recipients: created.map((c) => c.recipient).sort((a, b) => a.localeCompare(b, "fr")) };
  await lockCase(tx, request.id);
  if (actor) await recordEvent(tx, request.id, NOTICES_QUEUED_EVENT, actor, event);
  else await appendEvent(tx, request.id, { type: NOTICES_QUEUED_EVENT, actorType: "system", actorId: null, payload: event });
  return created.length;
}
