import type { RectifiableField } from "./rectifiable-fields";
import { noticeRecipientsOf } from "@/lib/registry/recipients";
import type { Registry } from "@/lib/registry/types";

/** The processing that holds a person's names, first and last alike. */
const NAME_HOLDERS = [
  "account_management",
  "prescription_sharing",
  "voluntary_surveys",
  "account_information",
  "user_support",
  "rights_requests",
  "direct_marketing",
  "personalised_services",
  "companion_services",
];

/**
 * Which of the platform's processing holds each field a rectification may change, read from the
 * data categories the registry lists for it (seed 001, section 5): a recipient is told of a
 * corrected field only if one of its processing holds that field (data minimisation, Art. 5(1)(c)).
 */
export const FIELD_ACTIVITIES: Record<RectifiableField, readonly string[]> = {
  firstName: NAME_HOLDERS,
  lastName: NAME_HOLDERS,
  birthName: ["account_management", "prescription_sharing", "account_information", "personalised_services"],
  birthDate: [
    "account_management",
    "voluntary_surveys",
    "research_statistics",
    "direct_marketing",
    "personalised_services",
  ],
  birthPlace: ["account_management", "personalised_services"],
  phone: [
    "account_management",
    "voluntary_surveys",
    "account_information",
    "user_support",
    "rights_requests",
    "personalised_services",
    "companion_services",
  ],
  street: ["account_management", "map_service"],
  postalCode: ["account_management", "direct_marketing", "personalised_services", "map_service"],
  city: [
    "account_management",
    "voluntary_surveys",
    "account_information",
    "research_statistics",
    "personalised_services",
    "map_service",
  ],
};

export interface NoticeChange {
  field: RectifiableField;
  after: string;
}

/**
 * The notices of a rectification, grouped by what they carry: for each set of recipients, the
 * changes of the fields their processing (among `held`, the processing holding the subject's data)
 * holds. A recipient holding none of the changed fields is not told.
 */
export function rectificationBatches(
  registry: Registry,
  held: readonly string[],
  changes: readonly NoticeChange[],
): { recipients: string[]; changes: NoticeChange[] }[] {
  const byRecipient = new Map<string, NoticeChange[]>();
  for (const change of changes) {
    const activities = held.filter((a) => FIELD_ACTIVITIES[change.field].includes(a));
    for (const recipient of noticeRecipientsOf(registry, activities))
      byRecipient.set(recipient, [...(byRecipient.get(recipient) ?? []), change]);
  }
  const batches = new Map<string, { recipients: string[]; changes: NoticeChange[] }>();
  for (const [recipient, fields] of byRecipient) {
    const key = fields.map((f) => f.field).join(",");
    const batch = batches.get(key) ?? { recipients: [], changes: fields };
    batch.recipients.push(recipient);
    batches.set(key, batch);
  }
  return [...batches.values()];
}
