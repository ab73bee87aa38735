import { noticeRecipientsOf } from "@/lib/registry/recipients";
import { lockCase } from "@/lib/case-file/events";
import { type CaseActor, recordEvent } from "@/lib/case-file/with-case";
import type { Tx } from "@/lib/db";
import type { RightsRequest } from "@/lib/generated/prisma/client";
import { registryOf } from "@/lib/registry/registry-of";
import { type NoticePayload, noticeContent, sealNoticePayload } from "./notice-payload";

export const NOTICES_QUEUED_EVENT = "recipients_notice_queued";

/**
 * Queues the notices of GDPR Art. 19: call it INSIDE the transaction that applies a rectification,
 * an erasure or a restriction (or its lifting) of the platform's part, once the change is made, with
 * `activities`: the processing of the part that holds the subject's data changed (see
 * activitiesHolding). One notice per recipient of those activities (the registry of the case's
 * version, without the platform's own providers: noticeRecipientsOf), holding the payload sealed;
 * the worker then tells each recipient by e-mail or through its OpenDSR service.
 *
 * Each call is one change of the case (numbered 1, 2, ...): a second rectification is told too.
 * Records one case event (the count and the recipients' names, no personal data), as `actor`.
 * Returns how many notices it queued. Throws on an invalid payload (the change is then rolled back).
 */
export async function queueRecipientNotices(
  tx: Tx,
  request: RightsRequest,
  payload: NoticePayload,
  activities: readonly string[],
  actor: CaseActor,
): Promise<number> {
  const recipients = noticeRecipientsOf(await registryOf(tx, request.registryVersion), activities);
  return queueNoticesTo(tx, request, [{ payload, recipients }], actor);
}

/**
 * The same, to recipients already known, as one change of the case: each batch's recipients get its
 * payload (a rectification tells each recipient only the fields it holds; a lifting goes to those
 * told of the restriction).
 */
export async function queueNoticesTo(
  tx: Tx,
  request: RightsRequest,
  batches: { payload: NoticePayload; recipients: readonly string[] }[],
  actor: CaseActor,
): Promise<number> {
  const sealed = await Promise.all(
    batches.map(async (b) => ({
      recipients: b.recipients,
      content: noticeContent(b.payload),
      payloadSealed: await sealNoticePayload(b.payload),
    })),
  );
  const recipients = sealed.flatMap((b) => b.recipients).sort((a, b) => a.localeCompare(b, "fr"));
  if (recipients.length === 0) return 0;
  await lockCase(tx, request.id);
  const last = await tx.recipientNotice.aggregate({ where: { requestId: request.id }, _max: { change: true } });
  const change = (last._max.change ?? 0) + 1;
  await tx.recipientNotice.createMany({
    data: sealed.flatMap((b) =>
      b.recipients.map((recipient) => ({ requestId: request.id, change, recipient, payloadSealed: b.payloadSealed })),
    ),
  });
  await recordEvent(tx, request.id, NOTICES_QUEUED_EVENT, actor, {
    right: sealed[0]!.content.right,
    change,
    count: recipients.length,
    recipients,
  });
  return recipients.length;
}

/**
 * The processing of the case's platform part that holds data about its subject, as the platform's
 * records show it: the account (or a relative's profile) itself, the consents given and not
 * withdrawn, marketing the person opted in to, documents in the account.
 */
export async function activitiesHolding(
  tx: Tx,
  request: Pick<RightsRequest, "id" | "subjectPatientId" | "subjectRelativeId">,
): Promise<string[]> {
  const part = await tx.requestPart.findFirst({
    where: { requestId: request.id, handler: "platform" },
    select: { activities: true },
  });
  const held = new Set<string>(["account_management"]);
  if (request.subjectRelativeId) {
    if ((await tx.document.count({ where: { relativeId: request.subjectRelativeId } })) > 0)
      held.add("personalised_services");
  } else if (request.subjectPatientId) {
    const patientId = request.subjectPatientId;
    held.add("account_information");
    const [consents, optedIn, documents, prescriptions] = await Promise.all([
      tx.consent.findMany({ where: { patientId, withdrawnAt: null }, select: { activityKey: true } }),
      tx.marketingPreference.count({ where: { patientId, optedIn: true } }),
      tx.document.count({ where: { patientId } }),
      tx.document.count({ where: { patientId, kind: "prescription" } }),
    ]);
    for (const consent of consents) held.add(consent.activityKey);
    if (optedIn > 0) held.add("direct_marketing");
    if (documents > 0) held.add("personalised_services");
    if (prescriptions > 0) held.add("prescription_sharing");
  }
  return (part?.activities ?? []).filter((key) => held.has(key));
}
