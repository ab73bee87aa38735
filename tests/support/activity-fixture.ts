import type { Activity } from "@/lib/registry/types";

/** A registry activity for tests: only what a test states differs from a plain platform activity. */
export function makeActivity(overrides: Partial<Activity> & { key: string }): Activity {
  return {
    controller: "platform",
    purpose: { fr: `Traitement ${overrides.key}`, en: `Processing ${overrides.key}` },
    operations: [],
    legalBases: ["contract"],
    legalBasisDetail: { fr: "", en: "" },
    dataCategories: [{ fr: "Nom", en: "Name" }],
    retention: { fr: "3 ans", en: "3 years" },
    recipients: [],
    directMarketing: false,
    medicalRecord: false,
    healthData: false,
    ...overrides,
  };
}
