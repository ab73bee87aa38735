import { createHash } from "node:crypto";
import { z } from "zod";
import type { Db, Tx } from "@/lib/db";
import { MarketingChannel } from "@/lib/generated/prisma/enums";

/** The key of an address in the suppression list: SHA-256 of the trimmed, lower-cased address. */
export function suppressionKey(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase()).digest("hex");
}

/**
 * Stops direct marketing to a patient: every channel opted out, and the address on the suppression
 * list (kept as its hash, with the case that asked), so that no later import opts it in again.
 */
export async function stopDirectMarketing(tx: Tx, patientId: string, reference: string): Promise<void> {
  const patient = await tx.patient.findUniqueOrThrow({ where: { id: patientId }, select: { email: true } });
  for (const channel of Object.values(MarketingChannel)) {
    await tx.marketingPreference.upsert({
      where: { patientId_channel: { patientId, channel } },
      create: { patientId, channel, optedIn: false },
      update: { optedIn: false },
    });
  }
  await tx.marketingSuppression.upsert({
    where: { emailHash: suppressionKey(patient.email) },
    create: { emailHash: suppressionKey(patient.email), reference },
    update: {},
  });
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
