import type { Db, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";

/**
 * Counts one hit in a sliding window and refuses past `limit` hits per `windowSeconds`.
 * Buckets name what is limited, e.g. "email-code:send:<address>" or "email-code:send-ip:<ip>".
 */
export async function consumeRateLimit(db: Db | Tx, bucket: string, limit: number, windowSeconds: number): Promise<void> {
  const since = new Date(Date.now() - windowSeconds * 1000);
  const [count, oldest] = await Promise.all([
    db.rateLimitHit.count({ where: { bucket, createdAt: { gt: since } } }),
    db.rateLimitHit.findFirst({ where: { bucket, createdAt: { gt: since } }, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
  ]);
  if (count >= limit) {
    const retryAfter = oldest ? Math.max(1, Math.ceil((oldest.createdAt.getTime() + windowSeconds * 1000 - Date.now()) / 1000)) : windowSeconds;
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
  await db.rateLimitHit.create({ data: { bucket } });
}
