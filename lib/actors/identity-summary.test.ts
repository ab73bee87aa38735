import { describe, expect, it } from "vitest";
import { forwardable, identityCheckSummary } from "./identity-summary";

describe("forwardable", () => {
  it.each([
    ["self", "verified", true],
    ["self", "documents_required", false],
    ["mandate", "documents_submitted", false],
    ["mandate", "accepted", true],
    ["protected_adult", "rejected", false],
    ["minor", "documents_submitted", true],
    ["minor", "documents_required", true],
    ["heir", "unverified", true],
  ] as const)("%s with identity %s: %s", (relation, status, expected) =>
    expect(forwardable(relation, status)).toBe(expected),
  );
});

describe("identityCheckSummary", () => {
  it("says what the platform verified", () => {
    expect(identityCheckSummary("self", "verified", [], "fr")).toBe(
      "Le demandeur agit pour lui-même. Identité vérifiée par la plateforme (compte ou code e-mail, concordant avec ses dossiers).",
    );
    expect(identityCheckSummary("mandate", "accepted", ["mandate", "id_document"], "en")).toBe(
      "The requester acts under a mandate. Identity and capacity verified by the platform's DPO (mandate, ID document checked, then deleted).",
    );
  });

  it("leaves the decision to the actor for a parent or an heir, with the proofs received", () => {
    expect(identityCheckSummary("minor", "documents_submitted", ["parental_authority"], "fr")).toBe(
      "Le demandeur agit comme parent d'un mineur. Vérification à votre appréciation : justificatifs reçus par la plateforme (preuve de l'autorité parentale), en cours de contrôle.",
    );
    expect(identityCheckSummary("heir", "documents_required", [], "en")).toBe(
      "The requester acts as the heir of a deceased person. Verification left to you: no proof received so far.",
    );
  });
});
