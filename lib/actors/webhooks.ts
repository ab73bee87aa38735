import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type PgBoss from "pg-boss";
import { z } from "zod";
import { seal, unseal } from "@/lib/auth/secret-box";
import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { resolvesToPublic } from "@/lib/http/public-address";
import { publicFetch } from "@/lib/http/public-fetch";
import { QUEUES } from "@/lib/jobs/boss";
import { claimPending } from "@/lib/jobs/claim-pending";
import { adminOf } from "./admin-of";
import type { Membership } from "./inbox";

/**
 * Status callbacks to a health actor's practice software. Every change of one of its parts is
 * written as a WebhookDelivery in the transaction of the change; the worker hands it to the job
 * queue, which POSTs it signed (HMAC-SHA256 over "<timestamp>.<body>") and retries with back-off.
 * A delivery the receiver accepted (2xx) is never sent again. How to verify: docs/webhooks.md.
 */

export const SIGNATURE_HEADER = "x-dsr-signature";
export const TIMESTAMP_HEADER = "x-dsr-timestamp";
export const DELIVERY_HEADER = "x-dsr-delivery";
/** A receiver should refuse a callback whose timestamp is further than this from its clock. */
export const TOLERANCE_SECONDS = 300;
export const MAX_DELIVERY_ATTEMPTS = 8;
const SECRET_PURPOSE = "actor-webhook";

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** What a receiver does (and the tests do): the signature matches, and the timestamp is recent. */
export function verifyWebhookSignature(input: {
  secret: string;
  timestamp: string | null;
  signature: string | null;
  body: string;
  now?: Date;
}): boolean {
  const timestamp = Number(input.timestamp);
  if (!input.signature || !Number.isInteger(timestamp)) return false;
  const age = Math.abs((input.now ?? new Date()).getTime() / 1000 - timestamp);
  if (age > TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(signWebhook(input.secret, timestamp, input.body));
  const given = Buffer.from(input.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Hands new (or stalled) deliveries to the job queue, as the outbox does for e-mails. */
export async function enqueueWebhookDeliveries(db: Db, queue: PgBoss, limit = 200): Promise<number> {
  const ids = await claimPending(db, "WebhookDelivery", limit);
  if (ids.length === 0) return 0;
  const { retryLimit, retryDelay, retryBackoff } = QUEUES.deliverWebhook;
  await queue.insert(
    ids.map((id) => ({
      name: QUEUES.deliverWebhook.name,
      data: { deliveryId: id },
      singletonKey: id,
      retryLimit,
      retryDelay,
      retryBackoff,
    })),
  );
  return ids.length;
}

/**
 * POSTs one callback. Claimed first (pending -> sending), so a repeated job finds nothing to do; a
 * refusal or a timeout puts it back to pending (failed after MAX_DELIVERY_ATTEMPTS) and rethrows,
 * for the queue's back-off.
 */
export async function deliverWebhook(
  db: Db,
  deliveryId: string,
  options: { fetch?: typeof fetch; now?: () => Date } = {},
): Promise<"delivered" | "skipped"> {
  const claimed = await db.webhookDelivery.updateMany({
    where: { id: deliveryId, status: "pending" },
    data: { status: "sending", attempts: { increment: 1 } },
  });
  if (claimed.count === 0) return "skipped";
  const delivery = await db.webhookDelivery.findUniqueOrThrow({
    where: { id: deliveryId },
    include: { webhook: true },
  });
  let statusCode: number | null = null;
  try {
    if (!(await mayCall(delivery.webhook.url))) throw new Error("refused: the address resolves to a private network");
    const body = JSON.stringify({ id: delivery.id, ...(delivery.payload as object) });
    const timestamp = Math.floor((options.now?.() ?? new Date()).getTime() / 1000);
    const secret = unseal(delivery.webhook.secretSealed, env().AUTH_SECRET, SECRET_PURPOSE);
    const response = await (options.fetch ?? publicFetch)(delivery.webhook.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "droits-patients-webhooks/1",
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: signWebhook(secret, timestamp, body),
        [DELIVERY_HEADER]: delivery.id,
      },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(10_000),
    });
    statusCode = response.status;
    await response.body?.cancel();
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
  } catch (error) {
    const message = error instanceof Error ? error.message.slice(0, 300) : "unknown error";
    await db.webhookDelivery.update({
      where: { id: deliveryId },
      data: {
        status: delivery.attempts >= MAX_DELIVERY_ATTEMPTS ? "failed" : "pending",
        lastStatusCode: statusCode,
        lastError: message,
      },
    });
    throw error;
  }
  await db.webhookDelivery.update({
    where: { id: deliveryId },
    data: { status: "delivered", deliveredAt: new Date(), lastStatusCode: statusCode, lastError: null },
  });
  return "delivered";
}

/**
 * Whether the platform may POST to this URL: its host must resolve to public addresses only, so
 * a callback cannot reach the platform's own network or a cloud metadata service. Checked when the
 * URL is saved and again at each delivery (the name may resolve elsewhere later). Local set-ups
 * (WEBHOOK_ALLOW_HTTP) may call this machine.
 */
export async function mayCall(url: string): Promise<boolean> {
  return env().WEBHOOK_ALLOW_HTTP || resolvesToPublic(url);
}

/** The callback URL: HTTPS (plain HTTP only where WEBHOOK_ALLOW_HTTP is set, for local set-ups). */
export const ZWebhookUrl = z.object({
  url: z
    .url({ error: "url" })
    .max(2000, "too_long")
    .refine((u) => u.startsWith("https://") || (env().WEBHOOK_ALLOW_HTTP && u.startsWith("http://")), "url_https"),
});

/** Sets (or replaces) the actor's callback URL with a new signing secret, returned once. */
export async function setWebhook(
  db: Db,
  memberships: Membership[],
  healthActorId: string,
  url: string,
): Promise<{ secret: string }> {
  adminOf(memberships, healthActorId, "integration");
  if (!(await mayCall(url))) throw AppError.validation([{ path: "url", key: "url_private" }]);
  const secret = `whsec_${randomBytes(24).toString("base64url")}`;
  const secretSealed = seal(secret, env().AUTH_SECRET, SECRET_PURPOSE);
  await db.actorWebhook.upsert({
    where: { healthActorId },
    create: { healthActorId, url, secretSealed },
    update: { url, secretSealed },
  });
  return { secret };
}

export async function removeWebhook(db: Db, memberships: Membership[], healthActorId: string): Promise<void> {
  adminOf(memberships, healthActorId, "integration");
  await db.actorWebhook.deleteMany({ where: { healthActorId } });
}

/** The actor's callback URL and its latest deliveries, for its admins. */
export async function webhookLog(db: Db, memberships: Membership[], healthActorId: string, take = 20) {
  adminOf(memberships, healthActorId, "integration");
  return db.actorWebhook.findUnique({
    where: { healthActorId },
    select: {
      url: true,
      createdAt: true,
      deliveries: {
        orderBy: { createdAt: "desc" },
        take,
        select: {
          id: true,
          event: true,
          status: true,
          attempts: true,
          lastStatusCode: true,
          lastError: true,
          createdAt: true,
          deliveredAt: true,
        },
      },
    },
  });
}
