/**
 * Undo of a whole import, and the list of past imports.
 *
 * Policy:
 * - Undo is one transaction: every row the import created (its id is their `batchId`, customers
 *   created for unknown names included) is removed together with any history written since, and every
 *   field the import updated is set back to its old value — unless the owner changed that field again
 *   after the import: a later edit is never overwritten, it is counted as kept. Likewise a customer the
 *   import created stays when deals or interactions added since point to it, a product line it created
 *   stays when a deal points to it, and a row it created that was changed after the import (a contact
 *   typed in by hand) stays with that change (issue 24: undo never destroys later work silently). A
 *   link the import changed is not set back to a customer or product line that no longer exists (it
 *   was removed since, e.g. by undoing the import that created it): that link is kept as it is.
 * - The restore writes history entries (actor 'import-undo'), so the change log tells the whole story.
 * - `batchId` is not indexed (an index costs every write ~25 %, DESIGN.md §6), so undo scans the tables
 *   once; that is fine for an action taken rarely.
 */
import { IMPORT_ACTOR, IMPORT_UNDO_ACTOR, type ImportRecord } from '../domain/csv/import-record';
import type { BaseTableName, HistoryEntry } from '../domain/types';
import { writeTimestamp } from './clock';
import type { KehuDb } from './db';
import { AppStorageError, handleStorageError } from './errors';
import { historyEntry, sameValue } from './history';
import { workSince, type LaterWork } from './later-work';
import { notifyWrite } from './persistence';

export interface UndoResult {
  removed: number;
  restored: number;
  /** Fields left as they are because they were edited after the import. */
  kept: number;
  /** Created customers (product lines) kept because deals or interactions outside the import use them. */
  keptRows: number;
  /** Created rows kept because they were changed after the import. */
  keptEdited: number;
}

/** The rows an import created that were changed after it: what its undo keeps. */
export async function editedSinceImport(db: KehuDb, record: ImportRecord): Promise<LaterWork> {
  try {
    // An import undone since (its entries, and those of its undo) left nothing behind to keep.
    const later = await db.imports.where('at').above(record.at).toArray();
    const undone = new Set(later.filter((r) => r.status === 'undone').map((r) => r.at));
    return await workSince(
      db,
      record.at,
      (e) => e.actor !== IMPORT_UNDO_ACTOR && !(e.actor === IMPORT_ACTOR && undone.has(e.at)),
    );
  } catch (e) {
    throw handleStorageError(e);
  }
}

/** Past imports, newest first. */
export async function listImports(db: KehuDb): Promise<ImportRecord[]> {
  try {
    return await db.imports.orderBy('at').reverse().toArray();
  } catch (e) {
    throw handleStorageError(e);
  }
}

/** Which link field names a row of which table. */
const LINK_TABLES: Readonly<Record<string, 'customers' | 'productLines'>> = {
  customerId: 'customers',
  productLineId: 'productLines',
};

/**
 * The old link values of `entries` (a deal's customer or product line before the import changed it)
 * that name a row no longer stored: setting them back would leave a link to nothing, so the undo keeps
 * the link the import wrote, as it keeps a field edited since.
 */
async function missingLinkTargets(
  db: KehuDb,
  entries: readonly HistoryEntry[],
): Promise<(entry: HistoryEntry) => boolean> {
  const gone = new Set<string>();
  for (const [field, table] of Object.entries(LINK_TABLES)) {
    const ids = new Set<string>();
    for (const e of entries)
      if (e.field === field && typeof e.oldValue === 'string' && e.oldValue !== '') ids.add(e.oldValue);
    if (ids.size === 0) continue;
    const list = [...ids];
    const found = await db.table(table).bulkGet(list);
    list.forEach((id, i) => {
      if (found[i] === undefined) gone.add(`${field} ${id}`);
    });
  }
  return (entry) => gone.has(`${entry.field} ${String(entry.oldValue)}`);
}

/** Undoes the import `id` as a whole; throws 'not-found' when there is no such committed import. */
export async function undoImport(db: KehuDb, id: string): Promise<UndoResult> {
  try {
    const result = await db.transaction(
      'rw',
      [db.customers, db.deals, db.interactions, db.productLines, db.history, db.imports],
      async () => {
        const record = await db.imports.get(id);
        if (!record || record.status !== 'committed') {
          throw new AppStorageError('not-found', `No committed import ${id}`, { ids: [id] });
        }
        const at = writeTimestamp();
        const tables: BaseTableName[] =
          record.table === 'customers' ? ['customers'] : [record.table, 'customers'];
        let removed = 0;
        let keptRows = 0;
        let keptEdited = 0;
        const later = (await editedSinceImport(db, record)).rows;
        for (const table of tables) {
          const rows = db.table<{ id: string; batchId: string }, string>(table);
          let ids = await rows.filter((row) => row.batchId === id).primaryKeys();
          const edited = later.get(table);
          if (edited && ids.length > 0) {
            const before = ids.length;
            ids = ids.filter((rowId) => !edited.has(rowId));
            keptEdited += before - ids.length;
          }
          if (table === 'productLines' && ids.length > 0) {
            // Same for a product line a deal now names (productLineId is not indexed: one scan).
            const created = new Set(ids);
            const used = new Set<string>();
            await db.deals.each((deal) => {
              if (created.has(deal.productLineId)) used.add(deal.productLineId);
            });
            keptRows += used.size;
            ids = ids.filter((rowId) => !used.has(rowId));
          }
          if (table === 'customers' && ids.length > 0) {
            // A customer the import created that other rows now point to stays: removing it would
            // leave deals or interactions without their customer.
            const [fromDeals, fromInteractions] = await Promise.all([
              db.deals.where('customerId').anyOf(ids).keys(),
              db.interactions.where('customerId').anyOf(ids).keys(),
            ]);
            const used = new Set([...fromDeals, ...fromInteractions].map(String));
            keptRows += used.size;
            ids = ids.filter((rowId) => !used.has(rowId));
          }
          if (ids.length === 0) continue;
          await rows.bulkDelete(ids);
          await db.history
            .where('[table+rowId]')
            .anyOf(ids.map((rowId) => [table, rowId]))
            .delete();
          removed += ids.length;
        }

        const entries = await db.history
          .where('at')
          .equals(record.at)
          .filter((e) => e.actor === IMPORT_ACTOR && e.table === record.table && e.op === 'update')
          .toArray();
        const rows = db.table<Record<string, unknown>, string>(record.table);
        const rowIds = [...new Set(entries.map((e) => e.rowId))];
        const stored = await rows.bulkGet(rowIds);
        const byId = new Map(rowIds.map((rowId, i) => [rowId, stored[i]]));
        const ctx = { table: record.table, at, actor: IMPORT_UNDO_ACTOR };
        const undoEntries: HistoryEntry[] = [];
        const changed = new Set<Record<string, unknown>>();
        let kept = 0;
        const linksGone = await missingLinkTargets(db, entries);
        for (const entry of entries) {
          const row = byId.get(entry.rowId);
          if (!row) continue;
          if (!sameValue(row[entry.field], entry.newValue) || linksGone(entry)) {
            kept++;
            continue;
          }
          undoEntries.push(
            historyEntry(ctx, entry.rowId, 'update', entry.field, row[entry.field], entry.oldValue),
          );
          row[entry.field] = entry.oldValue;
          row.updatedAt = at;
          changed.add(row);
        }
        if (changed.size > 0) await rows.bulkPut([...changed]);
        if (undoEntries.length > 0) await db.history.bulkAdd(undoEntries);
        await db.imports.put({ ...record, status: 'undone', undoneAt: at });
        return { removed, restored: changed.size, kept, keptRows, keptEdited };
      },
    );
    notifyWrite();
    return result;
  } catch (e) {
    throw handleStorageError(e);
  }
}
