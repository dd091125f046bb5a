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

/**
 * `work` plus the rows created by the imports committed after `at`: an import writes no history for
 * the rows it creates (import-commit.ts), so they are found by their `batchId`, one scan per table
 * (rare: only when such an import exists). Labels are added while fewer than five are known.
 */
export async function withImportsSince(db: KehuDb, at: Timestamp, work: LaterWork): Promise<LaterWork> {
  const imports = await db.imports.where('at').above(at).toArray();
  const batches = new Set(imports.filter((r) => r.status === 'committed').map((r) => r.id));
  if (batches.size === 0) return work;
  for (const table of BASE_TABLE_NAMES) {
    const found = await db
      .table<Record<string, unknown>, string>(table)
      .filter((row) => batches.has(String(row.batchId)))
      .toArray();
    if (found.length === 0) continue;
    let ids = work.rows.get(table);
    if (!ids) work.rows.set(table, (ids = new Set()));
    for (const row of found) {
      const id = String(row.id);
      if (ids.has(id)) continue;
      ids.add(id);
      work.total += 1;
      work.counts[table] = (work.counts[table] ?? 0) + 1;
      const label = [row.name, row.code, row.title].find((v) => typeof v === 'string' && v !== '');
      if (typeof label === 'string' && work.labels.length < LABELS_SHOWN) work.labels.push(label);
    }
  }
  return work;
}
