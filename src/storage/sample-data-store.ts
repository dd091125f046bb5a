/**
 * The sample data set: loaded and removed as a whole.
 *
 * Policy:
 * - Rows arrive complete (ids, timestamps, `batchId: 'sample'`) and are written in one transaction with
 *   no per-row history: thousands of 'create' entries would only double the size of a throw-away data
 *   set. A settings record `sampleData = { loadedAt }` marks that it is there.
 * - Loading replaces any sample rows already present, so loading twice never duplicates the set. A
 *   sample customer or product line the owner kept (see removal) is left as it is when the set is
 *   loaded again.
 * - Removing deletes every row whose `batchId` is 'sample' (even ones the owner edited or put in the
 *   trash), their history, and the marker, in one transaction. Rows the owner typed or imported have
 *   another batchId and are never touched, with one exception the owner chooses: deals and
 *   interactions of the owner's that point at a sample customer. Either those customers are kept (they
 *   become the owner's: batchId '') or the owner's rows go with them; never is a row left pointing at a
 *   customer that no longer exists. A sample product line that a remaining deal of the owner's names is
 *   kept the same way (batchId ''), so no deal names a product line that no longer exists.
 * - `batchId` is not indexed (no everyday query needs it), so both scan the four tables; that is fine
 *   for an action taken once or twice.
 */
import type { BaseTableName, Customer, Deal, Interaction, ProductLine, Timestamp } from '../domain/types';
import type { ValidationIssue } from '../domain/validation';
import { writeTimestamp } from './clock';
import type { KehuDb } from './db';
import { AppStorageError, handleStorageError } from './errors';

export const SAMPLE_BATCH_ID = 'sample';
export const SAMPLE_DATA_KEY = 'sampleData';

export interface SampleDataSet {
  customers: Customer[];
  deals: Deal[];
  interactions: Interaction[];
  productLines: ProductLine[];
}

export interface SampleDataMarker {
  loadedAt: Timestamp;
}

const TABLES = [
  'customers',
  'deals',
  'interactions',
  'productLines',
] as const satisfies readonly BaseTableName[];

function baseTables(db: KehuDb) {
  return [db.customers, db.deals, db.interactions, db.productLines] as const;
}

/** What to do with the owner's deals and interactions that point at a sample customer. */
export type OwnRowsOnSample = 'keep-customers' | 'remove-rows';

/** The owner's own deals and interactions that point at a sample customer, by table. */
async function ownRowsOnSample(
  db: KehuDb,
): Promise<{ customers: Set<string>; deals: string[]; interactions: string[] }> {
  const sample = new Set(
    (await db.customers.filter((c) => c.batchId === SAMPLE_BATCH_ID).primaryKeys()).map(String),
  );
  const onSample = (row: Deal | Interaction) => row.batchId !== SAMPLE_BATCH_ID && sample.has(row.customerId);
  const deals = await db.deals.filter(onSample).toArray();
  const interactions = await db.interactions.filter(onSample).toArray();
  const customers = new Set([...deals, ...interactions].map((row) => row.customerId));
  return { customers, deals: deals.map((d) => d.id), interactions: interactions.map((i) => i.id) };
}

/** How many of the owner's own deals and interactions point at a sample customer. */
export async function countOwnRowsOnSample(db: KehuDb): Promise<{ customers: number; rows: number }> {
  try {
    return await db.transaction('r', [db.customers, db.deals, db.interactions], async () => {
      const own = await ownRowsOnSample(db);
      return { customers: own.customers.size, rows: own.deals.length + own.interactions.length };
    });
  } catch (e) {
    throw handleStorageError(e);
  }
}

/** Deletes every sample row, its history and the marker; runs inside the caller's transaction. */
async function deleteSampleRows(db: KehuDb, own: OwnRowsOnSample = 'keep-customers'): Promise<number> {
  let removed = 0;
  const mine = await ownRowsOnSample(db);
  if (own === 'keep-customers' && mine.customers.size > 0) {
    // The owner's rows keep their customer: it stops being sample data and becomes the owner's.
    const kept = await db.customers.bulkGet([...mine.customers]);
    await db.customers.bulkPut(kept.flatMap((c) => (c ? [{ ...c, batchId: '' }] : [])));
  }
  const alsoRemove: Record<string, ReadonlySet<string>> = own === 'remove-rows'
    ? { deals: new Set(mine.deals), interactions: new Set(mine.interactions) }
    : {};
  // A sample product line that one of the owner's remaining deals names stays too, as the owner's: the
  // deal would otherwise name a product line that no longer exists.
  const goingDeals = alsoRemove.deals;
  const sampleLines = new Set(
    (await db.productLines.filter((p) => p.batchId === SAMPLE_BATCH_ID).primaryKeys()).map(String),
  );
  const usedLines = new Set<string>();
  if (sampleLines.size > 0) {
    await db.deals.each((deal) => {
      if (deal.batchId === SAMPLE_BATCH_ID || goingDeals?.has(deal.id) === true) return;
      if (sampleLines.has(deal.productLineId)) usedLines.add(deal.productLineId);
    });
  }
  if (usedLines.size > 0) {
    const kept = await db.productLines.bulkGet([...usedLines]);
    await db.productLines.bulkPut(kept.flatMap((p) => (p ? [{ ...p, batchId: '' }] : [])));
  }
  for (const table of TABLES) {
    const rows = db.table<{ id: string; batchId: string }, string>(table);
    const extra = alsoRemove[table];
    const ids = await rows
      .filter((row) => row.batchId === SAMPLE_BATCH_ID || extra?.has(row.id) === true)
      .primaryKeys();
    if (ids.length === 0) continue;
    await rows.bulkDelete(ids);
    await db.history
      .where('[table+rowId]')
      .anyOf(ids.map((id) => [table, id]))
      .delete();
    removed += ids.length;
  }
  await db.settings.delete(SAMPLE_DATA_KEY);
  return removed;
}

/** Writes the sample data set (replacing any earlier one) and returns the marker. */
export async function loadSampleData(db: KehuDb, data: SampleDataSet): Promise<SampleDataMarker> {
  try {
    const issues: ValidationIssue[] = TABLES.flatMap((table) =>
      data[table]
        .filter((row) => row.batchId !== SAMPLE_BATCH_ID)
        .map((row) => ({
          field: 'batchId',
          code: 'bad-choice' as const,
          severity: 'error' as const,
          value: row.batchId,
        })),
    );
    // A row without the sample batch id could never be removed with the rest of the set.
    if (issues.length > 0) {
      throw new AppStorageError('validation', `Sample rows must have batchId '${SAMPLE_BATCH_ID}'`, {
        issues,
      });
    }
    const marker: SampleDataMarker = { loadedAt: writeTimestamp() };
    await db.transaction('rw', [...baseTables(db), db.history, db.settings], async () => {
      await deleteSampleRows(db);
      // A sample customer the owner kept at an earlier removal is the owner's now (same id: the set is
      // generated from a fixed seed): it stays as it is, and the new set's deals may point at it.
      const kept = await db.customers.bulkGet(data.customers.map((c) => c.id));
      await db.customers.bulkAdd(data.customers.filter((_, i) => kept[i] === undefined));
      const keptLines = await db.productLines.bulkGet(data.productLines.map((p) => p.id));
      await db.deals.bulkAdd(data.deals);
      await db.interactions.bulkAdd(data.interactions);
      await db.productLines.bulkAdd(data.productLines.filter((_, i) => keptLines[i] === undefined));
      await db.settings.put({ key: SAMPLE_DATA_KEY, value: marker });
    });
    return marker;
  } catch (e) {
    throw handleStorageError(e);
  }
}

/**
 * Removes the sample data set; returns how many rows were deleted. `own`: what happens to the owner's
 * deals and interactions on sample customers (default: those customers are kept).
 */
export async function removeSampleData(db: KehuDb, own: OwnRowsOnSample = 'keep-customers'): Promise<number> {
  try {
    return await db.transaction('rw', [...baseTables(db), db.history, db.settings], () =>
      deleteSampleRows(db, own),
    );
  } catch (e) {
    throw handleStorageError(e);
  }
}

/** Whether the sample data set is loaded (its marker is present). */
export async function hasSampleData(db: KehuDb): Promise<boolean> {
  try {
    return (await db.settings.get(SAMPLE_DATA_KEY)) !== undefined;
  } catch (e) {
    throw handleStorageError(e);
  }
}
