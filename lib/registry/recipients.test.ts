import { describe, expect, it } from "vitest";
import { currentRegistry } from "@/lib/registry";
import { NOT_NOTIFIED, noticeRecipientsOf, recipientsOf } from "./recipients";

describe("recipientsOf", () => {
  const registry = currentRegistry();

  it("lists each named recipient of the activities once, sorted", () => {
    const support = registry.activities.find((a) => a.key === "user_support")!;
    const surveys = registry.activities.find((a) => a.key === "voluntary_surveys")!;
    const list = recipientsOf(registry, ["user_support", "voluntary_surveys"]);
    expect(new Set(list)).toEqual(new Set([...support.recipients, ...surveys.recipients]));
    expect(list).toEqual([...list].sort((a, b) => a.localeCompare(b, "fr")));
    expect(list.filter((r) => r === "AWS EMEA")).toHaveLength(1);
    expect(list).toContain("Webhelp");
    expect(list).toContain("Typeform");
  });

  it("ignores health actors' processing and unknown keys", () => {
    const actorKey = registry.activities.find((a) => a.controller === "health_actor")!.key;
    expect(recipientsOf(registry, [actorKey, "unknown"])).toEqual([]);
  });
});

describe("noticeRecipientsOf", () => {
  it("leaves out the platform's own hosting and network providers and the on-demand recipients", () => {
    const registry = currentRegistry();
    const all = recipientsOf(registry, ["account_management", "direct_marketing"]);
    const told = noticeRecipientsOf(registry, ["account_management", "direct_marketing"]);
    expect(all).toContain("AWS EMEA");
    expect(told).not.toContain("AWS EMEA");
    expect(told.length).toBeGreaterThan(0);
    expect(told).toEqual(all.filter((n) => !(NOT_NOTIFIED as readonly string[]).includes(n)));
  });
});
