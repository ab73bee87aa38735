import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineForm, formList, formText, parseForm, textFields, valuesToFormData } from "./definition";

function form(entries: [string, string | Blob][]): FormData {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
}

describe("form bodies", () => {
  it("keeps each filled-in text field once, trimmed, and leaves out empty ones, files and framework fields", () => {
    const data = form([
      ["reason", "  because  "],
      ["empty", "   "],
      ["file", new Blob(["x"])],
      ["$ACTION_ID_1", "x"],
      ["__proto__", "polluted"],
    ]);
    expect(textFields(data)).toEqual({ reason: "because" });
    expect(Object.getPrototypeOf(textFields(data))).toBe(Object.prototype);
  });

  it("reads a repeated field as a list and a missing one as nothing", () => {
    const data = form([
      ["grounds", "a"],
      ["grounds", " "],
      ["grounds", "b"],
    ]);
    expect(formList(data, "grounds")).toEqual(["a", "b"]);
    expect(formList(data, "other")).toEqual([]);
    expect(formText(data, "other")).toBeUndefined();
  });

  it("parses the body with the definition's schema, with errors on the body's paths", () => {
    const definition = defineForm(z.object({ reason: z.string().min(3, "required") }));
    expect(parseForm(definition, form([["reason", "long enough"]]))).toEqual({ reason: "long enough" });
    const error = definition.schema.safeParse(definition.body(form([["reason", "no"]]))).error;
    expect(error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["reason", "required"]]);
  });
});

describe("valuesToFormData", () => {
  it("posts what the page would: ticked boxes as a list, files, nested names with dots; nothing for unticked", () => {
    const file = new File(["%PDF"], "id.pdf", { type: "application/pdf" });
    const data = valuesToFormData({
      note: "hello",
      grounds: ["a", "b"],
      unticked: false,
      ticked: true,
      empty: undefined,
      proof: [file],
      details: { directives: "keep" },
    });
    expect(data.getAll("grounds")).toEqual(["a", "b"]);
    expect(data.get("note")).toBe("hello");
    expect(data.has("unticked")).toBe(false);
    expect(data.get("ticked")).toBe("on");
    expect(data.has("empty")).toBe(false);
    expect((data.get("proof") as File).name).toBe("id.pdf");
    expect(data.get("details.directives")).toBe("keep");
  });
});
