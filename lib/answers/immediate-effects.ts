import { createHash } from "node:crypto";
import { z } from "zod";
import { appendEvent, lockCase } from "@/lib/audit/append-event";
import type { Db, Tx } from "@/lib/db";
import { OPEN_STATUSES } from "@/lib/backoffice/list-cases.schema";
import { MarketingChannel } from "@/lib/generated/prisma/enums";
import { registryOf } from "@/lib/registry/registry-of";

/**
 * Rights that take effect at once, without waiting for the DPO's answer, as soon as the requester's
 * identity is established: a consent withdrawn stops the processing it allowed (Art. 7(3)), an
 * objection to direct marketing stops it (Art. 21(3)). What was done before stays lawful and
 * unchanged. The DPO still answers the part, with the letter.
 */
export const IMMEDIATE_RIGHTS = ["consent_withdrawal", "objection"] as const;

/** The key of an address in the suppression list: SHA-256 of the trimmed, lower-cased address. */
export function suppressionKey(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase()).digest("hex");
}

interface Effects {
  consentsWithdrawn: string[];
  directMarketingStopped: boolean;
}

/**
 * `activities`: the processing the platform's part covers; for a consent withdrawal, the consents
 * the requester named (`details.consents`) among them.
 */
async function applyTo(
  tx: Tx,
  request: { id: string; reference: string; right: string; subjectPatientId: string | null; registryVersion: string },
  activities: string[],
  now: Date,
): Promise<Effects> {
  const effects: Effects = { consentsWithdrawn: [], directMarketingStopped: false };
  if (!request.subjectPatientId) return effects;
  const registry = await registryOf(tx, request.registryVersion);
  const marketing = registry.activities.filter((a) => a.directMarketing).map((a) => a.key);
  if (request.right === "consent_withdrawal") {
    const given = await tx.consent.findMany({
      where: { patientId: request.subjectPatientId, activityKey: { in: activities }, withdrawnAt: null },
      select: { id: true, activityKey: true },
    });
    await tx.consent.updateMany({ where: { id: { in: given.map((c) => c.id) } }, data: { withdrawnAt: now } });
    effects.consentsWithdrawn = given.map((c) => c.activityKey);
  }
  const stopsMarketing =
    activities.some((a) => marketing.includes(a)) &&
    (request.right === "objection" || effects.consentsWithdrawn.some((a) => marketing.includes(a)));
  if (stopsMarketing) {
    const patient = await tx.patient.findUniqueOrThrow({
      where: { id: request.subjectPatientId },
      select: { email: true },
    });
    for (const channel of Object.values(MarketingChannel)) {
      await tx.marketingPreference.upsert({
        where: { patientId_channel: { patientId: request.subjectPatientId, channel } },
        create: { patientId: request.subjectPatientId, channel, optedIn: false },
        update: { optedIn: false },
      });
    }
    await tx.marketingSuppression.upsert({
      where: { emailHash: suppressionKey(patient.email) },
      create: { emailHash: suppressionKey(patient.email), reference: request.reference },
      update: {},
    });
    effects.directMarketingStopped = true;
  }
  return effects;
}

/**
 * The worker's step (with forwarding): applies the immediate effects of the cases that are ready —
 * identity established, still open, not yet applied — each once, under the case's lock. A consent
 * withdrawal that does not say which consents waits for the DPO to record them (to clarify: which
 * ones is the question); an objection's marketing stop needs no grounds (Art. 21(3)) and does not.
 */
export async function applyImmediateEffects(db: Db, now = new Date(), limit = 100): Promise<number> {
  const ready = await db.rightsRequest.findMany({
    where: {
      right: { in: [...IMMEDIATE_RIGHTS] },
      status: { in: [...OPEN_STATUSES] },
      effectsAppliedAt: null,
      identityStatus: { in: ["verified", "accepted"] },
      NOT: { right: "consent_withdrawal", needsClarification: true },
    },
    select: { id: true },
    take: limit,
  });
  for (const { id } of ready) {
    await db.$transaction(async (tx) => {
      await lockCase(tx, id);
      const request = await tx.rightsRequest.findUniqueOrThrow({
        where: { id },
        select: {
          id: true,
          reference: true,
          right: true,
          subjectPatientId: true,
          registryVersion: true,
          effectsAppliedAt: true,
          details: true,
          parts: { where: { handler: "platform" }, select: { activities: true } },
        },
      });
      if (request.effectsAppliedAt) return;
      const covered = request.parts.flatMap((p) => p.activities);
      const named = (request.details as { consents?: string[] }).consents;
      const activities =
        request.right === "consent_withdrawal" && named?.length ? covered.filter((a) => named.includes(a)) : covered;
      const effects = await applyTo(tx, request, activities, now);
      await tx.rightsRequest.update({ where: { id }, data: { effectsAppliedAt: now } });
      await appendEvent(tx, id, {
        type: "immediate_effects",
        actorType: "system",
        actorId: null,
        payload: { ...effects, at: now.toISOString() },
      });
    });
  }
  return ready.length;
}

/**
 * Imports marketing opt-ins (from a partner list, a former system...): an address on the
 * suppression list is never opted in again. Returns how many were imported and how many refused.
 */
export const ZOptIns = z.object({
  contacts: z
    .array(z.object({ email: z.email("email").max(254, "too_long"), channel: z.enum(MarketingChannel, "choice") }))
    .min(1, "required")
    .max(1000, "too_long"),
});

export async function importMarketingOptIns(
  db: Db,
  contacts: { email: string; channel: MarketingChannel }[],
): Promise<{ imported: number; suppressed: number }> {
  const suppressed = new Set(
    (
      await db.marketingSuppression.findMany({
        where: { emailHash: { in: contacts.map((c) => suppressionKey(c.email)) } },
        select: { emailHash: true },
      })
    ).map((s) => s.emailHash),
  );
  // The patients named, in one query; then one upsert per opt-in kept.
  const patients = new Map(
    (
      await db.patient.findMany({
        where: { email: { in: contacts.map((c) => c.email.trim().toLowerCase()) } },
        select: { id: true, email: true },
      })
    ).map((p) => [p.email, p.id]),
  );
  let imported = 0;
  for (const contact of contacts) {
    const patientId = patients.get(contact.email.trim().toLowerCase());
    if (!patientId || suppressed.has(suppressionKey(contact.email))) continue;
    await db.marketingPreference.upsert({
      where: { patientId_channel: { patientId, channel: contact.channel } },
      create: { patientId, channel: contact.channel, optedIn: true },
      update: { optedIn: true },
    });
    imported++;
  }
  return { imported, suppressed: contacts.filter((c) => suppressed.has(suppressionKey(c.email))).length };
}
