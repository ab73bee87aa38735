import { AppError } from "@/lib/errors/app-error";

/**
 * The form a server action was called with. A page calls it with its form, but anyone may call a
 * server action with any arguments: anything else is a 400 in the action's result.
 */
export function actionForm(value: unknown): FormData {
  if (value instanceof FormData) return value;
  throw new AppError("malformed", { fr: "Un formulaire était attendu.", en: "A form was expected." });
}
