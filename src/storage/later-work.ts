/**
 * Work done after a point in time (a restore, an import), found in the change history, so an undo can
 * name what it would throw away and keep it instead (issue 24: undo never destroys later work silently).
 *
 * Every write of the repositories, the import and its undo adds history entries in the same transaction
 * as the rows (repo.ts), and `history.at` is indexed: reading "what changed since T" costs the entries
 * since T, never a whole table.
 */
import { BASE_TABLE_NAMES, type BaseTableName, type HistoryEntry, type Timestamp } from '../domain/types';
import type { KehuDb } from './db';

/** Labels kept to name the later work in a warning. */
const LABELS_SHOWN = 5;

export interface LaterWork {
  /** Rows created, changed, trashed or restored after the point, by table. */
  rows: Map<BaseTableName, Set<string>>;
  /** How many rows that is, over every table. */
  total: number;
  /** Rows per table, for "3 customers, 1 deal". */
  counts: Partial<Record<BaseTableName, number>>;
  /** The code or name of the first few of them (rows since removed for good are left out). */
  labels: string[];
  /** The history entries written after the point. */
  entries: HistoryEntry[];
}

const isBase = (table: string): table is BaseTableName =>
  (BASE_TABLE_NAMES as readonly string[]).includes(table);

/**
 * The rows written after `at` (strictly), optionally only those `keep` accepts. Reads inside the
 * caller's transaction when there is one.
 */
export async function workSince(
  db: KehuDb,
  at: Timestamp,
  keep: (entry: HistoryEntry) => boolean = () => true,
): Promise<LaterWork> {
  const entries = (await db.history.where('at').above(at).toArray()).filter(
    (e) => isBase(e.table) && keep(e),
  );
  const rows = new Map<BaseTableName, Set<string>>();
  for (const entry of entries) {
    const table = entry.table;
    let ids = rows.get(table);
    if (!ids) rows.set(table, (ids = new Set()));
    ids.add(entry.rowId);
  }
  const counts: Partial<Record<BaseTableName, number>> = {};
  const labels: string[] = [];
  let total = 0;
  for (const [table, ids] of rows) {
    counts[table] = ids.size;
    total += ids.size;
    if (labels.length >= LABELS_SHOWN) continue;
    const found = await db.table(table).bulkGet([...ids].slice(0, LABELS_SHOWN - labels.length));
    for (const row of found as (Record<string, unknown> | undefined)[]) {
      const label = [row?.name, row?.code, row?.title].find((v) => typeof v === 'string' && v !== '');
      if (typeof label === 'string') labels.push(label);
    }
  }
  return { rows, total, counts, labels, entries };
}
