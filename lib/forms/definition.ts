import type { z } from "zod";

/**
 * A form as both sides read it: how its fields become the body its server action parses, and the
 * schema of that body. The server action and the browser (components/form) use the same two, so a
 * field refused as you type is refused for the same reason on the server, and the other way round.
 */
export interface FormDefinition<S extends z.ZodType = z.ZodType> {
  schema: S;
  body: (form: FormData) => unknown;
}

export function defineForm<S extends z.ZodType>(schema: S, body: (form: FormData) => unknown = textFields) {
  return { schema, body } satisfies FormDefinition<S>;
}

/** The form's body parsed by its schema (throws the schema's error, or the body's AppError). */
export function parseForm<S extends z.ZodType>(definition: FormDefinition<S>, form: FormData): z.output<S> {
  return definition.schema.parse(definition.body(form));
}

/** A field's text, trimmed; absent when left empty (an optional field not filled in). */
export function formText(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

/** Every value of a repeated field (ticked boxes), empty ones left out. */
export function formList(form: FormData, name: string): string[] {
  return form
    .getAll(name)
    .filter((v): v is string => typeof v === "string" && v.trim() !== "")
    .map((v) => v.trim());
}

/** The default body: each filled-in text field once, by name (files and empty fields left out). */
export function textFields(form: FormData): Record<string, string> {
  const body: Record<string, string> = {};
  for (const name of new Set(form.keys())) {
    if (name === "__proto__" || name.startsWith("$")) continue;
    const value = formText(form, name);
    if (value !== undefined) body[name] = value;
  }
  return body;
}

/**
 * The fields as the browser's form library holds them, as the FormData the page would post: a list
 * for ticked boxes, one entry per file, nothing for an unticked box or an empty choice.
 */
export function valuesToFormData(values: Record<string, unknown>, form = new FormData(), prefix = ""): FormData {
  for (const [key, value] of Object.entries(values)) {
    const name = prefix ? `${prefix}.${key}` : key;
    for (const item of Array.isArray(value) || isFileList(value) ? Array.from(value as ArrayLike<unknown>) : [value]) {
      if (item === undefined || item === null || item === false) continue;
      if (item === true) form.append(name, "on");
      else if (typeof Blob !== "undefined" && item instanceof Blob) form.append(name, item);
      else if (typeof item === "object") valuesToFormData(item as Record<string, unknown>, form, name);
      else form.append(name, String(item));
    }
  }
  return form;
}

function isFileList(value: unknown): boolean {
  return typeof FileList !== "undefined" && value instanceof FileList;
}
