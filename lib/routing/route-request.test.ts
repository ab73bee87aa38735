import { describe, expect, it } from "vitest";
import { makeActivity } from "@/tests/support/activity-fixture";
import { REGISTRY } from "@/lib/registry/activities";
import { actorDeadlineRule, effectiveScope, routeRequest, type RouteInput } from "./route-request";

const dupont = { id: "a1", name: "Dr Dupont" };
const rousseau = { id: "a2", name: "Dr Rousseau" };
const clinique = { id: "a3", name: "Clinique des Tilleuls" };

const base: RouteInput = {
  right: "access",
  scope: {},
  // Friday 20 November 2026, 10:00 in Paris.
  receivedAt: new Date("2026-11-20T09:00:00Z"),
  activities: REGISTRY.activities,
  subjectHealthActors: [dupont, rousseau],
  chosenHealthActors: [],
};

const summary = (input: Partial<RouteInput>) =>
  routeRequest({ ...base, ...input }).map((p) => ({
    to: p.healthActor?.name ?? "platform",
    rule: p.deadline.rule,
    due: p.deadline.dueDate,
    applicable: p.applicable,
  }));

describe("routeRequest", () => {
  it("everything, access: the platform's part (one month) and one part per actor (8 days, CSP L1111-7)", () => {
    expect(summary({})).toEqual([
      // 20 Nov + 1 month = Sunday 20 Dec -> Monday 21 Dec.
      { to: "platform", rule: "gdpr_art12", due: "2026-12-21", applicable: true },
      // 20 Nov + 8 days = Saturday 28 Nov -> Monday 30 Nov.
      { to: "Dr Dupont", rule: "csp_l1111_7", due: "2026-11-30", applicable: true },
      { to: "Dr Rousseau", rule: "csp_l1111_7", due: "2026-11-30", applicable: true },
    ]);
  });

  it("erasure to health actors follows the GDPR month, not the health-law limits", () => {
    expect(summary({ right: "erasure" }).map((p) => p.rule)).toEqual(["gdpr_art12", "gdpr_art12", "gdpr_art12"]);
  });

  it("access limited to appointment data (no medical record) keeps the GDPR month for the actor", () => {
    const parts = summary({ scope: { activities: ["appointment_scheduling"] } });
    expect(parts).toEqual([
      { to: "Dr Dupont", rule: "gdpr_art12", due: "2026-12-21", applicable: true },
      { to: "Dr Rousseau", rule: "gdpr_art12", due: "2026-12-21", applicable: true },
    ]);
  });

  it("withdrawing a platform consent concerns that processing, not every doctor", () => {
    const scope = effectiveScope("consent_withdrawal", {}, ["personalised_services"]);
    expect(scope).toEqual({ activities: ["personalised_services"] });
    expect(summary({ right: "consent_withdrawal", scope }).map((p) => [p.to, p.applicable])).toEqual([
      ["platform", true],
    ]);
    expect(effectiveScope("erasure", {}, ["personalised_services"])).toEqual({});
  });

  it("chosen health actors only: one part each, no platform part", () => {
    expect(
      summary({ scope: { healthActorIds: [clinique.id] }, chosenHealthActors: [clinique] }).map((p) => p.to),
    ).toEqual(["Clinique des Tilleuls"]);
  });

  it("chosen platform processing only: no health-actor part", () => {
    expect(summary({ scope: { activities: ["direct_marketing", "account_management"] } }).map((p) => p.to)).toEqual([
      "platform",
    ]);
  });

  it("health actors' processing only, no actor known or chosen: the platform's part, to find them", () => {
    expect(summary({ scope: { activities: ["appointment_scheduling"] }, subjectHealthActors: [] })).toEqual([
      { to: "platform", rule: "gdpr_art12", due: "2026-12-21", applicable: true },
    ]);
  });

  it("a subject unknown to the platform: the platform's part alone, to find them", () => {
    expect(summary({ subjectHealthActors: [] }).map((p) => p.to)).toEqual(["platform"]);
  });

  it("the same actor met through appointments and documents gets one part", () => {
    expect(summary({ subjectHealthActors: [dupont, dupont] }).filter((p) => p.to === "Dr Dupont")).toHaveLength(1);
  });

  it("portability on legitimate-interest processing only: the platform part is not applicable, with reasons", () => {
    const [part] = routeRequest({ ...base, right: "portability", scope: { activities: ["fraud_prevention"] } });
    expect(part).toMatchObject({ handler: "platform", applicable: false });
    expect(part!.exclusions.map((e) => e.code)).toEqual(["portability_basis"]);
    expect(part!.reason?.fr).toContain("Prévention et lutte contre la fraude");
  });

  it("erasure of everything: applicable, but the rights-request records are kept by law and said so", () => {
    const [part] = routeRequest({ ...base, right: "erasure" });
    expect(part!.applicable).toBe(true);
    expect(part!.exclusions.map((e) => e.activity)).toEqual(["rights_requests"]);
    expect(part!.reason?.en).toContain("17(3)(b)");
  });

  it("objection: direct marketing and legitimate-interest processing apply, contract-only processing does not", () => {
    const [part] = routeRequest({ ...base, right: "objection", subjectHealthActors: [] });
    const excluded = part!.exclusions.map((e) => e.activity);
    expect(excluded).toContain("account_management");
    expect(excluded).toContain("rights_requests");
    expect(excluded).not.toContain("direct_marketing");
    expect(excluded).not.toContain("fraud_prevention");
  });

  it.each([
    [
      "access",
      [makeActivity({ key: "r", controller: "health_actor", medicalRecord: true, legalBases: [] })],
      "csp_l1111_7",
    ],
    ["access", [makeActivity({ key: "a", controller: "health_actor", legalBases: [] })], "gdpr_art12"],
    [
      "rectification",
      [makeActivity({ key: "r", controller: "health_actor", medicalRecord: true, legalBases: [] })],
      "gdpr_art12",
    ],
  ] as const)("actorDeadlineRule(%s) -> %s", (right, activities, rule) => {
    expect(actorDeadlineRule(right, activities)).toBe(rule);
  });
});
