/**
 * The rows of one sheet as a live stream of changes, for a grid that keeps its own row objects.
 *
 * The table is followed by `watchTable` (src/state/table-watch.ts): read once in pages, then only the
 * rows a write changed are read back, whether the write came from this tab, another tab or the import
 * worker. The grid gets the full list once, then only what was added, changed or removed (AG Grid
 * applies that as a transaction, keeping scroll, focus and selection). Rows in the trash are passed
 * separately, newest first, for the sheet's trash panel.
 */
import type { BaseTableName, BaseTables, CustomerMetrics } from '../domain/types';
import { linkTarget, type LinkTarget } from './link-index';
import { readInIndexOrder } from './sheet-order';
import { watchTable, type ReadAll } from './table-watch';

export interface RowsListener<R> {
  /** The first result: every active row. */
  reset(rows: R[]): void;
  /** A later result: only what changed. */
  diff(change: { add: R[]; update: R[]; remove: R[] }): void;
  /** Rows in the trash, most recently deleted first. */
  trash(rows: R[]): void;
  /** Each page of stored rows (active and trashed) while the table is being read in full. */
  page?(rows: readonly R[]): void;
}

type Stored = { id: string; updatedAt: number; deletedAt: number | null };

/** A whole-table read so far: its rows by state, and what differs from the rows before it. */
interface Reading<R> {
  active: Map<string, R>;
  trash: Map<string, R>;
  add: R[];
  update: R[];
  rows: number;
}

/**
 * The bookkeeping behind `watchRows`, apart from the database so it can be tested on its own: the
 * active rows and the trash, and what each new result changes in them.
 */
export class RowsTracker<R extends Stored> {
  #active: Map<string, R> | null = null;
  #trash = new Map<string, R>();
  /** The whole-table read under way, taken in page by page (see `page`). */
  #reading: Reading<R> | null = null;

  constructor(readonly listener: RowsListener<R>) {}

  /**
   * One page of a whole-table read, before `reset` gets every row: sorted into active and trashed rows
   * now, so that the end of the read, one main-thread task, does not go over all 100 000 rows again.
   */
  page(rows: readonly R[]): void {
    this.#reading ??= { active: new Map(), trash: new Map(), add: [], update: [], rows: 0 };
    this.#take(this.#reading, rows);
  }

  /** Every stored row (active and trashed): the end of a whole-table read. */
  reset(all: readonly R[]): void {
    let read = this.#reading;
    this.#reading = null;
    // The pages are exactly the rows of the read, so the counts agree, unless there were no pages or
    // an earlier read failed after some (its rows are in `read` too): then `all` is taken in now.
    if (read === null || read.rows !== all.length) {
      read = { active: new Map(), trash: new Map(), add: [], update: [], rows: 0 };
      this.#take(read, all);
    }
    const before = this.#active;
    this.#active = read.active;
    this.#trash = read.trash;
    if (before === null) this.listener.reset([...read.active.values()]);
    else {
      const remove: R[] = [];
      for (const row of before.values()) if (!read.active.has(row.id)) remove.push(row);
      const { add, update } = read;
      if (add.length + update.length + remove.length > 0) this.listener.diff({ add, update, remove });
    }
    this.#emitTrash();
  }

  /** Sorts rows of a whole-table read into `read`, noting what is new or changed since the last one. */
  #take(read: Reading<R>, rows: readonly R[]): void {
    const before = this.#active;
    read.rows += rows.length;
    for (const row of rows) {
      if (row.deletedAt !== null) {
        read.trash.set(row.id, row);
        continue;
      }
      read.active.set(row.id, row);
      if (before === null) continue;
      const old = before.get(row.id);
      if (!old) read.add.push(row);
      else if (old.updatedAt !== row.updatedAt) read.update.push(row);
    }
  }

  /** The current version of some rows, and the ids of rows that no longer exist. */
  changed(rows: readonly R[], gone: readonly string[]): void {
    const active = this.#active;
    if (active === null) return;
    const add: R[] = [];
    const update: R[] = [];
    const remove: R[] = [];
    let trashChanged = false;
    for (const row of rows) {
      const old = active.get(row.id);
      if (row.deletedAt === null) {
        if (this.#trash.delete(row.id)) trashChanged = true;
        if (!old) add.push(row);
        else if (old.updatedAt !== row.updatedAt) update.push(row);
        active.set(row.id, row);
      } else {
        if (old) {
          remove.push(old);
          active.delete(row.id);
        }
        this.#trash.set(row.id, row);
        trashChanged = true;
      }
    }
    for (const id of gone) {
      const old = active.get(id);
      if (old) {
        remove.push(old);
        active.delete(id);
      }
      if (this.#trash.delete(id)) trashChanged = true;
    }
    if (add.length + update.length + remove.length > 0) this.listener.diff({ add, update, remove });
    if (trashChanged) this.#emitTrash();
  }

  #emitTrash(): void {
    this.listener.trash([...this.#trash.values()].sort((a, b) => (b.deletedAt ?? 0) - (a.deletedAt ?? 0)));
  }
}

/**
 * Rows per read while a sheet reads its table: each page is taken in (structured clone, search text,
 * grid transaction) in one main-thread task, which stays around 100 ms at this size.
 */
export const SHEET_PAGE = 2_500;

/**
 * Rows of the first page when the table is read in the order of the sheet's sort: the rows at the top
 * of the sheet, on screen sooner.
 */
export const SHEET_FIRST_PAGE = 500;

/**
 * Subscribes to the rows of `table`; returns the unsubscribe function. With `orderBy` (an index, see
 * sheet-order.ts) the table is read in that order, so each page lands below the rows already shown.
 */
export function watchRows<T extends BaseTableName>(
  table: T,
  listener: RowsListener<BaseTables[T]>,
  orderBy: string | null = null,
): () => void {
  const tracker = new RowsTracker<BaseTables[T]>(listener);
  return watchTable<BaseTables[T]>(
    table,
    {
      reset: (rows) => tracker.reset(rows),
      changed: (rows, gone) => tracker.changed(rows, gone),
      page: (rows) => {
        tracker.page(rows);
        listener.page?.(rows);
      },
    },
    SHEET_PAGE,
    orderBy === null
      ? undefined
      : (readInIndexOrder(table, orderBy, SHEET_PAGE, SHEET_FIRST_PAGE) as ReadAll<BaseTables[T]>),
  );
}

/**
 * A map by key that whole-table reads rebuild page by page: each page goes into the read's new map as
 * it arrives (in its own task), so the end of a read does not put 100 000 rows into a map in one task
 * (~130 ms for the metrics at data set L, CPU profile of the bench's open stage). The pages of a read
 * are exactly the rows its end hands over; a map left from a read that failed half way may hold rows
 * the next read does not have, so the map is checked by size at the end and rebuilt when it is off.
 */
export class PagedMap<R> {
  #reading: Map<string, R> | null = null;

  constructor(readonly keyOf: (row: R) => string) {}

  page(rows: readonly R[]): void {
    const reading = (this.#reading ??= new Map());
    for (const row of rows) reading.set(this.keyOf(row), row);
  }

  /** The map of a whole read's rows (a new map each time). */
  reset(rows: readonly R[]): Map<string, R> {
    const read = this.#reading;
    this.#reading = null;
    if (read !== null && read.size === rows.length) return read;
    return new Map(rows.map((row) => [this.keyOf(row), row]));
  }
}

/**
 * Subscribes to the derived customer metrics, by customer id (empty until the value engine runs). The
 * listener gets the current map (updated in place by a change, a new one after a whole-table read,
 * built page by page: PagedMap) and the ids that changed (null: all of them).
 */
export function watchMetrics(
  listener: (metrics: Map<string, CustomerMetrics>, changed: string[] | null) => void,
): () => void {
  let metrics = new Map<string, CustomerMetrics>();
  const reads = new PagedMap<CustomerMetrics>((m) => m.customerId);
  return watchTable<CustomerMetrics>(
    'customerMetrics',
    {
      page: (rows) => reads.page(rows),
      reset: (rows) => {
        metrics = reads.reset(rows);
        listener(metrics, null);
      },
      changed: (rows, gone) => {
        for (const m of rows) metrics.set(m.customerId, m);
        for (const id of gone) metrics.delete(id);
        listener(metrics, [...rows.map((m) => m.customerId), ...gone]);
      },
    },
    // Read while the sheet's own pages are: each page is taken in (structured clone) in one task.
    SHEET_PAGE,
  );
}

/** Subscribes to the code and name of every active row of a link target table. */
export function watchLinkTargets(
  table: 'customers' | 'productLines',
  listener: (targets: LinkTarget[]) => void,
): () => void {
  const targets = new Map<string, LinkTarget>();
  const emit = () => listener([...targets.values()]);
  const keep = (row: BaseTables['customers' | 'productLines']) => {
    // Trashed targets stay known by id, so a deal of a trashed customer says so (link-index.ts).
    targets.set(row.id, linkTarget(row));
  };
  return watchTable<BaseTables['customers' | 'productLines']>(table, {
    reset: (rows) => {
      targets.clear();
      rows.forEach(keep);
      emit();
    },
    changed: (rows, gone) => {
      rows.forEach(keep);
      for (const id of gone) targets.delete(id);
      emit();
    },
  });
}
