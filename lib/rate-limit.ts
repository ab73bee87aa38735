import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import type { Localized } from "@/lib/registry/types";

/**
 * Counts one hit in a sliding window and refuses past `limit` hits per `windowSeconds`.
 * Buckets name what is limited, e.g. "email-code:address:<address>" or "email-code:ip:<ip>".
 * The count and the insert run under a per-bucket lock, so simultaneous calls cannot overshoot.
 * A refusal says when the next attempt will be accepted (tooManyAttempts).
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
    const retryAfter = retryAfterSeconds(oldest, windowSeconds, new Date());
    throw new AppError("rate_limited", tooManyAttempts(retryAfter), [], retryAfter);
  }
}

/** Seconds until the oldest hit in the window leaves it, when an attempt is accepted again (at least 1). */
export function retryAfterSeconds(oldestHit: Date, windowSeconds: number, now: Date): number {
  return Math.max(1, Math.ceil((oldestHit.getTime() + windowSeconds * 1000 - now.getTime()) / 1000));
}

/** The whole minutes a person is told to wait: never less than the time left, never zero. */
export function minutesToWait(retryAfterSeconds: number): number {
  return Math.max(1, Math.ceil(retryAfterSeconds / 60));
}

/** What a refused sign-in link, code or submission tells the person, in French and English. */
export function tooManyAttempts(retryAfterSeconds: number): Localized {
  const n = minutesToWait(retryAfterSeconds);
  return {
    fr: `Trop de tentatives, réessayez dans ${n} minute${n > 1 ? "s" : ""}.`,
    en: `Too many attempts, try again in ${n} minute${n > 1 ? "s" : ""}.`,
  };
}
