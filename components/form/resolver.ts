import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import type { FieldErrors, FieldValues, Resolver } from "react-hook-form";
import { AppError } from "@/lib/errors/app-error";
import { valuesToFormData } from "@/lib/forms/definition";
import { fieldMessage, issueKey } from "@/lib/i18n/errors";
import type { Locale } from "@/lib/i18n/locale";
import { type FormName, loadForm } from "./forms";

/**
 * Checks the fields as the server will: the form's values become the body its action parses, and
 * that body goes through the action's own schema; each error is put on its path, in the reader's
 * language.
 */
export function formResolver(name: FormName, locale: Locale): Resolver<FieldValues> {
  return async (values, context, options) => {
    const definition = await loadForm(name);
    let body: unknown;
    try {
      body = definition.body(valuesToFormData(values));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const errors: FieldErrors = {};
      for (const f of error.fields) errors[f.path] = { type: "server", message: fieldMessage(f.key, locale) };
      return { values: {}, errors };
    }
    const result = await zodResolver(definition.schema as z.ZodType<unknown, FieldValues>, {
      error: (issue) => issueKey(issue),
    })(body as FieldValues, context, options);
    return Object.keys(result.errors).length > 0
      ? { values: {}, errors: translated(result.errors, locale) }
      : { values, errors: {} };
  };
}

/** The resolver's errors, their keys (FIELD_ERRORS) replaced by messages. */
function translated<T extends object>(errors: T, locale: Locale): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(errors)) {
    if (!value || typeof value !== "object" || key === "ref") out[key] = value;
    else if (typeof (value as { message?: unknown }).message === "string")
      out[key] = { ...value, message: fieldMessage((value as { message: string }).message, locale) };
    else out[key] = translated(value, locale);
  }
  return out as T;
}
