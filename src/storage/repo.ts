/**
 * One repository implementation for the four base tables (customers, deals, interactions, product lines).
 *
 * Policy:
 * - Validate first, write second: every row of a write is checked with `validateFields` before any
 *   transaction opens; one error-severity issue anywhere and nothing is written (the thrown
 *   'validation' error names each failing row by its index in the caller's list).
 * - All-or-nothing: a multi-row write (createMany, updateMany, softDelete…) is one Dexie transaction.
 *   Any throw inside it, including a full disk, aborts the transaction and the data stays as it was.
 * - History in the same transaction: each change writes its history entries together with the rows,
 *   so a change without its entry (or the reverse) cannot exist. create → one entry per row (field '',
 *   newValue the new row); update → one entry per field that really changed (old → new); soft delete
 *   and restore → one entry per row whose trash state changed (old → new `deletedAt`).
 * - Nothing is destroyed silently: delete means trash; `purge` hard-deletes only rows already in the
 *   trash (and their history, since purging is the owner's explicit request to forget them).
 * - Every error leaves through `handleStorageError`: typed, and reported to the banner when the user
 *   must act (quota, versionchange, blocked, corrupt).
 */
import type { Table } from 'dexie';
import { emptyFields } from '../domain/defaults';
import type { BaseTableName, BaseTables, Fields, HistoryEntry } from '../domain/types';
import { hasErrors, validateFields, type ValidationIssue } from '../domain/validation';
import { writeTimestamp } from './clock';
import type { KehuDb } from './db';
import { AppStorageError, guarded, type RowIssues, type WriteConflict } from './errors';
import { historyEntry, historyOf, sameValue, type HistoryContext } from './history';
import { newId } from './ids';
import { notifyWrite } from './persistence';

export interface WriteOptions {
  /** Who makes the change, recorded in the history; default 'me'. */
  actor?: string;
  /** For creates: where the rows come from ('' typed by hand, an import id…); default ''. */
  batchId?: string;
  /** For creates: the ids to give the new rows, in order (a row typed in a sheet keeps its id); default new ones. */
  ids?: readonly string[];
}

export interface RowPatch<T extends BaseTableName> {
  id: string;
  patch: Partial<Fields<T>>;
  /**
   * The values the editor read before the owner typed (optional). When a stored value differs from
   * it, someone else changed it since: nothing is written and a 'conflict' error names each such field.
   */
  expected?: Partial<Fields<T>>;
}

export interface Repo<T extends BaseTableName> {
  readonly table: T;
  /** Creates one row from the given fields (missing ones take their defaults) and returns it. */
  create(fields: Partial<Fields<T>>, opts?: WriteOptions): Promise<BaseTables[T]>;
  /** Creates every row or none; returns them in the order given. */
  createMany(list: readonly Partial<Fields<T>>[], opts?: WriteOptions): Promise<BaseTables[T][]>;
  /** Changes the given fields of one row (in the trash or not) and returns the stored row. */
  update(id: string, patch: Partial<Fields<T>>, opts?: WriteOptions): Promise<BaseTables[T]>;
  /** Applies every patch or none, in order (for paste); returns the stored row for each patch. */
  updateMany(patches: readonly RowPatch<T>[], opts?: WriteOptions): Promise<BaseTables[T][]>;
  /** Moves rows to the trash; returns how many were not there already. */
  softDelete(ids: readonly string[], opts?: WriteOptions): Promise<number>;
  /** Takes rows out of the trash; returns how many were in it. */
  restore(ids: readonly string[], opts?: WriteOptions): Promise<number>;
  /**
   * Hard-deletes the given rows that are in the trash, with their history; active or unknown ids are
   * left alone. Returns how many rows were deleted.
   */
  purge(ids: readonly string[]): Promise<number>;
  get(id: string): Promise<BaseTables[T] | undefined>;
  listActive(): Promise<BaseTables[T][]>;
  /** Rows in the trash, most recently deleted first. */
  listTrash(): Promise<BaseTables[T][]>;
  countActive(): Promise<number>;
  /** Every change of one row, oldest first. */
  historyOf(rowId: string): Promise<HistoryEntry[]>;
}

const DEFAULT_ACTOR = 'me';

function validationError(rows: RowIssues[]): AppStorageError {
  const issues: ValidationIssue[] = rows.flatMap((r) => r.issues);
  const which = rows.map((r) => r.row).join(', ');
  return new AppStorageError('validation', `Invalid field values in row(s) ${which}`, { issues, rows });
}

function notFound(ids: string[]): AppStorageError {
  return new AppStorageError('not-found', `No such row: ${ids.join(', ')}`, { ids });
}

/** The given entries without `undefined` values: a key set to undefined counts as not given. */
function given(fields: object): [string, unknown][] {
  return Object.entries(fields).filter(([, value]) => value !== undefined);
}

export function createRepo<T extends BaseTableName>(db: KehuDb, table: T): Repo<T> {
  type Row = BaseTables[T];
  const rows: Table<Row, string> = db.table<Row, string>(table);

  const context = (opts: WriteOptions | undefined): HistoryContext => ({
    table,
    at: writeTimestamp(),
    actor: opts?.actor ?? DEFAULT_ACTOR,
  });

  /** Loads the rows of `ids` inside the current transaction; throws 'not-found' for any missing id. */
  async function loadAll(ids: readonly string[]): Promise<Map<string, Row>> {
    const unique = [...new Set(ids)];
    const found = await rows.bulkGet(unique);
    const byId = new Map<string, Row>();
    const missing: string[] = [];
    unique.forEach((id, i) => {
      const row = found[i];
      if (row === undefined) missing.push(id);
      else byId.set(id, row);
    });
    if (missing.length > 0) throw notFound(missing);
    return byId;
  }

  async function createMany(list: readonly Partial<Fields<T>>[], opts?: WriteOptions): Promise<Row[]> {
    return guarded(async () => {
      const failures: RowIssues[] = [];
      list.forEach((fields, row) => {
        const issues = validateFields(table, fields, 'create');
        if (hasErrors(issues)) failures.push({ row, issues });
      });
      if (failures.length > 0) throw validationError(failures);
      if (list.length === 0) return [];
      const ctx = context(opts);
      const created = list.map(
        (fields, i) =>
          ({
            ...emptyFields(table),
            ...Object.fromEntries(given(fields)),
            id: opts?.ids?.[i] ?? newId(),
            createdAt: ctx.at,
            updatedAt: ctx.at,
            deletedAt: null,
            batchId: opts?.batchId ?? '',
          }) as Row,
      );
      await db.transaction('rw', [rows, db.history], async () => {
        await rows.bulkAdd(created);
        await db.history.bulkAdd(created.map((row) => historyEntry(ctx, row.id, 'create', '', null, row)));
      });
      notifyWrite();
      return created;
    });
  }

  async function updateMany(patches: readonly RowPatch<T>[], opts?: WriteOptions): Promise<Row[]> {
    return guarded(async () => {
      const failures: RowIssues[] = [];
      patches.forEach(({ id, patch }, row) => {
        const issues = validateFields(table, patch, 'update');
        if (hasErrors(issues)) failures.push({ row, id, issues });
      });
      if (failures.length > 0) throw validationError(failures);
      if (patches.length === 0) return [];
      const ctx = context(opts);
      let wrote = false;
      const result = await db.transaction('rw', [rows, db.history], async () => {
        const current = await loadAll(patches.map((p) => p.id));
        const entries: HistoryEntry[] = [];
        const changed = new Set<Row>();
        const conflicts: WriteConflict[] = [];
        for (const { id, patch, expected } of patches) {
          const row = current.get(id) as Row;
          // The patch passed validation, so each key is an editable field of this table.
          const record = row as unknown as Record<string, unknown>;
          for (const [field, seen] of expected ? given(expected) : []) {
            if (!sameValue(record[field], seen)) {
              const mine = (patch as Record<string, unknown>)[field];
              conflicts.push({ id, field, theirs: record[field], mine });
            }
          }
          if (conflicts.length > 0) continue;
          for (const [field, value] of given(patch)) {
            if (sameValue(record[field], value)) continue;
            entries.push(historyEntry(ctx, id, 'update', field, record[field], value));
            record[field] = value;
            changed.add(row);
          }
        }
        if (conflicts.length > 0) {
          throw new AppStorageError('conflict', 'Changed elsewhere since it was read', { conflicts });
        }
        for (const row of changed) row.updatedAt = ctx.at;
        if (changed.size > 0) {
          await rows.bulkPut([...changed]);
          await db.history.bulkAdd(entries);
          wrote = true;
        }
        return patches.map((p) => current.get(p.id) as Row);
      });
      if (wrote) notifyWrite();
      return result;
    });
  }

  /** Soft delete and restore: set `deletedAt` on the rows whose trash state differs from the target. */
  async function setTrashed(ids: readonly string[], trashed: boolean, opts?: WriteOptions): Promise<number> {
    return guarded(async () => {
      if (ids.length === 0) return 0;
      const ctx = context(opts);
      const count = await db.transaction('rw', [rows, db.history], async () => {
        const current = await loadAll(ids);
        const moving = [...current.values()].filter((row) => (row.deletedAt !== null) !== trashed);
        const deletedAt = trashed ? ctx.at : null;
        const entries = moving.map((row) =>
          historyEntry(ctx, row.id, trashed ? 'delete' : 'restore', '', row.deletedAt, deletedAt),
        );
        for (const row of moving) {
          row.deletedAt = deletedAt;
          row.updatedAt = ctx.at;
        }
        if (moving.length > 0) {
          await rows.bulkPut(moving);
          await db.history.bulkAdd(entries);
        }
        return moving.length;
      });
      if (count > 0) notifyWrite();
      return count;
    });
  }

  async function purge(ids: readonly string[]): Promise<number> {
    return guarded(async () => {
      if (ids.length === 0) return 0;
      return db.transaction('rw', [rows, db.history], async () => {
        const unique = [...new Set(ids)];
        const found = await rows.bulkGet(unique);
        const doomed = found.filter((row): row is Row => row !== undefined && row.deletedAt !== null);
        const doomedIds = doomed.map((row) => row.id);
        if (doomedIds.length === 0) return 0;
        await rows.bulkDelete(doomedIds);
        await db.history
          .where('[table+rowId]')
          .anyOf(doomedIds.map((id) => [table, id]))
          .delete();
        return doomedIds.length;
      });
    });
  }

  return {
    table,
    createMany,
    async create(fields, opts) {
      const [row] = await createMany([fields], opts);
      return row as Row;
    },
    updateMany,
    async update(id, patch, opts) {
      const [row] = await updateMany([{ id, patch }], opts);
      return row as Row;
    },
    softDelete: (ids, opts) => setTrashed(ids, true, opts),
    restore: (ids, opts) => setTrashed(ids, false, opts),
    purge,
    get: (id) => guarded(() => rows.get(id)),
    listActive: () => guarded(() => rows.filter((row) => row.deletedAt === null).toArray()),
    // `deletedAt` is indexed, and IndexedDB leaves null keys out of an index: the index holds exactly
    // the trash, so the trash and the live count never scan the table (a million deals stay fast).
    listTrash: () => guarded(() => rows.orderBy('deletedAt').reverse().toArray()),
    countActive: () =>
      guarded(() =>
        db.transaction(
          'r',
          rows,
          async () => (await rows.count()) - (await rows.orderBy('deletedAt').count()),
        ),
      ),
    historyOf: (rowId) => historyOf(db, table, rowId),
  };
}
