/**
 * A sheet's first read in the order of its sort, when the sort is one stored, indexed text column in
 * ascending order (the Customers sheet opens sorted by code).
 *
 * Read by primary key, each page of rows is spread all over the sorted sheet: the rows on screen
 * change with every page (the grid draws them again) and every row below a new one moves down (the
 * grid updates each row's index). Read in the order of the sort, each page lands after the rows the
 * grid already has: what is on screen stays as it is, and no row moves.
 *
 * IndexedDB orders an index by its key, then by primary key; text keys compare by UTF-16 code unit as
 * JavaScript's `<` does. The grid sorts text in pinyin order (sheet-sort.ts), which is the same order
 * for codes and tax IDs of digits and capital letters; where it differs (lower case, some punctuation)
 * the grid's sort, put back after the read, moves those rows. Pages continue from the last key read;
 * rows sharing that key are skipped by count. A row the index does not hold (no such value) is found
 * by the count check at the end and handed on as one more page.
 */
import type { Table } from 'dexie';
import type { BaseTableName } from '../domain/types';
import { getDb } from '../storage/db';
import { readAllPaged, type ReadAll } from './table-watch';

/** Columns a sheet's first read can follow: indexed, stored as text, shown and sorted as stored. */
export const ORDERED_INDEXES: Readonly<Record<BaseTableName, readonly string[]>> = {
  customers: ['code', 'taxId'],
  deals: ['code'],
  interactions: [],
  productLines: ['code'],
};

/** The index to read `table` in for a sort (one column, ascending), or null to read by primary key. */
export function orderedIndexFor(
  table: BaseTableName,
  sort: readonly { colId: string; descending: boolean }[],
): string | null {
  const only = sort.length === 1 ? sort[0] : undefined;
  if (!only || only.descending) return null;
  return ORDERED_INDEXES[table].includes(only.colId) ? only.colId : null;
}

/** The fields of a stored row, for its id and its key in the index. */
const fieldsOf = (row: unknown) => row as { id: string } & Record<string, unknown>;

/**
 * Every row of `table` in the order of `index`, `page` rows per read (the first read `first` rows, so
 * that the sheet shows its top rows sooner), each page handed to `onPage` as it arrives.
 */
export function readInIndexOrder<R>(
  table: BaseTableName,
  index: string,
  page: number,
  first = page,
): ReadAll<R> {
  return async (onPage) => {
    const rows = getDb().table(table) as unknown as Table<R, string>;
    // Counted alongside the reads (IndexedDB counts in its own thread): rows the index lacks show here.
    const stored = rows.count();
    const all: R[] = [];
    const ids = new Set<string>();
    let last: unknown = undefined;
    /** Rows read so far whose key equals `last` (the next read starts at `last` again). */
    let atLast = 0;
    for (let size = first; ; size = page) {
      const { batch, done } = await readAfter(rows, index, last, atLast, size);
      const fresh = batch.filter((row) => !ids.has(fieldsOf(row).id));
      for (const row of fresh) {
        ids.add(fieldsOf(row).id);
        all.push(row);
      }
      const tail = batch[batch.length - 1];
      if (tail !== undefined) {
        const key = fieldsOf(tail)[index];
        let same = 0;
        while (same < batch.length && fieldsOf(batch[batch.length - 1 - same])[index] === key) same += 1;
        atLast = same === batch.length && key === last ? atLast + same : same;
        last = key;
      }
      if (fresh.length > 0) onPage(fresh);
      if (done) break;
    }
    if ((await stored) !== all.length) {
      const missing = (await readAllPaged<R>(table)).filter((row) => !ids.has(fieldsOf(row).id));
      for (const row of missing) all.push(row);
      if (missing.length > 0) onPage(missing);
    }
    return all;
  };
}

/** The next `size` rows in the order of `index` after the `atLast` rows read with key `last`. */
async function readAfter<R>(
  rows: Table<R, string>,
  index: string,
  last: unknown,
  atLast: number,
  size: number,
): Promise<{ batch: R[]; done: boolean }> {
  if (last === undefined) {
    const batch = await rows.orderBy(index).limit(size).toArray();
    return { batch, done: batch.length < size };
  }
  const key = last as string;
  if (atLast <= size) {
    // One read from `last` on; its first `atLast` rows are the ones already read.
    const read = await rows
      .where(index)
      .aboveOrEqual(key)
      .limit(size + atLast)
      .toArray();
    return { batch: read.slice(atLast), done: read.length < size + atLast };
  }
  // Many rows share one key (e.g. an empty code): skip them by count, then go on above it.
  const same = await rows.where(index).equals(key).offset(atLast).limit(size).toArray();
  if (same.length === size) return { batch: same, done: false };
  const above = await rows
    .where(index)
    .above(key)
    .limit(size - same.length)
    .toArray();
  return { batch: [...same, ...above], done: above.length < size - same.length };
}
