import { z } from "zod";
import { LEGAL_BASES } from "./types";

const ZLocalized = z.object({ fr: z.string(), en: z.string() });

export const ZActivity = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]*$/),
  controller: z.enum(["platform", "health_actor"]),
  purpose: ZLocalized,
  operations: z.array(ZLocalized),
  legalBases: z.array(z.enum(LEGAL_BASES)),
  legalBasisDetail: ZLocalized,
  dataCategories: z.array(ZLocalized).min(1),
  retention: ZLocalized,
  recipients: z.array(z.string()),
  directMarketing: z.boolean(),
  medicalRecord: z.boolean(),
  healthData: z.boolean(),
});

export const ZActivities = z.array(ZActivity);
