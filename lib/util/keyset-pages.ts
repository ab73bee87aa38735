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

/**
 * The condition of a keyset page ordered by a timestamp `column` then the id: the rows after `row`
 * (none: from the start). Spread into a query's `where`, with `keysetOrder(column)` as its order.
 */
export function rowsAfter<C extends string>(column: C, row: ({ id: string } & Record<C, Date>) | null) {
  if (!row) return {};
  const at: Date = row[column];
  return {
    OR: [
      { [column]: { gt: at } } as Record<C, { gt: Date }>,
      { [column]: at, id: { gt: row.id } } as Record<C, Date> & { id: { gt: string } },
    ],
  };
}

/** The order of those pages: the timestamp, then the id. */
export function keysetOrder<C extends string>(column: C) {
  return [{ [column]: "asc" } as Record<C, "asc">, { id: "asc" as const }];
}
