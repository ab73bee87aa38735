import { describe, expect, it } from "vitest";
import { currentRegistry } from "@/lib/registry";
import { makeActivity } from "@/tests/support/activity-fixture";
import {
  type ErasureSummary,
  erasureCertificate,
  erasureGrounds,
  erasurePlan,
  legalObligationActivities,
} from "./erasure-plan";

describe("erasurePlan", () => {
  it("erasing the account takes everything it holds", () => {
    expect(erasurePlan(["account_management", "user_support"])).toEqual({
      profile: true,
      documents: "all",
      consents: "all",
      marketing: true,
    });
  });

  it.each([
    [
      ["personalised_services"],
      { profile: false, documents: "all", consents: ["personalised_services"], marketing: false },
    ],
    [
      ["prescription_sharing"],
      { profile: false, documents: "prescriptions", consents: ["prescription_sharing"], marketing: false },
    ],
    [
      ["direct_marketing", "map_service"],
      { profile: false, documents: "none", consents: ["direct_marketing", "map_service"], marketing: true },
    ],
    [[], { profile: false, documents: "none", consents: [], marketing: false }],
  ])("erasing %j only takes that processing's data", (activities, plan) => {
    expect(erasurePlan(activities)).toEqual(plan);
  });
});

describe("legalObligationActivities", () => {
  it("lists the platform's processing the law requires keeping, the case file itself apart", () => {
    const registry = {
      version: "test",
      activities: [
        makeActivity({ key: "invoices", legalBases: ["legal_obligation"] }),
        makeActivity({ key: "rights_requests", legalBases: ["legal_obligation"] }),
        makeActivity({ key: "newsletter", legalBases: ["consent"] }),
        makeActivity({ key: "mixed", legalBases: ["contract", "legal_obligation"] }),
        makeActivity({ key: "agenda", controller: "health_actor", legalBases: [] }),
      ],
    };
    expect(
      legalObligationActivities(registry, ["invoices", "rights_requests", "newsletter", "mixed", "agenda"]),
    ).toEqual(["invoices"]);
    expect(legalObligationActivities(registry, ["newsletter"])).toEqual([]);
  });
});

describe("erasureGrounds", () => {
  const registry = currentRegistry();
  const bases = (key: string) => registry.activities.find((a) => a.key === key)!.legalBases;

  it("takes each erased activity's ground from its legal basis, and none for what the law requires keeping", () => {
    const grounds = erasureGrounds(registry, ["map_service", "account_management", "rights_requests"], false);
    expect(bases("map_service")).toContain("consent");
    expect(bases("account_management")).toEqual(["contract"]);
    expect(grounds).toEqual([
      { ground: "a", activities: ["account_management"] },
      { ground: "b", activities: ["map_service"] },
    ]);
  });

  it("a legitimate interest is erased on an objection", () => {
    const key = registry.activities.find(
      (a) => a.controller === "platform" && a.legalBases.length === 1 && a.legalBases[0] === "legitimate_interest",
    )!.key;
    expect(erasureGrounds(registry, [key], false)).toEqual([{ ground: "c", activities: [key] }]);
  });

  it("a child's data collected online rests on Art. 17(1)(f)", () => {
    expect(erasureGrounds(registry, ["account_management", "map_service"], true)).toEqual([
      { ground: "f", activities: ["account_management", "map_service"] },
    ]);
  });
});

describe("erasureCertificate", () => {
  const summary: ErasureSummary = {
    erasedAt: "2026-11-24T22:30:00.000Z",
    grounds: [{ ground: "b", activities: ["map_service"] }],
    archivedUntil: "2026-12-01T22:30:00.000Z",
    erased: [
      { item: "account", count: 1 },
      { item: "documents", count: 3 },
      { item: "consents", count: 0 },
    ],
    kept: [
      { item: "case_file", count: 1 },
      { item: "actor_appointments", count: 2, names: ["Dr A", "Dr B"] },
      { item: "archive", count: 3 },
      { item: "legal_obligation", count: 1, names: ["account_information"] },
    ],
  };

  it("states what was erased and when, leaving out what there was none of", () => {
    const fr = erasureCertificate(summary, currentRegistry(), "fr");
    expect(fr.title).toBe("Certificat d'effacement");
    expect(fr.erasedAt).toBe("24 novembre 2026 à 23:30");
    expect(fr.erased).toHaveLength(2);
    expect(fr.erased[1]).toBe("Documents retirés du compte : 3.");
    const map = currentRegistry().activities.find((a) => a.key === "map_service")!.purpose.fr;
    expect(fr.grounds).toEqual([
      `Retrait du consentement sur lequel le traitement reposait (RGPD art. 17(1)(b)) : ${map}.`,
    ]);
  });

  it("states what was kept and why, with the archive's last day in Paris time and the processing's purpose", () => {
    const fr = erasureCertificate(summary, currentRegistry(), "fr");
    expect(fr.kept.map((k) => k.why).join(" ")).toContain("17(3)(b) et (e)");
    expect(fr.kept[1]!.what).toBe(
      "2 rendez-vous dans l'agenda de : Dr A, Dr B, avec les nom, prénom et date de naissance de la personne.",
    );
    expect(fr.kept[2]!.why).toContain("jusqu'au 1 décembre 2026");
    const purpose = currentRegistry().activities.find((a) => a.key === "account_information")!.purpose.fr;
    expect(fr.kept[3]!.what).toContain(purpose);
  });

  it("names only the health actors the requester may know of", () => {
    const kept = (names: string[], others: boolean) =>
      erasureCertificate(
        { ...summary, kept: [{ item: "actor_appointments", count: 3, names, others }] },
        currentRegistry(),
        "fr",
      ).kept[0]!.what;
    expect(kept(["Dr A"], true)).toBe(
      "3 rendez-vous dans l'agenda de : Dr A, et d'autres acteurs de santé, avec les nom, prénom et date de naissance de la personne.",
    );
    expect(kept([], true)).toBe(
      "3 rendez-vous dans l'agenda d'acteurs de santé, avec les nom, prénom et date de naissance de la personne.",
    );
  });

  it("is written in English for an English-speaking requester", () => {
    const en = erasureCertificate(summary, currentRegistry(), "en");
    expect(en.title).toBe("Erasure certificate");
    expect(en.kept[2]!.why).toContain("until 1 December 2026");
    expect(en.erased[0]).toContain("Your account");
  });
});
