/**
 * The writes a sheet makes, each returning the undo step that reverses it.
 *
 * Every write goes through the repositories (validation, history and trash stay theirs). A write that
 * touches several rows in two ways (a paste that changes some rows and adds others; its undo) runs the
 * repository calls inside one outer Dexie transaction: the repositories' own transactions join it, so
 * the whole paste is written, or, on any failure (a full disk), none of it.
 *
 * Two tabs never overwrite each other silently (issue 24): a change carries the values the editor read
 * (`before`), and the repository compares them with the stored ones inside the write transaction; a
 * value changed elsewhere since fails the whole write with a 'conflict' error, for the owner to choose.
 * Undo and redo are the owner's explicit wish and are not checked.
 */
import type { BaseTableName, BaseTables, Fields } from '../domain/types';
import { getDb } from '../storage/db';
import { createRepo, type Repo, type RowPatch } from '../storage/repo';
import type { UndoStep } from './undo.svelte';

function repo<T extends BaseTableName>(table: T): Repo<T> {
  return createRepo(getDb(), table);
}

/** Runs `work` in one read-write transaction over `table` and the history. */
function atomically<T extends BaseTableName, R>(table: T, work: () => Promise<R>): Promise<R> {
  const db = getDb();
  return db.transaction('rw', [db.table(table), db.history], work);
}

export interface RowChange<T extends BaseTableName> {
  id: string;
  patch: Partial<Fields<T>>;
  before: Partial<Fields<T>>;
}

async function apply<T extends BaseTableName>(
  table: T,
  patches: readonly RowPatch<T>[],
  trash: readonly string[],
  restore: readonly string[],
): Promise<void> {
  await atomically(table, async () => {
    if (patches.length > 0) await repo(table).updateMany(patches);
    if (trash.length > 0) await repo(table).softDelete(trash);
    if (restore.length > 0) await repo(table).restore(restore);
  });
}

/**
 * Changes rows (a cell edit, or the changed rows of a paste) and adds rows, all or nothing. `newIds`: the
 * ids of the rows to add (a row typed in a sheet is stored under the id its draft had).
 */
export async function writeChanges<T extends BaseTableName>(
  table: T,
  changes: readonly RowChange<T>[],
  creates: readonly Partial<Fields<T>>[],
  label: string,
  newIds?: readonly string[],
): Promise<{ created: BaseTables[T][]; step: UndoStep }> {
  const forward = changes.map(({ id, patch }) => ({ id, patch }));
  const backward = changes.map(({ id, before }) => ({ id, patch: before }));
  const checked = changes.map(({ id, patch, before }) => ({ id, patch, expected: before }));
  const created = await atomically(table, async () => {
    if (checked.length > 0) await repo(table).updateMany(checked);
    return creates.length > 0 ? repo(table).createMany(creates, { ids: newIds }) : [];
  });
  const ids = created.map((row) => row.id);
  return {
    created,
    step: {
      label,
      undo: () => apply(table, backward, ids, []),
      redo: () => apply(table, forward, [], ids),
    },
  };
}

export async function trashRows(
  table: BaseTableName,
  ids: readonly string[],
  label: string,
): Promise<UndoStep> {
  await repo(table).softDelete(ids);
  return { label, undo: () => apply(table, [], [], ids), redo: () => apply(table, [], ids, []) };
}

export async function restoreRows(
  table: BaseTableName,
  ids: readonly string[],
  label: string,
): Promise<UndoStep> {
  await repo(table).restore(ids);
  return { label, undo: () => apply(table, [], ids, []), redo: () => apply(table, [], [], ids) };
}
