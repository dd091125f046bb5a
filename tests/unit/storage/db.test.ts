import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { CURRENT_SCHEMA_VERSION, getDb, KehuDb, SCHEMA_VERSIONS } from '../../../src/storage/db';
import { AppStorageError, storageErrors, type StorageErrorKind } from '../../../src/storage/errors';
import { newId, newSortableId } from '../../../src/storage/ids';
import { freshDb } from './helpers';

/** Collects the kinds reported on the banner bus while `work` runs. */
async function reportedDuring(work: () => Promise<void>): Promise<StorageErrorKind[]> {
  const kinds: StorageErrorKind[] = [];
  const unsubscribe = storageErrors.subscribe((e) => kinds.push(e.kind));
  try {
    await work();
  } finally {
    unsubscribe();
  }
  return kinds;
}

describe('KehuDb', () => {
  it('declares every table of the current version with its primary key', async () => {
    const db = freshDb();
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    const keys = Object.fromEntries(db.tables.map((t) => [t.name, t.schema.primKey.keyPath]));
    expect(keys).toEqual({
      customers: 'id',
      deals: 'id',
      interactions: 'id',
      productLines: 'id',
      settings: 'key',
      history: 'id',
      customerMetrics: 'customerId',
      imports: 'id',
      dealPack: 'bucket',
      tableStats: 'table',
    });
    expect(db.history.schema.indexes.map((i) => i.name)).toEqual(['[table+rowId]', 'at']);
  });

  it('lists schema versions in strictly increasing order', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('getDb returns one shared connection to "kehu"', () => {
    expect(getDb()).toBe(getDb());
    expect(getDb().name).toBe('kehu');
  });

  it('closes for good and reports versionchange when another tab upgrades the database', async () => {
    const db = freshDb();
    await db.customers.count();
    const kinds = await reportedDuring(async () => {
      const newer = new Dexie(db.name);
      newer.version(CURRENT_SCHEMA_VERSION + 1).stores({ ...SCHEMA_VERSIONS.at(-1)?.stores, extra: 'id' });
      await newer.open();
      newer.close();
    });
    expect(kinds).toEqual(['versionchange']);
    expect(db.isOpen()).toBe(false);
    // No silent reopen with the old schema: further use fails with a typed error.
    const error = await db.customers.count().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ name: 'DatabaseClosedError' });
  });

  it('reports blocked while an older connection in another tab keeps the upgrade waiting', async () => {
    const name = `kehu-test-${crypto.randomUUID()}`;
    const old = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name, 1);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('open failed'));
    });
    old.onversionchange = () => {
      // An old tab that does not close at once: the upgrade is blocked until it does.
      setTimeout(() => old.close(), 20);
    };
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const db = new KehuDb(name);
    const kinds = await reportedDuring(async () => {
      await db.open();
    });
    expect(kinds).toEqual(['blocked']);
    expect(db.isOpen()).toBe(true);
    await db.delete();
    vi.restoreAllMocks();
  });

  it('reports a blocked error as an AppStorageError of kind blocked', async () => {
    const listener = vi.fn();
    const unsubscribe = storageErrors.subscribe(listener);
    const db = freshDb();
    db.on('blocked').fire({ oldVersion: 10, newVersion: 20 });
    unsubscribe();
    expect(listener).toHaveBeenCalledWith(expect.any(AppStorageError));
    expect(listener.mock.calls[0]?.[0]).toMatchObject({ kind: 'blocked' });
  });
});

describe('ids', () => {
  it('row ids are UUID v4', () => {
    expect(newId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('history ids are UUID v7 that sort in the order they were made, even within a millisecond', () => {
    const ids = Array.from({ length: 10_000 }, () => newSortableId());
    const v7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(ids.filter((id) => !v7.test(id))).toEqual([]);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('fall back to getRandomValues where crypto.randomUUID is missing (plain http)', () => {
    const original = crypto.randomUUID.bind(crypto);
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      expect(newId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true, writable: true });
    }
  });
});
