import { randomBytes } from "node:crypto";
import { z } from "zod";
import { API_RATE_LIMIT_PER_MINUTE, hashToken } from "@/lib/auth/api-token";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { isUuid } from "@/lib/validation/ids";
import { requiredLine } from "@/lib/validation/text";
import { adminOf } from "./admin-of";
import type { Membership } from "./inbox";
import type { MemberActor } from "./part-actions";

/** A health actor's practice software, authenticated by its API key: it acts for that actor only. */
export interface ActorCaller {
  keyId: string;
  healthActorId: string;
  /** The admin who created the key: the member recorded as acting. */
  memberId: string;
}

export const ZKeyName = z.object({ name: requiredLine(100) });

/** A new key for the actor's software: shown once, stored as its hash. */
export async function createActorKey(
  db: Db,
  memberships: Membership[],
  healthActorId: string,
  name: string,
): Promise<{ id: string; key: string }> {
  const admin = adminOf(memberships, healthActorId, "integration");
  const key = `dsra_${randomBytes(24).toString("base64url")}`;
  const row = await db.actorApiKey.create({
    data: { healthActorId, name, keyHash: hashToken(key), createdById: admin.memberId },
    select: { id: true },
  });
  return { id: row.id, key };
}

export async function revokeActorKey(
  db: Db,
  memberships: Membership[],
  healthActorId: string,
  keyId: string,
): Promise<void> {
  adminOf(memberships, healthActorId, "integration");
  const revoked = isUuid(keyId)
    ? await db.actorApiKey.updateMany({
        where: { id: keyId, healthActorId, revokedAt: null },
        data: { revokedAt: new Date() },
      })
    : { count: 0 };
  if (revoked.count === 0) throw new AppError("not_found", { fr: "Clé introuvable.", en: "Key not found." });
}

export async function listActorKeys(db: Db, memberships: Membership[], healthActorId: string) {
  adminOf(memberships, healthActorId, "integration");
  return db.actorApiKey.findMany({
    where: { healthActorId, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true },
  });
}

const unauthenticated = () =>
  new AppError("unauthenticated", {
    fr: "Clé d'API manquante, invalide ou révoquée (en-tête Authorization: Bearer <clé>).",
    en: "Missing, invalid or revoked API key (header Authorization: Bearer <key>).",
  });

/** Authenticates an actor's key and counts the call in its one-minute window, in one statement. */
export async function authorizeActorKey(db: Db, authorization: string | null): Promise<ActorCaller> {
  const match = authorization?.match(/^Bearer\s+(dsra_\S+)$/i);
  if (!match) throw unauthenticated();
  const rows = await db.$queryRaw<
    { id: string; healthActorId: string; createdById: string; count: number; windowStart: Date }[]
  >`
    UPDATE "ActorApiKey" AS k SET
      "rateWindowCount" = CASE WHEN k."rateWindowStart" > now() - interval '1 minute' THEN k."rateWindowCount" + 1 ELSE 1 END,
      "rateWindowStart" = CASE WHEN k."rateWindowStart" > now() - interval '1 minute' THEN k."rateWindowStart" ELSE now() END,
      "lastUsedAt" = now()
    WHERE k."keyHash" = ${hashToken(match[1]!)} AND k."revokedAt" IS NULL
    RETURNING k.id, k."healthActorId", k."createdById", k."rateWindowCount" AS count, k."rateWindowStart" AS "windowStart"`;
  const key = rows[0];
  if (!key) throw unauthenticated();
  if (key.count > API_RATE_LIMIT_PER_MINUTE) {
    const retryAfter = Math.max(1, Math.ceil((key.windowStart.getTime() + 60_000 - Date.now()) / 1000));
    throw new AppError(
      "rate_limited",
      {
        fr: "Trop d'appels pour cette clé : réessayez dans une minute.",
        en: "Too many calls for this key: try again in a minute.",
      },
      [],
      retryAfter,
    );
  }
  return { keyId: key.id, healthActorId: key.healthActorId, memberId: key.createdById };
}

/** The caller as the inbox's actions take it: one membership, its own actor's. */
export function asMember(caller: ActorCaller): MemberActor {
  return { memberships: [{ memberId: caller.memberId, healthActorId: caller.healthActorId }] };
}
