import type { NoticeChannel, NoticeStatus } from "@/lib/generated/prisma/enums";
import type { NoticeContent } from "./notice-payload";
import type { CALLBACK_STATUSES } from "./opendsr";

/**
 * The rules of an Art. 19 notice's life, pure: which channels to try for a recipient, what a
 * recipient's status callback changes, and which statuses are final.
 */

/** Statuses after which nothing more happens to a notice (its sealed payload is wiped). */
export const SETTLED_STATUSES: readonly NoticeStatus[] = ["completed", "cancelled", "failed", "no_contact"];
/** A notice the recipient's OpenDSR service may still report on. */
const OPEN_STATUSES: readonly NoticeStatus[] = ["pending", "sent", "in_progress"];

/**
 * The channels to try, in order: the recipient's OpenDSR service for an erasure (the only one of the
 * three rights OpenDSR knows) when the subject has an e-mail address to identify them by, then
 * e-mail. None: the recipient has no contact, and the DPO team must tell it another way.
 */
export function noticeChannels(
  contact: { email: string | null; opendsrUrl: string | null } | null,
  content: Pick<NoticeContent, "right" | "subject">,
): NoticeChannel[] {
  if (!contact) return [];
  const channels: NoticeChannel[] = [];
  if (contact.opendsrUrl && content.right === "erasure" && content.subject.email) channels.push("opendsr");
  if (contact.email) channels.push("email");
  return channels;
}

/**
 * A notice's status after the recipient reported `reported`, or null when it does not change:
 * "pending" (received, not started) leaves it sent; a settled notice stays as it is, so a repeated
 * or late callback is harmless.
 */
export function statusAfterCallback(
  current: NoticeStatus,
  reported: (typeof CALLBACK_STATUSES)[number],
): Exclude<NoticeStatus, "pending"> | null {
  if (!OPEN_STATUSES.includes(current) || reported === "pending") return null;
  return reported === current ? null : reported;
}

/** The case event recording a notice's new status. */
export function noticeEventType(status: Exclude<NoticeStatus, "pending">) {
  return `recipient_notice_${status}` as const;
}
