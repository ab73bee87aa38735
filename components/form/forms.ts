import type { CaseActionName } from "@/lib/cases/case-action.schema";
import type { FormDefinition } from "@/lib/forms/definition";

/**
 * The forms a page may name (a server page cannot hand a schema to the browser, it names it). Each is
 * loaded with the first check, so a page's first load carries none of them.
 */
export type FormName = `case.${CaseActionName}`;

export async function loadForm(name: FormName): Promise<FormDefinition> {
  const [group, key] = name.split(".") as [string, string];
  switch (group) {
    case "case": {
      const { CASE_FORMS } = await import("@/lib/cases/case-forms");
      return CASE_FORMS[key as CaseActionName];
    }
  }
  throw new Error(`unknown form ${name}`);
}
