/// <reference types="node" />
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, KehuDb, SCHEMA_VERSIONS, type SchemaVersion } from '../../../src/storage/db';

/**
 * Issue 9, promise 3: an upgrade that throws leaves the version and the data as they were. A database
 * of the current version (fixture db-v2.json) is opened with a ladder that has one more version whose
 * upgrade rewrites rows, then throws. IndexedDB runs the whole upgrade in one versionchange transaction,
 * so the failure must abort it: version, stores and rows stay those of the fixture, and the current
 * code still opens the database and sees everything.
 */
interface DbFixture {
  dbVersion: number;
  tables: Record<string, Record<string, unknown>[]>;
}

const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/db-v2.json', import.meta.url), 'utf8'),
) as DbFixture;

const names: string[] = [];
afterEach(async () => {
  await Promise.all(names.splice(0).map((name) => Dexie.delete(name)));
});

async function currentDatabase(): Promise<string> {
  const name = `kehu-failed-upgrade-${crypto.randomUUID()}`;
  names.push(name);
  const db = new KehuDb(name);
  await db.open();
  await db.transaction('rw', db.tables, async () => {
    for (const [table, rows] of Object.entries(fixture.tables)) await db.table(table).bulkAdd(rows);
  });
  db.close();
  return name;
}

const last = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1] as SchemaVersion;

/** The shipped ladder plus a version whose upgrade does `work` (which ends by throwing). */
function ladderWith(upgrade: SchemaVersion['upgrade'], stores = last.stores): SchemaVersion[] {
  return [...SCHEMA_VERSIONS, { version: CURRENT_SCHEMA_VERSION + 1, stores, upgrade }];
}

/** Version, store names and every row, read without any schema (Dexie's dynamic mode). */
async function snapshot(name: string): Promise<{ version: number; tables: Record<string, unknown[]> }> {
  const db = new Dexie(name);
  await db.open();
  try {
    const tables: Record<string, unknown[]> = {};
    for (const table of db.tables) tables[table.name] = await table.toArray();
    return { version: db.verno, tables };
  } finally {
    db.close();
  }
}

describe('an upgrade that throws', () => {
  it.each([
    [
      'after rewriting every customer',
      async (tx: Parameters<NonNullable<SchemaVersion['upgrade']>>[0]) => {
        await tx.table('customers').toCollection().modify({ name: 'REWRITTEN' });
        await tx.table('deals').clear();
        throw new Error('the upgrade found a row it cannot convert');
      },
      last.stores,
    ],
    [
      'after adding a store and an index',
      async (tx: Parameters<NonNullable<SchemaVersion['upgrade']>>[0]) => {
        await tx.table('tags').add({ id: 't1' });
        throw new Error('half-way');
      },
      { ...last.stores, customers: `${last.stores.customers ?? ''}, name`, tags: 'id' },
    ],
  ])('%s leaves the version and the data as they were', async (_, upgrade, stores) => {
    const name = await currentDatabase();
    const before = await snapshot(name);
    expect(before.version).toBe(CURRENT_SCHEMA_VERSION);

    const newer = new KehuDb(name, undefined, ladderWith(upgrade, stores));
    await expect(newer.open()).rejects.toThrow();
    newer.close();

    const after = await snapshot(name);
    expect(after.version).toBe(CURRENT_SCHEMA_VERSION);
    expect(Object.keys(after.tables).sort()).toEqual(Object.keys(before.tables).sort());
    expect(after.tables).toStrictEqual(before.tables);
    expect(after.tables.customers).toHaveLength(fixture.tables.customers?.length ?? -1);

    // The current code still opens it and sees every row.
    const current = new KehuDb(name);
    await current.open();
    expect(current.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await current.deals.count()).toBe(fixture.tables.deals?.length);
    current.close();
  });
});
