/** Types of the processing registry (seed 001, sections 5 and 6). */

export const LEGAL_BASES = [
  "consent",
  "contract",
  "legal_obligation",
  "legitimate_interest",
  "vital_interests",
  "public_interest",
] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

export type Controller = "platform" | "health_actor";

export interface Localized {
  fr: string;
  en: string;
}

export interface Activity {
  /** Stable identifier, snake_case, used by the API and stored in cases. */
  key: string;
  controller: Controller;
  purpose: Localized;
  /** The operations the purpose covers, as listed in the policy. */
  operations: Localized[];
  /** Legal bases; empty where the health actor is controller (it decides them). */
  legalBases: LegalBasis[];
  /** The policy's own wording of the legal basis and its conditions (empty strings for health-actor processing). */
  legalBasisDetail: Localized;
  dataCategories: Localized[];
  retention: Localized;
  /** Names of the annex 1 sub-processors and other recipients concerned. */
  recipients: string[];
  directMarketing: boolean;
  /** Holds medical-record content (CSP L1111-7 applies to access by the patient). */
  medicalRecord: boolean;
  /** Processes health data (special category, Art. 9). */
  healthData: boolean;
}

export interface Registry {
  version: string;
  activities: Activity[];
}
