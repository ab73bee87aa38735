/** One CSV cell: quoted when needed; a cell starting with = + - @ is prefixed, so spreadsheets never run it as a formula. */
export function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? "" : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r;]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One CSV line, with its line break. */
export function csvRow(values: unknown[]): string {
  return `${values.map(csvCell).join(",")}\n`;
}
