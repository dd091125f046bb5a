/**
 * The field-level change log (DESIGN.md §2: who / when / old → new, so the picture over time is never
 * lost). Entries are written only by the repositories, inside the same transaction as the change they
 * describe, so the log and the data can never disagree.
 */
import type { BaseTableName, HistoryEntry, HistoryOp, Timestamp } from '../domain/types';
import type { KehuDb } from './db';
import { handleStorageError } from './errors';
import { newSortableId } from './ids';

export interface HistoryContext {
  table: BaseTableName;
  at: Timestamp;
  actor: string;
}

export function historyEntry(
  ctx: HistoryContext,
  rowId: string,
  op: HistoryOp,
  field: string,
  oldValue: unknown,
  newValue: unknown,
): HistoryEntry {
  return {
    id: newSortableId(),
    table: ctx.table,
    rowId,
    op,
    field,
    oldValue,
    newValue,
    at: ctx.at,
    actor: ctx.actor,
  };
}

/**
 * Structural equality of stored field values (strings, numbers, booleans, null, lists, score maps).
 * Key order of objects does not matter; `undefined` and a missing key are the same.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const key of keys) if (!sameValue(ra[key], rb[key])) return false;
  return true;
}

/** Every change of one row, oldest first. */
export async function historyOf(db: KehuDb, table: BaseTableName, rowId: string): Promise<HistoryEntry[]> {
  try {
    const entries = await db.history.where('[table+rowId]').equals([table, rowId]).toArray();
    // Entries of one write share `at`; their ids (UUID v7) then give the order they were made in.
    return entries.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  } catch (e) {
    throw handleStorageError(e);
  }
}
