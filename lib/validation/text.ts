import { z } from "zod";

/**
 * Free text a person or a client typed: a name, a note, a reason, a message, a search. Refused:
 * NUL and the other C0 and C1 control characters (PostgreSQL cannot store NUL, and none belongs in
 * a letter or a CSV), lone UTF-16 surrogates (not Unicode; PostgreSQL refuses them in JSON), and,
 * in a single-line field, line breaks and tabs. A multi-line field keeps line breaks and tabs.
 * Messages are keys of FIELD_ERRORS (lib/i18n/errors.ts).
 */

/** C0 controls other than tab, LF and CR; DEL; C1 controls. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's purpose
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** What a single line may not hold besides CONTROLS: tab, line feed, carriage return, and the Unicode line and paragraph separators. */
const LINE_BREAKS = /[\t\n\r\u2028\u2029]/;

export type TextProblem = "characters" | "line_break";

/** Why `text` cannot be stored as typed, or null when it can. */
export function textProblem(text: string, multiline: boolean): TextProblem | null {
  if (!text.isWellFormed() || CONTROLS.test(text)) return "characters";
  if (!multiline && LINE_BREAKS.test(text)) return "line_break";
  return null;
}

function freeText(max: number, multiline: boolean) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? "required" : "invalid") })
    .trim()
    .max(max, "too_long")
    .check((ctx) => {
      const problem = textProblem(ctx.value, multiline);
      if (problem) ctx.issues.push({ code: "custom", message: problem, input: ctx.value });
    });
}

/** A single line of text (names, reasons shown on one line, channels, searches), empty allowed. */
export function lineText(max: number) {
  return freeText(max, false);
}

/** A single line that must not be empty once trimmed. */
export function requiredLine(max: number) {
  return freeText(max, false).min(1, "required");
}

/** Several lines of text (notes, messages, reasons in a letter), empty allowed. */
export function multilineText(max: number) {
  return freeText(max, true);
}

/** Several lines that must not be empty once trimmed. */
export function requiredText(max: number) {
  return freeText(max, true).min(1, "required");
}

/** An e-mail address, trimmed and lower-cased. */
export const emailAddress = z.string().trim().toLowerCase().max(254, "too_long").pipe(z.email("email"));

/** A person's first or last name. */
export const personName = requiredLine(100);
