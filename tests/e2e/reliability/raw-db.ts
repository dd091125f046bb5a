/**
 * The app's IndexedDB read and written directly (no app code), so a test compares what is really stored.
 */
import type { Page } from '@playwright/test';

export type RawTables = Record<string, unknown[]>;

/** Every row of every store of the database `name`, stores by name, rows in key order. */
export function readAllTables(page: Page, name = 'kehu'): Promise<RawTables> {
  return page.evaluate(
    (dbName) =>
      new Promise<RawTables>((resolve, reject) => {
        const request = indexedDB.open(dbName);
        request.onerror = () => reject(request.error ?? new Error('open failed'));
        request.onsuccess = () => {
          const db = request.result;
          const names = [...db.objectStoreNames];
          const out: RawTables = {};
          if (names.length === 0) {
            db.close();
            resolve(out);
            return;
          }
          const tx = db.transaction(names, 'readonly');
          for (const store of names) {
            const all = tx.objectStore(store).getAll();
            all.onsuccess = () => {
              out[store] = all.result;
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error ?? new Error('read failed'));
        };
      }),
    name,
  );
}

/** The tables without the given settings keys (markers a backup itself writes). */
export function withoutSettings(tables: RawTables, keys: string[]): RawTables {
  const settings = (tables.settings ?? []).filter(
    (row) => !keys.includes(String((row as { key: unknown }).key)),
  );
  return { ...tables, settings };
}

/** Row counts per store. */
export function rowCounts(tables: RawTables): Record<string, number> {
  return Object.fromEntries(Object.entries(tables).map(([store, rows]) => [store, rows.length]));
}

/** Writes one record of the settings store, as the app would. */
export function putSetting(page: Page, key: string, value: unknown): Promise<void> {
  return page.evaluate(
    ({ k, v }) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('kehu');
        request.onerror = () => reject(request.error ?? new Error('open failed'));
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction('settings', 'readwrite');
          tx.objectStore('settings').put({ key: k, value: v });
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error ?? new Error('write failed'));
        };
      }),
    { k: key, v: value },
  );
}

/**
 * Stores and settings records the app derives from the rest and rebuilds at will (never backed up).
 * `tableStats` holds write versions, which go on counting up through a restore.
 */
const DERIVED_STORES = ['customerMetrics', 'dealPack', 'tableStats'];
const DERIVED_SETTINGS = ['analyticsSummary'];

/**
 * What the owner's data is: every store except the derived ones, and the settings without the
 * derived records — a background recompute may rewrite those at any moment.
 */
export function ownData(tables: RawTables): RawTables {
  const own = withoutSettings(tables, DERIVED_SETTINGS);
  return Object.fromEntries(Object.entries(own).filter(([store]) => !DERIVED_STORES.includes(store)));
}

export interface OrphanLinks {
  /** Deals whose customer is not stored at all (live or in the trash). */
  deals: number;
  /** Interactions whose customer is not stored at all. */
  interactions: number;
  /** Deals whose product line (when set) is not stored at all. */
  productLines: number;
}

export const NO_ORPHANS: OrphanLinks = { deals: 0, interactions: 0, productLines: 0 };

/**
 * Links that name a row the database does not hold, counted from the raw stores as the page sees them
 * (the same rule as countOrphans in src/storage/customer-merge.ts, without app code). A row in the
 * trash is still a row: a link to it is shown as "(in trash)", not lost.
 */
export async function countOrphanLinks(page: Page): Promise<OrphanLinks> {
  const tables = await readAllTables(page);
  const ids = (store: string) =>
    new Set((tables[store] ?? []).map((row) => String((row as { id: unknown }).id)));
  const customers = ids('customers');
  const lines = ids('productLines');
  const dangling = (store: string, field: string, targets: Set<string>) =>
    (tables[store] ?? []).filter((row) => {
      const id = (row as Record<string, unknown>)[field];
      return typeof id === 'string' && id !== '' && !targets.has(id);
    }).length;
  return {
    deals: dangling('deals', 'customerId', customers),
    interactions: dangling('interactions', 'customerId', customers),
    productLines: dangling('deals', 'productLineId', lines),
  };
}
