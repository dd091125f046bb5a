/**
 * A table followed row by row, for views that keep 100 000 rows in memory (the sheets, the metrics of
 * the customers sheet) without re-reading them all after every change.
 *
 * - The first read walks the table in pages of `PAGE` rows (one getAll over a primary-key range each),
 *   so no single main-thread task has to take in the whole table.
 * - Then it listens to Dexie's `storagemutated` event, which fires after each committed write of this
 *   tab, of another tab and of a worker (Dexie forwards it over a BroadcastChannel), with the changed
 *   primary keys of each table. When the keys are known one by one (Dexie records them for writes of
 *   fewer than 50 rows, e.g. a typed cell or an undo), only those rows are read back (`bulkGet`) and
 *   handed on as a change; a larger write (a paste of 50+ rows, an import, a recompute) reads the table
 *   again in pages.
 */
import Dexie, { type IntervalTree, type IntervalTreeNode, type ObservabilitySet } from 'dexie';
import { getDb } from '../storage/db';
import { reportStorageError } from './storage-errors.svelte';

/** Rows per read while loading a whole table. */
export const PAGE = 10_000;
/** Changed keys read back one by one; more than this, and the table is read again. */
const MAX_KEYS = 2_000;

export interface TableListener<R> {
  /** Every row of the table (the first result, and after a large write). */
  reset(rows: R[]): void;
  /** The current version of rows that changed, and the keys of rows that no longer exist. */
  changed(rows: R[], goneKeys: string[]): void;
  /** Each page of a whole-table read, before `reset` gets them all. */
  page?(rows: readonly R[]): void;
}

/**
 * The changed keys of one table in a Dexie observability set: the list of single keys, or 'all' when a
 * range was changed (a clear, a bulk write) or there are more than `max` of them; [] when untouched.
 * Works on the set Dexie builds and on its structured clone from another tab (no prototype there).
 */
export function changedKeys(parts: ObservabilitySet, part: string, max = MAX_KEYS): string[] | 'all' {
  if ('all' in parts) return 'all';
  const tree = parts[part];
  if (!tree) return [];
  const keys: string[] = [];
  const stack: IntervalTreeNode[] = [];
  let node: IntervalTree | null | undefined = tree;
  // In-order walk of Dexie's interval tree ({from, to, l, r, d}; an empty tree is {d: 0}).
  while (stack.length > 0 || (node && 'from' in node)) {
    while (node && 'from' in node) {
      stack.push(node);
      node = node.l;
    }
    const current = stack.pop() as IntervalTreeNode;
    if (typeof current.from !== 'string' || current.from !== current.to) return 'all';
    keys.push(current.from);
    if (keys.length > max) return 'all';
    node = current.r;
  }
  return keys;
}

/**
 * Every row of `table`, read in pages by primary key. `onPage` sees each page while the database is
 * already reading the next one, so work done there overlaps the reading.
 */
export async function readAllPaged<R>(
  table: string,
  page = PAGE,
  onPage?: (rows: readonly R[]) => void,
): Promise<R[]> {
  const rows = getDb().table<R, string>(table);
  const read = (after: string | null): Promise<R[]> =>
    after === null ? rows.limit(page).toArray() : rows.where(':id').above(after).limit(page).toArray();
  const all: R[] = [];
  let batch = await read(null);
  for (;;) {
    for (const row of batch) all.push(row);
    const last = batch[batch.length - 1] as Record<string, unknown> | undefined;
    const next =
      batch.length < page || !last ? null : read(String(last[rows.schema.primKey.keyPath as string]));
    onPage?.(batch);
    if (next === null) return all;
    batch = await next;
  }
}

/** A whole-table read: every row, each page handed to `onPage` as it arrives. */
export type ReadAll<R> = (onPage: (rows: readonly R[]) => void) => Promise<R[]>;

/**
 * Follows `table` as described above; returns the unsubscribe function. `page` is the rows per read
 * of a whole-table read (smaller pages: shorter main-thread tasks, a little more time in all);
 * `readAll` replaces that read (e.g. one in the order of an index, src/state/sheet-order.ts).
 */
export function watchTable<R>(
  table: string,
  listener: TableListener<R>,
  page = PAGE,
  readAll: ReadAll<R> = (onPage) => readAllPaged<R>(table, page, onPage),
): () => void {
  const db = getDb();
  const part = `idb://${db.name}/${table}/`;
  let stopped = false;
  let loading = false;
  /** Changes seen while a read was under way: read them once it is done. */
  let pending: Set<string> | 'all' | null = null;

  const run = async (work: Set<string> | 'all'): Promise<void> => {
    loading = true;
    try {
      if (work === 'all') {
        const rows = await readAll((rows) => !stopped && listener.page?.(rows));
        if (!stopped) listener.reset(rows);
      } else {
        const keys = [...work];
        const found = await db.table<R, string>(table).bulkGet(keys);
        const rows: R[] = [];
        const gone: string[] = [];
        found.forEach((row, i) => (row === undefined ? gone.push(keys[i] as string) : rows.push(row)));
        if (!stopped) listener.changed(rows, gone);
      }
    } catch (error) {
      reportStorageError(error);
    } finally {
      loading = false;
    }
    if (stopped || pending === null) return;
    const next = pending;
    pending = null;
    await run(next);
  };

  const onMutated = (parts: ObservabilitySet): void => {
    const keys = changedKeys(parts, part);
    if (keys !== 'all' && keys.length === 0) return;
    let merged: Set<string> | 'all' =
      keys === 'all' || pending === 'all' ? 'all' : new Set([...(pending ?? []), ...keys]);
    if (merged !== 'all' && merged.size > MAX_KEYS) merged = 'all';
    if (loading) pending = merged;
    else void run(merged);
  };

  Dexie.on('storagemutated', onMutated);
  void run('all');
  return () => {
    stopped = true;
    Dexie.on.storagemutated.unsubscribe(onMutated);
  };
}
