/**
 * Identity in proportion (GDPR Art. 12(6); EDPB 01/2022 §65-78): the platform's own sign-in, or an
 * e-mail code matched with the platform's records, suffices for a person's own data; a document is
 * asked only when that is not enough, and a proof of the relation whenever someone acts for another.
 */

export const PROOF_KINDS = [
  "id_document",
  "parental_authority",
  "guardianship_order",
  "mandate",
  "death_certificate",
  "heir_proof",
  "designation",
] as const;
export type ProofKind = (typeof PROOF_KINDS)[number];

export type SubjectRelation = "self" | "minor" | "protected_adult" | "mandate" | "heir" | "designated_person";

/**
 * The proofs each kind of representative must give. An agent, an heir and a designated person also
 * prove their own identity with an ID document (CNIL recommendation 2021-070 on mandates;
 * décret 2019-536 art. 124 for heirs): the person whose data it is cannot confirm them.
 * A parent or a guardian is named in the proof of their authority, which suffices with the e-mail
 * check (a product decision; the DPO can still ask for more in case of doubt).
 */
export const RELATION_PROOFS: Record<SubjectRelation, ProofKind[]> = {
  self: [],
  minor: ["parental_authority"],
  protected_adult: ["guardianship_order"],
  mandate: ["mandate", "id_document"],
  heir: ["death_certificate", "heir_proof", "id_document"],
  designated_person: ["death_certificate", "designation", "id_document"],
};

export type RequesterVerification =
  /** Signed in to the portal by magic link on this address. */
  | "session"
  /** Entered the 6-digit code sent to this address. */
  | "email_code"
  /** Nothing proven yet (a request registered by staff from a letter, a call, an e-mail...). */
  | "none";

export type IdentityStatus = "verified" | "documents_required" | "documents_submitted" | "unverified";

export interface IdentityInput {
  relation: SubjectRelation;
  verification: RequesterVerification;
  /** The requester's verified address belongs to the platform account of the subject (for self). */
  matchesRecords: boolean;
  proofsProvided: readonly ProofKind[];
}

export interface IdentityAssessment {
  status: IdentityStatus;
  /** Proofs still missing, in the order the form asks them. */
  missingProofs: ProofKind[];
  /** Proofs the requester may give (asked when the records do not confirm who they are). */
  requiredProofs: ProofKind[];
}

export function assessIdentity(input: IdentityInput): IdentityAssessment {
  const provided = new Set(input.proofsProvided);
  const required = requiredProofs(input);
  const missing = required.filter((kind) => !provided.has(kind));

  if (input.verification === "none") {
    return {
      status: missing.length === 0 && required.length > 0 ? "documents_submitted" : "unverified",
      missingProofs: missing,
      requiredProofs: required,
    };
  }
  if (required.length === 0) return { status: "verified", missingProofs: [], requiredProofs: [] };
  return {
    status: missing.length === 0 ? "documents_submitted" : "documents_required",
    missingProofs: missing,
    requiredProofs: required,
  };
}

function requiredProofs(input: IdentityInput): ProofKind[] {
  if (input.relation === "self") {
    // Own data: the sign-in or code plus a match with the records is enough; otherwise an ID document.
    return input.verification !== "none" && input.matchesRecords ? [] : ["id_document"];
  }
  return RELATION_PROOFS[input.relation];
}
