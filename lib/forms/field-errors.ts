/** A field's error as a page shows it: the field's path in the form's values, and the message. */
export interface ShownError {
  path: string;
  message: string;
}

/** A nested object of errors (as a form library holds them) flattened to one entry per field, in order. */
export function flattenErrors(errors: object, prefix = ""): ShownError[] {
  const found: ShownError[] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (!value || typeof value !== "object" || key === "ref") continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof (value as { message?: unknown }).message === "string" && (value as { message: string }).message)
      found.push({ path: key === "root" ? "" : path, message: (value as { message: string }).message });
    else found.push(...flattenErrors(value, path));
  }
  return found;
}
