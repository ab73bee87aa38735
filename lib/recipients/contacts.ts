import { z } from "zod";
import { mayCall, ZWebhookUrl } from "@/lib/actors/webhooks";
import { can, type StaffRole } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db";
import { AppError, fieldErrorsFromZod } from "@/lib/errors/app-error";
import { KNOWN_RECIPIENTS } from "@/lib/registry/activities";

/**
 * How each recipient of the registry is told of a rectification, an erasure or a restriction
 * (GDPR Art. 19): an e-mail address, an OpenDSR service, or both (OpenDSR is used for erasures,
 * e-mail for the rest). Managed by the DPO team's admins.
 */

/** A field left blank (or absent) is no contact of that kind. */
const blankToNull = (v: unknown) => (v === undefined || (typeof v === "string" && v.trim() === "") ? null : v);

export const ZRecipientContact = z.object({
  name: z.enum(KNOWN_RECIPIENTS, "choice"),
  email: z.preprocess(blankToNull, z.email("email").max(254, "too_long").nullable()),
  /** HTTPS (plain HTTP only where WEBHOOK_ALLOW_HTTP is set, for local set-ups), like health actors' callbacks. */
  opendsrUrl: z.preprocess(blankToNull, ZWebhookUrl.shape.url.nullable()),
});
export type TRecipientContact = z.infer<typeof ZRecipientContact>;

function allowed(viewer: { role: StaffRole }) {
  if (!can(viewer.role, "recipients.manage")) {
    throw new AppError("forbidden", {
      fr: "Seul un administrateur gère les contacts des destinataires.",
      en: "Only an administrator manages the recipients' contacts.",
    });
  }
}

/** Every known recipient with its contact, if any (the stored certificate only as a fact). */
export async function listRecipientContacts(db: Db, viewer: { role: StaffRole }) {
  allowed(viewer);
  const rows = await db.recipientContact.findMany({
    select: { name: true, email: true, opendsrUrl: true, certificatePem: true, updatedAt: true },
  });
  const byName = new Map(rows.map((r) => [r.name, r]));
  return [...KNOWN_RECIPIENTS]
    .sort((a, b) => a.localeCompare(b, "fr"))
    .map((name) => {
      const row = byName.get(name);
      return {
        name,
        email: row?.email ?? null,
        opendsrUrl: row?.opendsrUrl ?? null,
        hasCertificate: Boolean(row?.certificatePem),
        updatedAt: row?.updatedAt ?? null,
      };
    });
}

/**
 * Sets a recipient's contact (both blank: removes it). An OpenDSR URL must resolve to public
 * addresses; a new URL forgets the certificate fetched from the former one.
 */
export async function saveRecipientContact(
  db: Db,
  viewer: { id: string; role: StaffRole },
  input: unknown,
): Promise<TRecipientContact> {
  allowed(viewer);
  const parsed = ZRecipientContact.safeParse(input);
  if (!parsed.success) throw AppError.validation(fieldErrorsFromZod(parsed.error));
  const contact = parsed.data;
  if (contact.opendsrUrl && !(await mayCall(contact.opendsrUrl)))
    throw AppError.validation([{ path: "opendsrUrl", key: "url_private" }]);
  await db.$transaction(async (tx) => {
    // Where the notices go is traced: every change, by whom.
    await tx.recipientContactChange.create({
      data: { name: contact.name, staffId: viewer.id, email: contact.email, opendsrUrl: contact.opendsrUrl },
    });
    if (!contact.email && !contact.opendsrUrl) {
      await tx.recipientContact.deleteMany({ where: { name: contact.name } });
      return;
    }
    const before = await tx.recipientContact.findUnique({
      where: { name: contact.name },
      select: { opendsrUrl: true },
    });
    const keepCertificate = before?.opendsrUrl === contact.opendsrUrl;
    await tx.recipientContact.upsert({
      where: { name: contact.name },
      create: { name: contact.name, email: contact.email, opendsrUrl: contact.opendsrUrl },
      update: {
        email: contact.email,
        opendsrUrl: contact.opendsrUrl,
        ...(keepCertificate ? {} : { certificatePem: null }),
      },
    });
  });
  return contact;
}

/** The latest changes of the contacts, who made them and what they set (admins only). */
export async function recipientContactChanges(db: Db, viewer: { role: StaffRole }, take = 30) {
  allowed(viewer);
  return db.recipientContactChange.findMany({
    orderBy: { id: "desc" },
    take,
    select: {
      id: true,
      name: true,
      email: true,
      opendsrUrl: true,
      createdAt: true,
      staff: { select: { name: true, email: true } },
    },
  });
}
