import { describe, expect, it } from "vitest";
import { parseForm } from "@/lib/forms/definition";
import { issueKey } from "@/lib/i18n/errors";
import { CASE_FORMS, caseActionBody } from "./case-forms";

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
}

const PART = "0b7f6a36-64a4-4b71-9d48-6f1c1c3e0a11";

function errorsOf(name: keyof typeof CASE_FORMS, entries: [string, string][]) {
  const definition = CASE_FORMS[name];
  const result = definition.schema.safeParse(definition.body(form(entries)));
  return result.error?.issues.map((i) => [i.path.join("."), issueKey(i)]) ?? [];
}

describe("the case page's forms", () => {
  it("names the action it was bound to, whatever the form posts", () => {
    expect(
      caseActionBody(
        "note",
        form([
          ["action", "close"],
          ["text", "Vu"],
        ]),
      ),
    ).toEqual({ action: "note", text: "Vu" });
  });

  it("reads an answer's ticked grounds and erased processing as lists", () => {
    const answer = parseForm(
      CASE_FORMS.answer_part,
      form([
        ["partId", PART],
        ["outcome", "partly_granted"],
        ["grounds", "art_17_3_b"],
        ["grantedActivities", "account_management"],
        ["message", "Réponse"],
      ]),
    );
    expect(answer).toMatchObject({ grounds: ["art_17_3_b"], grantedActivities: ["account_management"] });
  });

  it("refuses an answer without its outcome, message or, when refused, its grounds, on those fields", () => {
    expect(errorsOf("answer_part", [["partId", PART]])).toEqual([
      ["outcome", "choice"],
      ["message", "required"],
    ]);
    expect(
      errorsOf("answer_part", [
        ["partId", PART],
        ["outcome", "refused"],
        ["message", "Non"],
      ]),
    ).toEqual([["grounds", "required"]]);
  });

  it("takes no agent as unassigning, and refuses an agent id that is not one", () => {
    expect(parseForm(CASE_FORMS.assign, form([["agentId", ""]]))).toEqual({ agentId: null });
    expect(errorsOf("assign", [["agentId", "someone"]])).toEqual([["agentId", "uuid"]]);
  });

  it("asks a reason to reject an identity, not to accept it", () => {
    expect(errorsOf("decide_identity", [["decision", "rejected"]])).toEqual([["reason", "required"]]);
    expect(errorsOf("decide_identity", [["decision", "accepted"]])).toEqual([]);
  });

  it("refuses a receipt date that is not one, on the receipt's own path", () => {
    expect(() => CASE_FORMS.information_received.body(form([["receivedDay", "2026-02-31"]]))).toThrow();
    expect(errorsOf("information_received", [])).toEqual([]);
  });

  it("applies only the rectification rows filled in, and checks a birth date typed there", () => {
    expect(
      parseForm(
        CASE_FORMS.rectify,
        form([
          ["field_0", "lastName"],
          ["value_0", "Durand"],
          ["field_1", ""],
          ["value_1", ""],
        ]),
      ),
    ).toEqual({ changes: [{ field: "lastName", value: "Durand" }] });
    expect(errorsOf("rectify", [])).toEqual([["changes", "required"]]);
    expect(
      errorsOf("rectify", [
        ["field_0", "birthDate"],
        ["value_0", "2999-01-01"],
      ])[0]?.[0],
    ).toBe("changes.0.value");
  });
});
