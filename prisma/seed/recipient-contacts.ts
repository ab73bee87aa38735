import type { KnownRecipient } from "@/lib/registry/activities";
import type { Client } from "./factories";

/**
 * Demo contacts of a few registry recipients, for the Art. 19 notices: e-mail addresses on the demo
 * domain, so the notices land in the demo mail catcher. The others have none, as a new installation
 * would: their notices show on the case page as to be told another way.
 */
export const DEMO_RECIPIENT_CONTACTS: { name: KnownRecipient; email: string }[] = [
  { name: "Braze", email: "confidentialite.braze@exemple.fr" },
  { name: "Sendinblue", email: "rgpd.sendinblue@exemple.fr" },
  { name: "Webhelp", email: "dpo.webhelp@exemple.fr" },
  { name: "Salesforce", email: "privacy.salesforce@exemple.fr" },
  { name: "Datadog", email: "privacy.datadog@exemple.fr" },
];

/** Adds the demo contacts that are missing (one the DPO team changed stays as changed). Returns how many. */
export async function seedRecipientContacts(db: Client): Promise<number> {
  const { count } = await db.recipientContact.createMany({ data: DEMO_RECIPIENT_CONTACTS, skipDuplicates: true });
  return count;
}
