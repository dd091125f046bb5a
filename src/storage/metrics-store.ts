/**
 * The value engine's storage: reading its inputs and writing the derived `customerMetrics` table.
 *
 * Policy:
 * - Inputs are read in pages of the primary key, each page in its own short read transaction, so a
 *   recompute over a million deals never holds a transaction that would make the owner's edits wait.
 *   The pages may then straddle a concurrent write; that write triggers another recompute anyway.
 * - Only what the engine reads is kept from each row, so the full rows of a page can be dropped before
 *   the next page arrives.
 * - Deals come from their packed copy (deal-pack.ts), which the storage layer keeps in step with the
 *   rows; only the buckets written since the last read are read as rows. Its records are handed on as
 *   they are (columns, one batch per record): no object per deal is made.
 * - The result replaces the table as a whole: clear + bulkPut + the company summary (a record in the
 *   `settings` table, like the sample-data marker) in one transaction, so readers never see rows of
 *   two recomputes or rows of a customer that no longer exists. Derived rows are never synced.
 */
import type { AnalyticsSummary } from '../domain/analytics/summary';
import { isAnalyticsSummary } from '../domain/analytics/summary';
import type { CustomerFact, InteractionFact } from '../domain/analytics/compute';
import { lineCostRatiosOf, type LineCostRatios } from '../domain/analytics/contemporary-value';
import type { DealBatches } from '../domain/analytics/deal-columns';
import type { AppSettings } from '../domain/settings';
import type { BaseTables, CustomerMetrics } from '../domain/types';
import type { KehuDb } from './db';
import { RATING_SETTINGS_KEY } from './rating-settings';
import { readDealPack } from './deal-pack';
import { guarded } from './errors';
import { readTableStats } from './table-stats';
import { APP_SETTINGS_KEY, loadSettings } from './settings-repo';

export const ANALYTICS_SUMMARY_KEY = 'analyticsSummary';
export const READ_PAGE_SIZE = 20_000;

export interface AnalyticsInputs {
  customers: CustomerFact[];
  /** The packed copy's records as they were read: every live deal, as columns (won ones count). */
  deals: DealBatches;
  interactions: InteractionFact[];
  settings: AppSettings;
  /** The product lines' own cost ratios (fractions), by product line id. */
  lineCostRatios: LineCostRatios;
}

export interface ReadOptions {
  /** Called after each page with the rows read so far and the total, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
  pageSize?: number;
}

/** Reads a whole table page by page (primary-key order), keeping `pick(row)` of each live row. */
export async function readPaged<T extends 'customers' | 'deals' | 'interactions', Out>(
  db: KehuDb,
  table: T,
  pick: (row: BaseTables[T]) => Out | null,
  onRows: (count: number) => void,
  pageSize: number,
): Promise<Out[]> {
  type Row = BaseTables[T];
  const rows = db.table<Row, string>(table);
  const out: Out[] = [];
  let last: string | null = null;
  for (;;) {
    const page: Row[] =
      last === null
        ? await rows.orderBy(':id').limit(pageSize).toArray()
        : await rows.where(':id').above(last).limit(pageSize).toArray();
    for (const row of page) {
      if (row.deletedAt !== null) continue;
      const kept = pick(row);
      if (kept !== null) out.push(kept);
    }
    onRows(page.length);
    if (page.length < pageSize) return out;
    last = page[page.length - 1]?.id ?? null;
  }
}

/** Everything `computeAnalytics` needs, read from the database. */
export function readAnalyticsInputs(db: KehuDb, opts: ReadOptions = {}): Promise<AnalyticsInputs> {
  const pageSize = opts.pageSize ?? READ_PAGE_SIZE;
  return guarded(async () => {
    // The progress bar's total: every row read, trash included. The live count comes from the counts
    // the database keeps (counting 1 M deals would take seconds of the database's time) and the trash
    // from its index (which holds only trashed rows); a table whose count is unknown is counted.
    const stats = await readTableStats(db);
    const counts = await Promise.all(
      (['customers', 'deals', 'interactions'] as const).map(async (table) => {
        const live = stats[table].active;
        const rows = db.table(table);
        return live === null ? rows.count() : live + (await rows.orderBy('deletedAt').count());
      }),
    );
    const total = counts.reduce((a, b) => a + b, 0);
    let done = 0;
    const step = (count: number) => {
      done += count;
      opts.onProgress?.(Math.min(done, total), total);
    };
    const settings = await loadSettings(db);
    const customers = await readPaged(
      db,
      'customers',
      (c) => ({ id: c.id, walletEstimate: c.walletEstimate, strategicImportance: c.strategicImportance }),
      step,
      pageSize,
    );
    const deals: DealBatches = { batches: await readDealPack(db, { onRows: step }) };
    const interactions = await readPaged(
      db,
      'interactions',
      (i): InteractionFact => ({
        customerId: i.customerId,
        date: i.date,
        type: i.type,
        satisfaction: i.satisfaction,
      }),
      step,
      pageSize,
    );
    // A few rows at most (product lines are business units): read whole for their cost ratios.
    const lineCostRatios = lineCostRatiosOf(await db.productLines.toArray());
    return { customers, deals, interactions, settings, lineCostRatios };
  });
}

/** Replaces every metrics row and the summary, in one transaction. */
export function writeCustomerMetrics(
  db: KehuDb,
  metrics: readonly CustomerMetrics[],
  summary: AnalyticsSummary,
): Promise<void> {
  return guarded(() =>
    db.transaction('rw', [db.customerMetrics, db.settings], async () => {
      await db.customerMetrics.clear();
      await db.customerMetrics.bulkPut(metrics as CustomerMetrics[]);
      await db.settings.put({ key: ANALYTICS_SUMMARY_KEY, value: summary });
    }),
  );
}

/** One customer's metrics, or null before the first recompute (or for an unknown customer). */
export function readCustomerMetrics(db: KehuDb, customerId: string): Promise<CustomerMetrics | null> {
  return guarded(async () => (await db.customerMetrics.get(customerId)) ?? null);
}

/** The summary of the last recompute, or null (none yet, or of an older format). */
export function readAnalyticsSummary(db: KehuDb): Promise<AnalyticsSummary | null> {
  return guarded(async () => {
    const record = await db.settings.get(ANALYTICS_SUMMARY_KEY);
    return isAnalyticsSummary(record?.value) ? record.value : null;
  });
}

/**
 * A cheap fingerprint of the inputs: the write versions of the base tables the engine reads (kept by
 * the database, table-stats.ts) and the stored settings. Run inside a Dexie liveQuery, it re-runs on
 * any write to those tables (each write also writes their statistics) without reading or counting a
 * single row, which is what the UI thread may afford at 1 M deals.
 */
export function analyticsInputStamp(db: KehuDb): Promise<string> {
  return guarded(async () => {
    // The rating setup is an input too: the worker stores each customer's grade with the metrics.
    const [stats, settings, rating] = await Promise.all([
      readTableStats(db),
      db.settings.get(APP_SETTINGS_KEY),
      db.settings.get(RATING_SETTINGS_KEY),
    ]);
    const versions = [
      stats.customers.version,
      stats.deals.version,
      stats.interactions.version,
      stats.productLines.version,
    ];
    return JSON.stringify([versions, settings?.value ?? null, rating?.value ?? null]);
  });
}
