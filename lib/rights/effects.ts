import type { CaseActor } from "@/lib/case-file/with-case";
import type { Tx } from "@/lib/db";
import type { RightsRequest } from "@/lib/generated/prisma/client";
import type { Registry } from "@/lib/registry/types";
import type { FileStorage } from "@/lib/storage";
import type { ErasureCertificate } from "@/lib/rights/erasure/erasure-plan";

/** The platform's part of a case as the DPO's answer grants it, in whole or in part. */
export interface Grant {
  /** The processing the part covers. */
  activities: string[];
  outcome: "granted" | "partly_granted";
  /** Granted in part: the processing the DPO chose among the part's own. */
  grantedActivities: string[];
}

export interface GrantContext {
  tx: Tx;
  storage: FileStorage;
  request: RightsRequest;
  grant: Grant;
  actor: CaseActor;
}

/** What a right does when the platform grants it, for the answer's letter to say. */
export interface GrantDone {
  /** The last day the data copy can be downloaded. */
  copyUntil?: string;
  /** What was erased and when, what was kept and why. */
  erasure?: ErasureCertificate;
  /** Removes what was stored outside the database, when the answer's transaction does not commit. */
  discard?: () => Promise<void>;
}

/** Done in the answer's transaction, under the case's lock. */
export type OnPlatformGrant = (ctx: GrantContext) => Promise<GrantDone>;

/** A case whose right takes effect before the answer, as the immediate effects read it. */
export interface ImmediateCase {
  id: string;
  reference: string;
  subjectPatientId: string | null;
  details: unknown;
}

/** What was done at once, recorded in the case's trail. */
export interface ImmediateDone {
  consentsWithdrawn: string[];
  directMarketingStopped: boolean;
}

export const NOTHING_DONE: ImmediateDone = { consentsWithdrawn: [], directMarketingStopped: false };

/**
 * A right that takes effect as soon as the requester's identity is established, without waiting for
 * the DPO's answer (which still comes, with the letter). Applied once, under the case's lock.
 */
export interface ImmediateEffect {
  /** Waits while the case is to be clarified (its details are the question), instead of acting at once. */
  waitsForDetails: boolean;
  /** `covered`: the processing the platform's part covers. */
  apply(tx: Tx, request: ImmediateCase, covered: string[], registry: Registry, now: Date): Promise<ImmediateDone>;
}
