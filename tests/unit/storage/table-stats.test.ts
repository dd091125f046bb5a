import './helpers';
import './blob-reader-polyfill';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { generateSampleData } from '../../../src/domain/sample-data';
import { BASE_TABLE_NAMES, type BaseTableName } from '../../../src/domain/types';
import { createBackup, restoreBackup, undoRestore } from '../../../src/storage/backup';
import type { KehuDb } from '../../../src/storage/db';
import { analyticsInputStamp } from '../../../src/storage/metrics-store';
import { createRepo } from '../../../src/storage/repo';
import { repos } from '../../../src/storage/repos';
import { loadSampleData, removeSampleData } from '../../../src/storage/sample-data-store';
import { fillUnknownCounts, readTableStats } from '../../../src/storage/table-stats';
import { freshDb } from './helpers';

let db: KehuDb;
beforeEach(() => {
  db = freshDb();
});

/** The live rows of each table, counted the slow way. */
async function counted(target: KehuDb): Promise<Record<BaseTableName, number>> {
  const entries = await Promise.all(
    BASE_TABLE_NAMES.map(async (t) => [t, await createRepo(target, t).countActive()] as const),
  );
  return Object.fromEntries(entries) as Record<BaseTableName, number>;
}

/** Every known count equals the real one; after filling, every count is known and right. */
async function expectCountsRight(target: KehuDb = db): Promise<void> {
  const real = await counted(target);
  const stats = await readTableStats(target);
  for (const t of BASE_TABLE_NAMES) {
    if (stats[t].active !== null) expect(stats[t].active, `count of ${t}`).toBe(real[t]);
  }
  await fillUnknownCounts(target);
  const filled = await readTableStats(target);
  for (const t of BASE_TABLE_NAMES) expect(filled[t].active, `filled count of ${t}`).toBe(real[t]);
}

const versions = async (target: KehuDb = db) => {
  const stats = await readTableStats(target);
  return Object.fromEntries(BASE_TABLE_NAMES.map((t) => [t, stats[t].version]));
};

describe('table statistics', () => {
  it('a new database knows its counts: every table at version 0 with 0 rows', async () => {
    const stats = await readTableStats(db);
    for (const t of BASE_TABLE_NAMES) expect(stats[t]).toEqual({ table: t, version: 0, active: 0 });
  });

  it('keeps exact counts through the repository: create, edit, trash, restore, purge', async () => {
    const r = repos(db);
    const made = await r.customers.createMany(Array.from({ length: 12 }, (_, i) => ({ name: `客户${i}` })));
    expect((await readTableStats(db)).customers.active).toBe(12);
    await r.customers.update(made[0]!.id, { notes: '改' });
    await r.customers.softDelete(made.slice(0, 4).map((c) => c.id));
    expect((await readTableStats(db)).customers.active).toBe(8);
    await r.customers.restore([made[0]!.id]);
    expect((await readTableStats(db)).customers.active).toBe(9);
    // Purging takes rows out of the trash: the live count stays.
    await r.customers.purge(made.slice(1, 4).map((c) => c.id));
    expect((await readTableStats(db)).customers.active).toBe(9);
    await expectCountsRight();
  });

  it('bumps the version of exactly the tables a write touches', async () => {
    const before = await versions();
    const c = await repos(db).customers.create({ name: 'A' });
    const afterCreate = await versions();
    expect(afterCreate.customers).toBeGreaterThan(before.customers!);
    expect(afterCreate.deals).toBe(before.deals);
    await repos(db).deals.create({ customerId: c.id, amount: 5 });
    const afterDeal = await versions();
    expect(afterDeal.deals).toBeGreaterThan(afterCreate.deals!);
    expect(afterDeal.customers).toBe(afterCreate.customers);
  });

  it('an aborted write leaves the rows and the statistics as they were', async () => {
    const r = repos(db);
    const c = await r.customers.create({ name: 'A' });
    const before = await readTableStats(db);
    await expect(
      db.transaction('rw', [db.customers, db.history], async () => {
        await r.customers.softDelete([c.id]);
        await r.customers.create({ name: 'B' });
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect(await readTableStats(db)).toEqual(before);
    await expectCountsRight();
  });

  it('a bulk update of many existing rows leaves the count to be counted again, then counts it', async () => {
    const r = repos(db);
    const made = await r.customers.createMany(Array.from({ length: 1_500 }, (_, i) => ({ name: `C${i}` })));
    expect((await readTableStats(db)).customers.active).toBe(1_500);
    await db.customers.bulkPut(made.map((c, i) => ({ ...c, deletedAt: i < 100 ? 1 : null })));
    expect((await readTableStats(db)).customers.active).toBeNull();
    expect(await fillUnknownCounts(db)).toEqual(['customers']);
    expect((await readTableStats(db)).customers.active).toBe(1_400);
    await expectCountsRight();
  });

  it('does not store a count taken before a later write', async () => {
    await db.customers.bulkPut(Array.from({ length: 5 }, (_, i) => ({ id: `k${i}` }) as never));
    await db.tableStats.put({ table: 'customers', version: 3, active: null });
    const filling = fillUnknownCounts(db);
    await db.customers.bulkPut(
      Array.from({ length: 2_000 }, (_, i) => ({ id: `m${i}`, deletedAt: null }) as never),
    );
    await filling;
    await expectCountsRight();
  });

  it('follows clearing the table and deleting by a key range', async () => {
    const r = repos(db);
    await r.customers.createMany(Array.from({ length: 30 }, (_, i) => ({ name: `C${i}` })));
    await db.customers.where(':id').below('8').delete();
    await expectCountsRight();
    await db.customers.clear();
    expect((await readTableStats(db)).customers.active).toBe(0);
  });

  it('follows sample data load and removal', async () => {
    const data = generateSampleData({
      today: '2025-06-30',
      counts: { customers: 30, deals: 600, interactions: 10 },
    });
    await loadSampleData(db, data);
    await expectCountsRight();
    await removeSampleData(db);
    await expectCountsRight();
  });

  it('follows backup restore and its undo, and keeps counting versions up across them', async () => {
    const r = repos(db);
    await r.customers.createMany([{ name: 'A' }, { name: 'B' }]);
    const file = await createBackup(db);
    expect(await file.text()).not.toMatch(/"table":"customers","version"/);

    const other = freshDb();
    await repos(other).customers.createMany([{ name: 'X' }, { name: 'Y' }, { name: 'Z' }]);
    const before = await versions(other);
    await restoreBackup(other, file);
    expect((await versions(other)).customers).toBeGreaterThan(before.customers!);
    await expectCountsRight(other);
    expect((await readTableStats(other)).customers.active).toBe(2);
    await undoRestore(other);
    await expectCountsRight(other);
    expect((await readTableStats(other)).customers.active).toBe(3);
  });

  it('changes the analytics fingerprint on a write, not when a count is filled in', async () => {
    const c = await repos(db).customers.create({ name: 'A' });
    const stamp = await analyticsInputStamp(db);
    await db.tableStats.update('customers', { active: null });
    await fillUnknownCounts(db);
    expect(await analyticsInputStamp(db)).toBe(stamp);
    await repos(db).customers.update(c.id, { notes: 'x' });
    expect(await analyticsInputStamp(db)).not.toBe(stamp);
  });

  it('property: after any sequence of writes, every known count is right', async () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('create' as const), n: fc.integer({ min: 1, max: 3 }) }),
      fc.record({ kind: fc.constant('edit' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('trash' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('restore' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('purge' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('put' as const), pick: fc.nat(), trashed: fc.boolean() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 15 }), async (ops) => {
        const target = freshDb();
        const r = repos(target);
        const ids: string[] = [];
        for (const o of ops) {
          const id = ids.length > 0 && 'pick' in o ? ids[o.pick % ids.length] : undefined;
          if (o.kind === 'create') {
            const made = await r.customers.createMany(Array.from({ length: o.n }, () => ({ name: 'N' })));
            ids.push(...made.map((c) => c.id));
          } else if (o.kind === 'edit' && id) await r.customers.update(id, { notes: 'e' });
          else if (o.kind === 'trash' && id) await r.customers.softDelete([id]);
          else if (o.kind === 'restore' && id) await r.customers.restore([id]);
          else if (o.kind === 'purge' && id) {
            if ((await target.customers.get(id))?.deletedAt === null) await r.customers.softDelete([id]);
            await r.customers.purge([id]);
            ids.splice(ids.indexOf(id), 1);
          } else if (o.kind === 'put' && id) {
            const row = await target.customers.get(id);
            if (row) await target.customers.put({ ...row, deletedAt: o.trashed ? 1 : null });
          }
          const stats = await readTableStats(target);
          expect(stats.customers.active).toBe((await counted(target)).customers);
        }
      }),
      { numRuns: 25 },
    );
  }, 60_000);
});
