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
