import { describe, expect, it } from "vitest";
import { assessIdentity, type IdentityInput, type IdentityStatus, type ProofKind } from "./assess-identity";

describe("assessIdentity", () => {
  it.each<[string, IdentityInput, IdentityStatus, ProofKind[]]>([
    [
      "signed-in patient, own account",
      { relation: "self", verification: "session", matchesRecords: true, proofsProvided: [] },
      "verified",
      [],
    ],
    [
      "e-mail code matching the records",
      { relation: "self", verification: "email_code", matchesRecords: true, proofsProvided: [] },
      "verified",
      [],
    ],
    [
      "e-mail code, no record matches: an ID is asked",
      { relation: "self", verification: "email_code", matchesRecords: false, proofsProvided: [] },
      "documents_required",
      ["id_document"],
    ],
    [
      "e-mail code, no match, ID given",
      { relation: "self", verification: "email_code", matchesRecords: false, proofsProvided: ["id_document"] },
      "documents_submitted",
      [],
    ],
    [
      "parent without proof",
      { relation: "minor", verification: "session", matchesRecords: true, proofsProvided: [] },
      "documents_required",
      ["parental_authority"],
    ],
    [
      "parent with proof",
      { relation: "minor", verification: "session", matchesRecords: true, proofsProvided: ["parental_authority"] },
      "documents_submitted",
      [],
    ],
    [
      "guardian",
      { relation: "protected_adult", verification: "email_code", matchesRecords: false, proofsProvided: [] },
      "documents_required",
      ["guardianship_order"],
    ],
    [
      "agent with mandate and ID",
      {
        relation: "mandate",
        verification: "email_code",
        matchesRecords: false,
        proofsProvided: ["mandate", "id_document"],
      },
      "documents_submitted",
      [],
    ],
    [
      "agent with the mandate only: their own ID is asked",
      { relation: "mandate", verification: "email_code", matchesRecords: false, proofsProvided: ["mandate"] },
      "documents_required",
      ["id_document"],
    ],
    [
      "heir with only the death certificate",
      { relation: "heir", verification: "session", matchesRecords: false, proofsProvided: ["death_certificate"] },
      "documents_required",
      ["heir_proof", "id_document"],
    ],
    [
      "designated person with every proof",
      {
        relation: "designated_person",
        verification: "session",
        matchesRecords: false,
        proofsProvided: ["death_certificate", "designation", "id_document"],
      },
      "documents_submitted",
      [],
    ],
    [
      "letter registered by staff",
      { relation: "self", verification: "none", matchesRecords: false, proofsProvided: [] },
      "unverified",
      ["id_document"],
    ],
  ])("%s", (_label, input, status, missing) => {
    const result = assessIdentity(input);
    expect(result.status).toBe(status);
    expect(result.missingProofs).toEqual(missing);
  });
});
