import { describe, expect, it } from "vitest";
import { makeActivity } from "@/tests/support/activity-fixture";
import { type DetailField, type DetailsGiven, missingDetails } from "./missing-details";
import type { RightKey } from "./rights";

const activities = [
  makeActivity({ key: "newsletter", legalBases: ["consent"], directMarketing: true }),
  makeActivity({ key: "sms_offers", legalBases: ["consent"], directMarketing: true }),
  makeActivity({ key: "fraud_prevention", legalBases: ["legitimate_interest"] }),
];

describe("missingDetails: what a request lacks to be acted on", () => {
  it.each<[RightKey, string[] | undefined, DetailsGiven, DetailField[]]>([
    // Nothing beyond the request itself.
    ["access", undefined, {}, []],
    ["erasure", ["fraud_prevention"], {}, []],
    // The right's own field.
    ["rectification", undefined, {}, ["rectifications"]],
    ["rectification", undefined, { rectifications: [] }, ["rectifications"]],
    ["rectification", undefined, { rectifications: [{ field: "Nom", current: "Martin", corrected: "Durand" }] }, []],
    ["restriction", undefined, {}, ["restrictionGround"]],
    ["restriction", undefined, { restrictionGround: "accuracy_contested" }, []],
    ["portability", undefined, { message: "Mes données SVP" } as DetailsGiven, ["portabilityFormat"]],
    ["portability", undefined, { portabilityFormat: "csv" }, []],
    ["consent_withdrawal", undefined, {}, ["consents"]],
    ["consent_withdrawal", ["newsletter"], { consents: [] }, ["consents"]],
    ["consent_withdrawal", undefined, { consents: ["newsletter"] }, []],
    ["post_mortem_directives", undefined, { directives: "   " }, ["directives"]],
    ["post_mortem_directives", undefined, { directives: "Supprimer mon compte." }, []],
    // Objection: grounds needed (Art. 21(1)) unless it is to direct marketing only (21(2)).
    ["objection", undefined, {}, ["objectionGrounds"]],
    ["objection", ["fraud_prevention"], {}, ["objectionGrounds"]],
    ["objection", ["newsletter", "fraud_prevention"], {}, ["objectionGrounds"]],
    ["objection", ["newsletter", "sms_offers"], {}, []],
    ["objection", ["not_in_the_registry"], {}, ["objectionGrounds"]],
    ["objection", ["fraud_prevention"], { objectionGrounds: "Je ne suis pas concerné par une fraude." }, []],
    // Only the right's own needs count: another right's field changes nothing.
    ["portability", undefined, { consents: ["newsletter"], objectionGrounds: "x" }, ["portabilityFormat"]],
  ])("%s, scope %j, details %j -> %j", (right, scope, details, expected) => {
    expect(missingDetails({ right, scope: { activities: scope }, details }, activities)).toEqual(expected);
  });
});
