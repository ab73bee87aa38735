import { z } from "zod";
import type { Db } from "@/lib/db";
import { MarketingChannel } from "@/lib/generated/prisma/enums";
import { ZUuid } from "@/lib/validation/ids";
import { suppressionKey } from "./suppression";

/**
 * Who the platform's marketing may write to, asked by its sending tools before a campaign (one page
 * at a time, or for the addresses of a list): the patients opted in on the channel whose account is
 * open, whose processing is not restricted (GDPR Art. 18) and whose address is not on the suppression
 * list of those who objected (Art. 21(3)).
 */
export const ZAudienceQuery = z.object({
  channel: z.enum(MarketingChannel, "choice"),
  /** The last id of the previous page. */
  after: ZUuid.optional(),
  limit: z.coerce.number("number").int("number").min(1, "too_small").max(1000, "too_big").default(500),
  /** Only these addresses (a list about to be used). */
  email: z.array(z.email("email").max(254, "too_long")).max(1000, "too_long").default([]),
});
export type TAudienceQuery = z.infer<typeof ZAudienceQuery>;

export async function marketingAudience(
  db: Db,
  q: TAudienceQuery,
): Promise<{ recipients: { email: string; locale: string }[]; next: string | null }> {
  const page = await db.patient.findMany({
    where: {
      closedAt: null,
      restrictedAt: null,
      marketing: { some: { channel: q.channel, optedIn: true } },
      ...(q.after ? { id: { gt: q.after } } : {}),
      ...(q.email.length > 0 ? { email: { in: q.email.map((e) => e.trim().toLowerCase()) } } : {}),
    },
    select: { id: true, email: true, locale: true },
    orderBy: { id: "asc" },
    take: q.limit,
  });
  const suppressed = new Set(
    (
      await db.marketingSuppression.findMany({
        where: { emailHash: { in: page.map((p) => suppressionKey(p.email)) } },
        select: { emailHash: true },
      })
    ).map((s) => s.emailHash),
  );
  return {
    recipients: page
      .filter((p) => !suppressed.has(suppressionKey(p.email)))
      .map((p) => ({ email: p.email, locale: p.locale })),
    next: page.length === q.limit ? page.at(-1)!.id : null,
  };
}
