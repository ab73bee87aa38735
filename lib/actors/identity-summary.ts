import type { IdentityStatus, ProofKind, SubjectRelation } from "@/lib/generated/prisma/enums";
import type { Locale } from "@/lib/i18n/locale";

/**
 * Parents about a minor's health data (CSP L1111-5, L1111-7) and heirs (LIL art. 85): the health actor
 * decides, so their parts are forwarded at once with the verification status as it stands.
 */
export const ACTOR_DECIDES: readonly SubjectRelation[] = ["minor", "heir"];

/** The identity statuses that establish the requester's identity: the platform's check is over. */
export const IDENTITY_ESTABLISHED: readonly IdentityStatus[] = ["verified", "accepted"];

/**
 * Whether a health actor's part may go to the actor now (identity established, or the actor decides).
 * The forwarding query is written from the same two lists (forward-parts.ts).
 */
export function forwardable(relation: SubjectRelation, identityStatus: IdentityStatus): boolean {
  return IDENTITY_ESTABLISHED.includes(identityStatus) || ACTOR_DECIDES.includes(relation);
}

const PROOF_NAMES: Record<ProofKind, Record<Locale, string>> = {
  id_document: { fr: "pièce d'identité", en: "ID document" },
  parental_authority: { fr: "preuve de l'autorité parentale", en: "proof of parental authority" },
  guardianship_order: { fr: "jugement de tutelle ou de curatelle", en: "guardianship order" },
  mandate: { fr: "mandat", en: "mandate" },
  death_certificate: { fr: "acte de décès", en: "death certificate" },
  heir_proof: { fr: "preuve de la qualité d'héritier", en: "proof of heir status" },
  designation: { fr: "directives désignant le demandeur", en: "directives designating the requester" },
};

const RELATION: Record<SubjectRelation, Record<Locale, string>> = {
  self: { fr: "pour lui-même", en: "for themselves" },
  minor: { fr: "comme parent d'un mineur", en: "as the parent of a minor" },
  protected_adult: { fr: "pour un majeur protégé", en: "for a protected adult" },
  mandate: { fr: "sur mandat", en: "under a mandate" },
  heir: { fr: "comme héritier d'une personne décédée", en: "as the heir of a deceased person" },
  designated_person: { fr: "comme personne désignée par des directives", en: "as the person designated by directives" },
};

/**
 * What the health actor is told of the requester's identity check: who acts for whom, what the
 * platform verified, and what is left to the actor. Never the documents themselves.
 */
export function identityCheckSummary(
  relation: SubjectRelation,
  status: IdentityStatus,
  proofKinds: readonly ProofKind[],
  locale: Locale,
): string {
  const fr = locale === "fr";
  const acts = fr ? `Le demandeur agit ${RELATION[relation].fr}.` : `The requester acts ${RELATION[relation].en}.`;
  const proofs = [...new Set(proofKinds)].map((k) => PROOF_NAMES[k][locale]).join(", ");
  switch (status) {
    case "verified":
      return `${acts} ${fr ? "Identité vérifiée par la plateforme (compte ou code e-mail, concordant avec ses dossiers)." : "Identity verified by the platform (account or e-mail code, matching its records)."}`;
    case "accepted":
      return `${acts} ${fr ? `Identité et qualité vérifiées par le DPO de la plateforme (${proofs || "justificatifs"} contrôlés puis supprimés).` : `Identity and capacity verified by the platform's DPO (${proofs || "proofs"} checked, then deleted).`}`;
    case "rejected":
      return `${acts} ${fr ? "Identité non établie par le DPO de la plateforme." : "Identity not established by the platform's DPO."}`;
    default:
      return `${acts} ${
        fr
          ? `Vérification à votre appréciation : ${proofs ? `justificatifs reçus par la plateforme (${proofs}), en cours de contrôle` : "aucun justificatif reçu à ce jour"}.`
          : `Verification left to you: ${proofs ? `proofs received by the platform (${proofs}), being checked` : "no proof received so far"}.`
      }`;
  }
}
