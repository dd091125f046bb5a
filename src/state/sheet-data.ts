/**
 * The rows of one sheet as a live stream of changes, for a grid that keeps its own row objects.
 *
 * The whole table is read by a Dexie live query (so a change made in another tab arrives too), and each
 * result is compared with the last by id and `updatedAt`: the grid gets the full list once, then only
 * what was added, changed or removed (AG Grid applies that as a transaction, keeping scroll, focus and
 * selection). Rows in the trash are passed separately, newest first, for the sheet's trash panel.
 */
import { liveQuery } from 'dexie';
import type { BaseTableName, BaseTables, CustomerMetrics } from '../domain/types';
import { getDb } from '../storage/db';
import { reportStorageError } from './storage-errors.svelte';

export interface RowsListener<R> {
  /** The first result: every active row. */
  reset(rows: R[]): void;
  /** A later result: only what changed. */
  diff(change: { add: R[]; update: R[]; remove: R[] }): void;
  /** Rows in the trash, most recently deleted first. */
  trash(rows: R[]): void;
}

/** Subscribes to the rows of `table`; returns the unsubscribe function. */
export function watchRows<T extends BaseTableName>(
  table: T,
  listener: RowsListener<BaseTables[T]>,
): () => void {
  type Row = BaseTables[T];
  let known: Map<string, Row> | null = null;
  const subscription = liveQuery(() => getDb().table<Row, string>(table).toArray()).subscribe({
    next: (all) => {
      const active = new Map<string, Row>();
      const trash: Row[] = [];
      for (const row of all) {
        if (row.deletedAt === null) active.set(row.id, row);
        else trash.push(row);
      }
      trash.sort((a, b) => (b.deletedAt ?? 0) - (a.deletedAt ?? 0));
      if (known === null) {
        listener.reset([...active.values()]);
      } else {
        const add: Row[] = [];
        const update: Row[] = [];
        const remove: Row[] = [];
        for (const [id, row] of active) {
          const before = known.get(id);
          if (!before) add.push(row);
          else if (before.updatedAt !== row.updatedAt) update.push(row);
        }
        for (const [id, row] of known) if (!active.has(id)) remove.push(row);
        if (add.length + update.length + remove.length > 0) listener.diff({ add, update, remove });
      }
      listener.trash(trash);
      known = active;
    },
    error: reportStorageError,
  });
  return () => subscription.unsubscribe();
}

/** Subscribes to the derived customer metrics, by customer id (empty until the value engine runs). */
export function watchMetrics(listener: (metrics: Map<string, CustomerMetrics>) => void): () => void {
  const subscription = liveQuery(() => getDb().customerMetrics.toArray()).subscribe({
    next: (rows) => listener(new Map(rows.map((m) => [m.customerId, m]))),
    error: reportStorageError,
  });
  return () => subscription.unsubscribe();
}

/** Subscribes to the code and name of every active row of a link target table. */
export function watchLinkTargets(
  table: 'customers' | 'productLines',
  listener: (targets: { id: string; code: string; name: string }[]) => void,
): () => void {
  // toArray (one getAll) and a filter in JS: a Dexie filter walks a cursor, many times slower at 100 000 rows.
  const subscription = liveQuery(() =>
    getDb().table<BaseTables['customers' | 'productLines'], string>(table).toArray(),
  ).subscribe({
    next: (rows) =>
      listener(
        rows.filter((row) => row.deletedAt === null).map(({ id, code, name }) => ({ id, code, name })),
      ),
    error: reportStorageError,
  });
  return () => subscription.unsubscribe();
}
