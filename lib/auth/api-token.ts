import { createHash, randomBytes } from "node:crypto";
import { type Db, hotQuery, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors/app-error";
import { can, type Permission, STAFF_PERMISSIONS, type StaffRole } from "./permissions";

export interface ApiCaller {
  tokenId: string;
  staffUserId: string;
  role: StaffRole;
  scopes: string[];
}

export const API_RATE_LIMIT_PER_MINUTE = Number(process.env.API_RATE_LIMIT_PER_MINUTE ?? 1200);

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A new token: shown once to its creator, stored only as its hash. */
export async function createApiToken(
  tx: Pick<Tx, "apiToken">,
  staffUserId: string,
  name: string,
  options: { token?: string; scopes?: Permission[] } = {},
): Promise<{ id: string; token: string }> {
  const token = options.token ?? `dsr_${randomBytes(24).toString("base64url")}`;
  const row = await tx.apiToken.create({
    data: { name, staffUserId, tokenHash: hashToken(token), scopes: options.scopes ?? STAFF_PERMISSIONS },
    select: { id: true },
  });
  return { id: row.id, token };
}

const unauthenticated = () =>
  new AppError("unauthenticated", {
    fr: "Jeton d'API manquant, invalide ou révoqué (en-tête Authorization: Bearer <jeton>).",
    en: "Missing, invalid or revoked API token (header Authorization: Bearer <token>).",
  });

/**
 * Authenticates a Bearer token and counts the call in the token's one-minute window, in one round
 * trip: 401 for no valid token, 429 past the rate. A database that cannot answer is a 503
 * (lib/errors/app-error.ts), never a 401: the token may well be valid.
 */
export async function authenticateApiCall(db: Db, authorization: string | null): Promise<ApiCaller> {
  const match = authorization?.match(/^Bearer\s+(\S+)$/i);
  if (!match) throw unauthenticated();
  const rows = await hotQuery<{
    id: string;
    staffUserId: string;
    role: StaffRole;
    scopes: string[];
    count: number;
    windowStart: Date;
  }>(
    db,
    Prisma.sql`
    UPDATE "ApiToken" AS t SET
      "rateWindowCount" = CASE WHEN t."rateWindowStart" > now() - interval '1 minute' THEN t."rateWindowCount" + 1 ELSE 1 END,
      "rateWindowStart" = CASE WHEN t."rateWindowStart" > now() - interval '1 minute' THEN t."rateWindowStart" ELSE now() END,
      "lastUsedAt" = now()
    FROM "StaffUser" AS s
    WHERE t."tokenHash" = ${hashToken(match[1]!)} AND t."revokedAt" IS NULL AND s.id = t."staffUserId"
    RETURNING t.id, t."staffUserId", s.role::text AS role, t.scopes, t."rateWindowCount" AS count, t."rateWindowStart" AS "windowStart"`,
  );
  const caller = rows[0];
  if (!caller) throw unauthenticated();
  if (caller.count > API_RATE_LIMIT_PER_MINUTE) {
    const retryAfter = Math.max(1, Math.ceil((caller.windowStart.getTime() + 60_000 - Date.now()) / 1000));
    throw new AppError(
      "rate_limited",
      {
        fr: "Trop d'appels pour ce jeton : réessayez dans une minute.",
        en: "Too many calls for this token: try again in a minute.",
      },
      [],
      retryAfter,
    );
  }
  return { tokenId: caller.id, staffUserId: caller.staffUserId, role: caller.role, scopes: caller.scopes };
}

/** 403 unless the caller's role and the token's scopes both allow `permission`. */
export function requirePermission(caller: ApiCaller, permission: Permission): void {
  if (!can(caller.role, permission) || !caller.scopes.includes(permission)) {
    throw new AppError("forbidden", {
      fr: `Ce jeton n'a pas le droit « ${permission} ».`,
      en: `This token lacks the "${permission}" permission.`,
    });
  }
}

/** Authenticates the call (authenticateApiCall), then checks the permission. */
export async function authorizeApiCall(
  db: Db,
  authorization: string | null,
  permission: Permission,
): Promise<ApiCaller> {
  const caller = await authenticateApiCall(db, authorization);
  requirePermission(caller, permission);
  return caller;
}
