/// <reference types="node" />
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, KehuDb } from '../../../src/storage/db';
import { readDealPack } from '../../../src/storage/deal-pack';
import { customerIdAt } from '../../../src/domain/analytics/deal-columns';
import { isoOrEmpty } from '../../../src/domain/analytics/days';
import { chunkStage, DEAL_PACK_BUCKETS } from '../../../src/storage/deal-pack-format';
import { repos } from '../../../src/storage/repos';

/**
 * The upgrade ladder (DESIGN.md §3): a database written by every shipped version opens with the current
 * code and loses nothing. Each new schema version adds the fixture of the version before it here.
 *
 * A fixture holds rows exactly as its version wrote them. The old database is built with only the
 * stores that version had (from the committed schema snapshot, not from the code under test), then
 * opened with KehuDb, which runs every later upgrade. When an upgrade starts rewriting rows, give the
 * fixture an `expected` section with the rows as the current version should hold them.
 */
const LADDER = ['db-v1.json', 'db-v2.json', 'db-v3.json', 'db-v4.json'];

interface DbFixture {
  dbVersion: number;
  tables: Record<string, Record<string, unknown>[]>;
  expected?: Record<string, Record<string, unknown>[]>;
}

interface Snapshot {
  versions: { version: number; stores: Record<string, string | null> }[];
}

const fixturesDir = new URL('../../fixtures/', import.meta.url);
const readJson = <T>(file: string): T => JSON.parse(readFileSync(new URL(file, fixturesDir), 'utf8')) as T;
const snapshot = readJson<Snapshot>('schema-snapshot.json');

const opened: Dexie[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

/** Writes the fixture into a database that only knows the schema versions up to its own. */
async function writeOldDatabase(name: string, fixture: DbFixture): Promise<void> {
  const old = new Dexie(name);
  const shipped = snapshot.versions.filter((v) => v.version <= fixture.dbVersion);
  expect(shipped.at(-1)?.version, 'the fixture version must be in the schema snapshot').toBe(
    fixture.dbVersion,
  );
  for (const { version, stores } of shipped) old.version(version).stores(stores);
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(rows);
  });
  old.close();
}

/** Rows in primary-key order, so the comparison does not depend on insertion order. */
function byKey(db: Dexie, table: string, rows: Record<string, unknown>[]): Record<string, unknown>[] {
  const key = db.table(table).schema.primKey.keyPath as string;
  return [...rows].sort((a, b) => String(a[key]).localeCompare(String(b[key])));
}

describe.each(LADDER)('upgrade from %s', (file) => {
  const fixture = readJson<DbFixture>(file);

  it('opens with the current schema and keeps every row exactly as it was', async () => {
    const name = `kehu-upgrade-${crypto.randomUUID()}`;
    await writeOldDatabase(name, fixture);
    const db = new KehuDb(name);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    const expected = fixture.expected ?? fixture.tables;
    for (const [table, rows] of Object.entries(expected)) {
      const stored = await db.table(table).toArray();
      expect(stored.length, `row count of ${table}`).toBe(rows.length);
      expect(byKey(db, table, stored), `rows of ${table}`).toStrictEqual(byKey(db, table, rows));
    }
  });

  it('keeps the old data usable: indexes, trash, history and edits work', async () => {
    const name = `kehu-upgrade-${crypto.randomUUID()}`;
    await writeOldDatabase(name, fixture);
    const db = new KehuDb(name);
    opened.push(db);
    const r = repos(db);
    const customers = fixture.tables.customers ?? [];
    const live = customers.find((c) => c.deletedAt === null);
    const id = String(live?.id);

    expect(await db.customers.where('taxId').equals(String(live?.taxId)).primaryKeys()).toEqual([id]);
    const dealsOfLive = (fixture.tables.deals ?? []).filter((d) => d.customerId === id).length;
    expect(await db.deals.where('customerId').equals(id).count()).toBe(dealsOfLive);
    expect((await r.customers.listTrash()).length).toBe(customers.filter((c) => c.deletedAt !== null).length);

    const before = await r.customers.historyOf(id);
    await r.customers.update(id, { notes: '升级后编辑' });
    const after = await r.customers.historyOf(id);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.at(-1)).toMatchObject({ op: 'update', field: 'notes', newValue: '升级后编辑' });
  });

  it('builds the packed copy of the deal facts from the old rows, then reads it back', async () => {
    const name = `kehu-upgrade-${crypto.randomUUID()}`;
    await writeOldDatabase(name, fixture);
    const db = new KehuDb(name);
    opened.push(db);
    await db.open();
    expect(await db.dealPack.count()).toBe(0);
    const live = (fixture.tables.deals ?? [])
      .filter((d) => d.deletedAt === null)
      .sort((a, b) => String(a.id).localeCompare(String(b.id)))
      .map((d) => [d.customerId, d.stage, d.closeDate, d.amount, d.paidAmount]);
    const packed = (chunks: Awaited<ReturnType<typeof readDealPack>>) =>
      chunks.flatMap((c) =>
        Array.from(c.stage, (_, k) => [
          customerIdAt(c, k),
          chunkStage(c, k),
          isoOrEmpty(c.closeDay[k] as number),
          c.amount[k],
          c.paidAmount[k],
        ]),
      );
    expect(packed(await readDealPack(db))).toEqual(live);
    expect(await db.dealPack.count()).toBe(DEAL_PACK_BUCKETS);
    expect(packed(await readDealPack(db))).toEqual(live);
  }, 60_000);
});
