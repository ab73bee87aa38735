/** Pages of rows in keyset order: each page read after the last row of the one before. */
export async function* keysetPages<R>(page: (after: R | null) => Promise<R[]>, size: number): AsyncGenerator<R[]> {
  let after: R | null = null;
  for (;;) {
    const rows = await page(after);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < size) return;
    after = rows.at(-1)!;
  }
}
