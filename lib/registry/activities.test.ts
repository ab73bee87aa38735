import { describe, expect, it } from "vitest";
import { ACTIVITIES, KNOWN_RECIPIENTS, REGISTRY, REGISTRY_VERSION, SECTION_ROW_COUNTS } from "./activities";
import { LEGAL_BASES, type Activity } from "./types";

const byKey = (key: string): Activity => {
  const found = ACTIVITIES.find((a) => a.key === key);
  if (!found) throw new Error(`missing activity ${key}`);
  return found;
};

const platform = ACTIVITIES.filter((a) => a.controller === "platform");
const healthActor = ACTIVITIES.filter((a) => a.controller === "health_actor");

const nonEmpty = (s: string) => s.trim().length > 0;

describe("registry shape", () => {
  it("exposes the version and every activity", () => {
    expect(REGISTRY_VERSION).toBe("2026-04.1");
    expect(REGISTRY.version).toBe(REGISTRY_VERSION);
    expect(REGISTRY.activities.map((a) => a.key)).toEqual(ACTIVITIES.map((a) => a.key));
  });

  it("has unique snake_case keys", () => {
    const keys = ACTIVITIES.map((a) => a.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
  });

  it("has one activity per table row: 15 in section 5, 19 in section 6", () => {
    expect(SECTION_ROW_COUNTS).toEqual({ platform: 15, health_actor: 19 });
    expect(platform).toHaveLength(15);
    expect(healthActor).toHaveLength(19);
    expect(ACTIVITIES).toHaveLength(34);
  });

  it("keeps the policy order: all section 5 rows, then all section 6 rows", () => {
    const firstActor = ACTIVITIES.findIndex((a) => a.controller === "health_actor");
    expect(ACTIVITIES.slice(firstActor).every((a) => a.controller === "health_actor")).toBe(true);
    expect(ACTIVITIES[0]?.key).toBe("account_management");
    expect(ACTIVITIES[14]?.key).toBe("companion_services");
    expect(ACTIVITIES[15]?.key).toBe("appointment_scheduling");
    expect(ACTIVITIES[33]?.key).toBe("health_crisis_scheduling");
  });

  it("contains the expected keys", () => {
    expect(platform.map((a) => a.key)).toEqual([
      "account_management",
      "health_actor_search",
      "prescription_sharing",
      "voluntary_surveys",
      "account_information",
      "research_statistics",
      "map_service",
      "teleconsultation_quality",
      "fraud_prevention",
      "user_support",
      "rights_requests",
      "direct_marketing",
      "third_party_advertising",
      "personalised_services",
      "companion_services",
    ]);
    expect(healthActor.map((a) => a.key)).toEqual([
      "appointment_scheduling",
      "virtual_phone_assistant",
      "teleconsultation",
      "patient_messaging",
      "practice_software",
      "consultation_assistant",
      "task_manager",
      "card_reader",
      "care_team_messaging",
      "documents_forms",
      "prescription_transmission",
      "pre_admission",
      "medical_dictation",
      "doctolib_connect",
      "online_payment",
      "care_pathway",
      "actor_rights_requests",
      "actor_communications",
      "health_crisis_scheduling",
    ]);
  });
});

describe("every activity", () => {
  it.each(ACTIVITIES.map((a) => [a.key, a] as const))("%s is complete", (_key, a) => {
    expect(nonEmpty(a.purpose.fr)).toBe(true);
    expect(nonEmpty(a.purpose.en)).toBe(true);
    expect(a.purpose.fr).not.toBe(a.purpose.en);
    expect(a.operations.length).toBeGreaterThan(0);
    for (const op of a.operations) {
      expect(nonEmpty(op.fr)).toBe(true);
      expect(nonEmpty(op.en)).toBe(true);
    }
    expect(a.dataCategories.length).toBeGreaterThan(0);
    for (const c of a.dataCategories) {
      expect(nonEmpty(c.fr)).toBe(true);
      expect(nonEmpty(c.en)).toBe(true);
    }
    expect(nonEmpty(a.retention.fr)).toBe(true);
    expect(nonEmpty(a.retention.en)).toBe(true);
    expect(new Set(a.legalBases).size).toBe(a.legalBases.length);
    for (const b of a.legalBases) expect(LEGAL_BASES).toContain(b);
  });

  it("cites only known recipients, without duplicates, and always the hosting providers", () => {
    const known = new Set<string>(KNOWN_RECIPIENTS);
    expect(known.size).toBe(KNOWN_RECIPIENTS.length);
    for (const a of ACTIVITIES) {
      expect(new Set(a.recipients).size, a.key).toBe(a.recipients.length);
      for (const name of a.recipients) expect(known.has(name), `${a.key}: ${name}`).toBe(true);
      expect(a.recipients, a.key).toEqual(expect.arrayContaining(["AWS EMEA", "S3NS", "Atos"]));
    }
  });

  it("uses every known recipient at least once", () => {
    const used = new Set(ACTIVITIES.flatMap((a) => a.recipients));
    for (const name of KNOWN_RECIPIENTS) expect(used.has(name), name).toBe(true);
  });
});

describe("controllers and legal bases", () => {
  it("platform activities state at least one legal basis, with its wording and no health-actor retention", () => {
    for (const a of platform) {
      expect(a.legalBases.length, a.key).toBeGreaterThan(0);
      expect(nonEmpty(a.legalBasisDetail.fr), a.key).toBe(true);
      expect(nonEmpty(a.legalBasisDetail.en), a.key).toBe(true);
      expect(a.retention.fr).not.toContain("Durée fixée par l'Acteur de santé");
    }
  });

  it("health-actor activities have no legal basis and defer retention to the health actor", () => {
    for (const a of healthActor) {
      expect(a.legalBases, a.key).toEqual([]);
      expect(a.legalBasisDetail).toEqual({ fr: "", en: "" });
      expect(a.retention).toEqual({
        fr: "Durée fixée par l'Acteur de santé, responsable du traitement",
        en: "Period set by the health actor, the controller",
      });
    }
  });

  it("records the bases named in the policy for specific rows", () => {
    const bases = (key: string) => [...byKey(key).legalBases].sort();
    expect(byKey("rights_requests").legalBases).toEqual(["legal_obligation"]);
    expect(bases("direct_marketing")).toEqual(["consent", "legitimate_interest"]);
    expect(bases("research_statistics")).toEqual(["consent", "legitimate_interest", "public_interest"]);
    expect(bases("companion_services")).toEqual(["consent", "contract", "legal_obligation"]);
    expect(bases("account_management")).toEqual(["contract"]);
    expect(bases("health_actor_search")).toEqual(["consent", "contract"]);
    expect(bases("voluntary_surveys")).toEqual(["consent", "legitimate_interest"]);
    expect(bases("account_information")).toEqual(["contract", "legal_obligation"]);
    expect(bases("map_service")).toEqual(["consent"]);
    expect(bases("fraud_prevention")).toEqual(["legitimate_interest"]);
    expect(bases("user_support")).toEqual(["consent", "contract"]);
    expect(bases("third_party_advertising")).toEqual(["consent", "legitimate_interest"]);
    expect(bases("personalised_services")).toEqual(["consent"]);
  });
});

describe("flags", () => {
  it("marks exactly the two marketing activities as direct marketing", () => {
    expect(
      ACTIVITIES.filter((a) => a.directMarketing)
        .map((a) => a.key)
        .sort(),
    ).toEqual(["direct_marketing", "third_party_advertising"]);
  });

  it("never marks platform activities as medical record", () => {
    for (const a of platform) expect(a.medicalRecord, a.key).toBe(false);
  });

  it("marks record-holding health-actor activities as medical record", () => {
    for (const key of [
      "practice_software",
      "consultation_assistant",
      "medical_dictation",
      "teleconsultation",
      "patient_messaging",
      "care_team_messaging",
      "doctolib_connect",
      "pre_admission",
      "card_reader",
    ]) {
      expect(byKey(key).medicalRecord, key).toBe(true);
    }
    for (const key of [
      "appointment_scheduling",
      "virtual_phone_assistant",
      "online_payment",
      "actor_rights_requests",
      "actor_communications",
    ]) {
      expect(byKey(key).medicalRecord, key).toBe(false);
    }
  });

  it("every medical-record activity also processes health data", () => {
    for (const a of ACTIVITIES.filter((x) => x.medicalRecord)) expect(a.healthData, a.key).toBe(true);
  });

  it("flags health data where the data column names health data", () => {
    for (const a of ACTIVITIES) {
      const mentionsHealth = a.dataCategories.some((c) => /donn[ée]es de sant[ée]/i.test(c.fr));
      if (mentionsHealth) expect(a.healthData, a.key).toBe(true);
    }
    for (const key of ["rights_requests", "online_payment", "actor_communications", "map_service"]) {
      expect(byKey(key).healthData, key).toBe(false);
    }
  });
});

describe("recipients of specific activities", () => {
  it("matches the annex 1 task types", () => {
    expect(byKey("user_support").recipients).toEqual(
      expect.arrayContaining(["Webhelp", "Salesforce", "Teamviewer", "Atlassian", "Datadog"]),
    );
    expect(byKey("appointment_scheduling").recipients).toEqual(
      expect.arrayContaining([
        "Iagility",
        "Sinch",
        "SMSMODE (Calade technologie)",
        "Sendinblue",
        "Flowmailer",
        "Firestore Cloud Messaging",
      ]),
    );
    expect(byKey("voluntary_surveys").recipients).toEqual(
      expect.arrayContaining(["Survey monkey", "Screeb", "Typeform"]),
    );
    expect(byKey("teleconsultation").recipients).toContain("Vonage (Nexmo)");
    expect(byKey("teleconsultation_quality").recipients).toContain("Vonage (Nexmo)");
    expect(byKey("third_party_advertising").recipients).toEqual(expect.arrayContaining(["Adjust", "Google", "Meta"]));
    expect(byKey("online_payment").recipients).toContain("ADYEN");
    expect(byKey("research_statistics").recipients).toEqual(expect.arrayContaining(["Reltio", "Microsoft Azure"]));
    expect(byKey("companion_services").recipients).toEqual(
      expect.arrayContaining(["Microsoft Azure", "Google", "Anthropic", "RevenuCat", "ADYEN"]),
    );
    expect(byKey("map_service").recipients).toContain("Google (Google Maps)");
    expect(byKey("fraud_prevention").recipients).toContain("Cloudflare");
  });

  it("does not send AI or advertising recipients to health-actor processing", () => {
    for (const a of healthActor) {
      for (const name of ["Anthropic", "Meta", "Adjust", "Braze", "Google"]) {
        expect(a.recipients, `${a.key}: ${name}`).not.toContain(name);
      }
    }
  });
});
