import { z } from "zod";
import { RECTIFIABLE_FIELDS } from "@/lib/rights/rectification/rectifiable-fields";
import { isIsoDay } from "@/lib/deadlines";
import { openText, sealText } from "@/lib/storage/sealed-text";

/**
 * What a recipient is told of a change (GDPR Art. 19): the right, who the data subject is (so the
 * recipient finds them) and what changed. Sealed in the notice until it is settled, then wiped.
 */
export const NOTICE_RIGHTS = ["rectification", "erasure", "restriction"] as const;
export type NoticeRight = (typeof NOTICE_RIGHTS)[number];

const day = z.union([z.date().transform((d) => d.toISOString().slice(0, 10)), z.string().refine(isIsoDay, "date")]);

export const ZNoticePayload = z
  .object({
    right: z.enum(NOTICE_RIGHTS),
    subject: z.object({
      firstName: z.string().trim().min(1).max(200),
      lastName: z.string().trim().min(1).max(200),
      /** A Date (its UTC day, as birth dates are stored) or YYYY-MM-DD. */
      birthDate: day,
      /** As the platform holds it (its own validation applied when it was recorded). */
      email: z.string().trim().min(3).max(254).nullable(),
    }),
    /** Rectification: the new values only. */
    changes: z
      .array(z.object({ field: z.enum(RECTIFIABLE_FIELDS), after: z.string().min(1).max(200) }))
      .max(20)
      .optional(),
    /** Erasure: what was erased, in words a recipient reads. */
    erasedCategories: z.array(z.string().min(1).max(300)).max(50).optional(),
    /** Erasure: the processing it covered (their purposes), so a recipient erases for those only. */
    purposes: z.array(z.string().min(1).max(300)).max(50).optional(),
    /** Restriction: it is lifted (told after the person was, Art. 18(3)). */
    lifted: z.literal(true).optional(),
  })
  .refine((p) => p.right !== "rectification" || (p.changes?.length ?? 0) > 0, {
    path: ["changes"],
    message: "required",
  })
  .refine((p) => p.right === "rectification" || p.changes === undefined, { path: ["changes"], message: "invalid" })
  .refine((p) => p.right === "erasure" || p.erasedCategories === undefined, {
    path: ["erasedCategories"],
    message: "invalid",
  })
  .refine((p) => p.right === "erasure" || p.purposes === undefined, { path: ["purposes"], message: "invalid" })
  .refine((p) => p.right === "restriction" || p.lifted === undefined, { path: ["lifted"], message: "invalid" });

/** What the callers of queueRecipientNotices pass (a birth date may be a Date). */
export type NoticePayload = z.input<typeof ZNoticePayload>;
/** What a notice holds once read back (birth date as YYYY-MM-DD). */
export type NoticeContent = z.output<typeof ZNoticePayload>;

/** The payload validated and normalised, as it is sealed (pure). */
export function noticeContent(payload: NoticePayload): NoticeContent {
  return ZNoticePayload.parse(payload);
}

export async function sealNoticePayload(payload: NoticePayload): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await sealText(JSON.stringify(noticeContent(payload))));
}

export async function openNoticePayload(sealed: Uint8Array): Promise<NoticeContent> {
  return ZNoticePayload.parse(JSON.parse(await openText(sealed)));
}
