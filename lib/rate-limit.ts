import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";

/**
 * Counts one hit in a sliding window and refuses past `limit` hits per `windowSeconds`.
 * Buckets name what is limited, e.g. "email-code:address:<address>" or "email-code:ip:<ip>".
 * The count and the insert run under a per-bucket lock, so simultaneous calls cannot overshoot.
 */
export async function consumeRateLimit(db: Db, bucket: string, limit: number, windowSeconds: number): Promise<void> {
  const since = new Date(Date.now() - windowSeconds * 1000);
  const oldest = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${bucket}))`;
    const hits = await tx.rateLimitHit.findMany({
      where: { bucket, createdAt: { gt: since } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
      take: limit,
    });
    if (hits.length >= limit) return hits[0]!.createdAt;
    await tx.rateLimitHit.create({ data: { bucket } });
    return null;
  });
  if (oldest) {
    const retryAfter = Math.max(1, Math.ceil((oldest.getTime() + windowSeconds * 1000 - Date.now()) / 1000));
    throw new AppError(
      "rate_limited",
      {
        fr: `Trop de tentatives. Réessayez dans ${Math.ceil(retryAfter / 60)} minute(s).`,
        en: `Too many attempts. Try again in ${Math.ceil(retryAfter / 60)} minute(s).`,
      },
      [],
      retryAfter,
    );
  }
}
