/**
 * Rows handed to the grid already in the order of its sort. AG Grid sorts with Array.prototype.sort,
 * calling each value getter twice per comparison; 100 000 rows in random order take about 1.7 million
 * comparisons, rows already in order (TimSort finds one run) 100 000. Sorting once here on plain
 * values, with the sheets' comparator, saves most of that on opening a sheet.
 *
 * The sheets' comparator is `compareCells` (src/domain/text/order.ts): text in pinyin order, as Excel
 * and WPS sort Chinese. Codes and tax IDs (digits and capital letters) come out in the same order as
 * the code index the Customers sheet is read in, so the held sort (held-sort.ts) still finds its rows
 * in order.
 */
import { compareCells } from '../../domain/text/order';

/** One sort column: the value the grid compares, and the direction. */
export interface SortKey<R> {
  value: (row: R) => unknown;
  descending: boolean;
}

/** A copy of `rows` in the order of `keys` (stable: equal rows keep their order). */
export function presort<R>(rows: readonly R[], keys: readonly SortKey<R>[]): R[] {
  if (keys.length === 0) return [...rows];
  const values = keys.map((key) => rows.map((row) => key.value(row)));
  const order = rows.map((_, i) => i);
  order.sort((i, j) => {
    for (let k = 0; k < keys.length; k += 1) {
      const column = values[k] as unknown[];
      const result = compareCells(column[i], column[j]);
      if (result !== 0) return keys[k]?.descending ? -result : result;
    }
    return i - j;
  });
  return order.map((i) => rows[i] as R);
}

/**
 * The sheets' column comparator: `compareCells`, except that a draft row (a new row not stored
 * yet) comes after every stored row in either direction. The grid negates the result for a descending
 * sort, so a draft's "after" is negated ahead of it.
 */
export function draftsLast(
  drafts: ReadonlySet<string>,
  a: unknown,
  b: unknown,
  nodeA: { data?: { id: string } },
  nodeB: { data?: { id: string } },
  descending: boolean,
): number {
  if (drafts.size > 0) {
    const draftA = drafts.has(nodeA.data?.id ?? '');
    const draftB = drafts.has(nodeB.data?.id ?? '');
    if (draftA !== draftB) return (draftA ? 1 : -1) * (descending ? -1 : 1);
  }
  return compareCells(a, b);
}
