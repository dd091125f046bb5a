import './helpers';
import './blob-reader-polyfill';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { customerIdAt } from '../../../src/domain/analytics/deal-columns';
import { dayOf, isoOrEmpty } from '../../../src/domain/analytics/days';
import { createRowSource } from '../../../src/domain/csv/byte-source';
import { inspectCsv } from '../../../src/domain/csv/inspect';
import { generateSampleData } from '../../../src/domain/sample-data';
import { DEAL_STAGES, type Deal } from '../../../src/domain/types';
import { createBackup, restoreBackup, undoRestore } from '../../../src/storage/backup';
import type { KehuDb } from '../../../src/storage/db';
import { readDealPack } from '../../../src/storage/deal-pack';
import {
  bucketRange,
  chunkStage,
  DEAL_PACK_BUCKETS,
  DEAL_PACK_FORMAT,
  dealBucket,
  isCurrentChunk,
  type DealPackChunk,
} from '../../../src/storage/deal-pack-format';
import { runImport, type ImportSettings } from '../../../src/storage/import-commit';
import { undoImport } from '../../../src/storage/import-undo';
import { repos } from '../../../src/storage/repos';
import { loadSampleData, removeSampleData } from '../../../src/storage/sample-data-store';
import { freshDb } from './helpers';

let db: KehuDb;
beforeEach(() => {
  db = freshDb();
});

/** The facts of the live deals, read from the full rows (primary-key order): what the pack must equal. */
async function factsFromRows(target: KehuDb) {
  const rows = await target.deals.orderBy(':id').toArray();
  return rows
    .filter((d) => d.deletedAt === null)
    .map((d) => ({
      customerId: d.customerId,
      stage: d.stage,
      closeDate: d.closeDate,
      dueDate: d.dueDate,
      amount: d.amount,
      cost: d.cost,
      serviceCost: d.serviceCost,
      discount: d.discount,
      paidAmount: d.paidAmount,
    }));
}

function factsFromPack(chunks: readonly DealPackChunk[]) {
  return chunks.flatMap((c) =>
    Array.from(c.stage, (_, k) => ({
      customerId: customerIdAt(c, k),
      stage: chunkStage(c, k),
      closeDate: isoOrEmpty(c.closeDay[k] as number),
      dueDate: isoOrEmpty(c.dueDay[k] as number),
      amount: c.amount[k],
      cost: c.cost[k],
      serviceCost: c.serviceCost[k],
      discount: c.discount[k],
      paidAmount: c.paidAmount[k],
    })),
  );
}

/** The packed copy, read (and rebuilt where invalid) twice: once to build, once from the stored records. */
async function expectPackEqualsRows(target: KehuDb = db): Promise<void> {
  const rows = await factsFromRows(target);
  expect(factsFromPack(await readDealPack(target))).toStrictEqual(rows);
  expect(await target.dealPack.count()).toBe(DEAL_PACK_BUCKETS);
  expect(factsFromPack(await readDealPack(target))).toStrictEqual(rows);
}

const text = (s: string) => new TextEncoder().encode(s);

function importDeals(csv: string) {
  const bytes = text(csv);
  const inspection = inspectCsv(bytes, false, 'deals');
  const settings: ImportSettings = {
    table: 'deals',
    matchKey: 'code',
    onMatch: 'update',
    createCustomers: true,
    onBadRow: 'skip',
    fileName: 'deals.csv',
    columns: inspection.columns,
    mapping: inspection.mapping,
  };
  const source = createRowSource({
    table: 'deals',
    size: bytes.length,
    readSlice: (start, end) => bytes.subarray(start, end),
    encoding: inspection.encoding,
    delimiter: inspection.delimiter,
    newline: inspection.newline,
    hasHeader: true,
    columns: inspection.columns,
    mapping: [...settings.mapping],
    decimalComma: false,
    dateOrders: inspection.dateOrders,
    sliceBytes: 64,
  });
  return runImport(db, settings, source.next, 'commit');
}

// Each read of an empty copy rebuilds 256 buckets, one fake-indexeddb transaction each: slow in Node.
const SLOW = { timeout: 60_000 };

describe('deal buckets', SLOW, () => {
  it.each([
    ['00000000-0000-4000-8000-000000000000', 0],
    ['3f2a0000-0000-4000-8000-000000000000', 0x3f],
    ['ffffffff-ffff-4fff-bfff-ffffffffffff', 255],
    ['', 0],
    ['0', 0],
    ['!', 0],
    ['A-17', 0x9f],
    ['a-1', 0x9f],
    ['zz', 255],
    ['中文', 255],
  ])('%j is in bucket %i', (id, bucket) => {
    expect(dealBucket(id)).toBe(bucket);
  });

  it('property: every id lies in the key range of its bucket', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uuid(), fc.string(), fc.string({ unit: 'binary' })), (id) => {
        const { lower, upper } = bucketRange(dealBucket(id));
        return (lower === null || lower <= id) && (upper === null || id < upper);
      }),
    );
  });
});

describe('packed deal facts stay equal to the rows', SLOW, () => {
  it('rebuilds a record of the old format (dates as strings) from the rows', async () => {
    const r = repos(db);
    const c = await r.customers.create({ name: 'A', code: 'C1' });
    const [d] = await r.deals.createMany([
      {
        customerId: c.id,
        code: 'D1',
        stage: 'won',
        amount: 5,
        closeDate: '2025-01-02',
        dueDate: '2025-02-03',
      },
    ]);
    await readDealPack(db);
    const bucket = dealBucket(d!.id);
    const current = (await db.dealPack.get(bucket))!;
    expect(current.format).toBe(DEAL_PACK_FORMAT);
    // A record as format 1 wrote it: ISO strings where format 2 has day numbers.
    const { closeDay: _close, dueDay: _due, ...rest } = current;
    const old = { ...rest, format: 1, closeDate: ['2025-01-02'], dueDate: ['2025-02-03'] };
    await db.dealPack.put(old as unknown as DealPackChunk);
    expect(isCurrentChunk(await db.dealPack.get(bucket))).toBe(false);
    await expectPackEqualsRows();
    const rebuilt = await db.dealPack.get(bucket);
    expect(isCurrentChunk(rebuilt)).toBe(true);
    expect([...rebuilt!.closeDay]).toEqual([dayOf('2025-01-02')]);
    expect([...rebuilt!.dueDay]).toEqual([dayOf('2025-02-03')]);
  });

  it('through the repository: create, edit, trash, restore, purge', async () => {
    const r = repos(db);
    const c = await r.customers.create({ name: '深圳华强', code: 'C1' });
    await expectPackEqualsRows();
    const made = await r.deals.createMany(
      Array.from({ length: 40 }, (_, i) => ({
        customerId: c.id,
        code: `D${i}`,
        stage: DEAL_STAGES[i % DEAL_STAGES.length],
        amount: 1000 + i,
        closeDate: '2025-01-02',
        dueDate: i % 2 ? '2025-02-01' : '',
      })),
    );
    await expectPackEqualsRows();

    // A single cell edit invalidates exactly its own bucket, in its own transaction.
    const one = made[7] as Deal;
    await r.deals.update(one.id, { amount: 5 });
    expect(await db.dealPack.get(dealBucket(one.id))).toBeUndefined();
    expect(await db.dealPack.count()).toBe(DEAL_PACK_BUCKETS - 1);
    await expectPackEqualsRows();

    await r.deals.updateMany(made.slice(0, 10).map((d) => ({ id: d.id, patch: { paidAmount: 3 } })));
    await expectPackEqualsRows();
    await r.deals.softDelete(made.slice(0, 5).map((d) => d.id));
    await expectPackEqualsRows();
    await r.deals.restore([made[0]!.id]);
    await expectPackEqualsRows();
    await r.deals.purge(made.slice(1, 5).map((d) => d.id));
    await expectPackEqualsRows();
  });

  it('through a sheet write: several repository calls in one transaction of deals and history', async () => {
    const r = repos(db);
    const c = await r.customers.create({ name: 'A', code: 'C1' });
    const [d1, d2] = await r.deals.createMany([
      { customerId: c.id, code: 'D1', stage: 'won', amount: 1 },
      { customerId: c.id, code: 'D2', stage: 'won', amount: 2 },
    ]);
    await expectPackEqualsRows();
    await db.transaction('rw', [db.deals, db.history], async () => {
      await r.deals.updateMany([{ id: d1!.id, patch: { amount: 10 } }]);
      await r.deals.softDelete([d2!.id]);
      await r.deals.createMany([{ customerId: c.id, code: 'D3', stage: 'lost' }]);
    });
    await expectPackEqualsRows();
  });

  it('an aborted write leaves both the rows and the packed copy as they were', async () => {
    const r = repos(db);
    const c = await r.customers.create({ name: 'A', code: 'C1' });
    const [d1] = await r.deals.createMany([{ customerId: c.id, code: 'D1', stage: 'won', amount: 1 }]);
    await readDealPack(db);
    await expect(
      db.transaction('rw', [db.deals, db.history], async () => {
        await r.deals.update(d1!.id, { amount: 99 });
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect(await db.dealPack.count()).toBe(DEAL_PACK_BUCKETS);
    expect((await db.deals.get(d1!.id))?.amount).toBe(1);
    await expectPackEqualsRows();
  });

  it('through import commit and import undo', async () => {
    await expectPackEqualsRows();
    const first = await importDeals(
      '订单号,客户名称,阶段,金额,成交日期\nD1,甲公司,won,1,2025-01-02\nD2,乙公司,won,2,2025-01-03\nD3,甲公司,lost,3,2025-01-04\n',
    );
    expect(first.counts).toMatchObject({ created: 3 });
    await expectPackEqualsRows();
    const second = await importDeals('订单号,客户名称,金额\nD1,甲公司,7\nD4,丙公司,4\n');
    expect(second.counts).toMatchObject({ created: 1, updated: 1 });
    await expectPackEqualsRows();
    await undoImport(db, second.record?.id ?? '');
    await expectPackEqualsRows();
    await undoImport(db, first.record?.id ?? '');
    expect(await db.deals.count()).toBe(0);
    await expectPackEqualsRows();
  });

  it('through sample data load and removal', async () => {
    const data = generateSampleData({
      today: '2025-06-30',
      counts: { customers: 30, deals: 600, interactions: 10 },
    });
    await loadSampleData(db, data);
    await expectPackEqualsRows();
    await removeSampleData(db);
    expect(await db.deals.count()).toBe(0);
    await expectPackEqualsRows();
  });

  it('through backup restore and undo, which never carry the packed copy', async () => {
    const r = repos(db);
    const c = await r.customers.create({ name: 'A', code: 'C1' });
    await r.deals.createMany([{ customerId: c.id, code: 'D1', stage: 'won', amount: 1 }]);
    await readDealPack(db);
    const file = await createBackup(db);
    expect(await file.text()).not.toContain('"bucket":');

    const other = freshDb();
    const rc = await repos(other).customers.create({ name: 'B', code: 'C9' });
    await repos(other).deals.createMany([
      { customerId: rc.id, code: 'D8', stage: 'won', amount: 8 },
      { customerId: rc.id, code: 'D9', stage: 'need', amount: 9 },
    ]);
    await readDealPack(other);
    await restoreBackup(other, file);
    await expectPackEqualsRows(other);
    expect(await other.deals.count()).toBe(1);
    await undoRestore(other);
    expect(await other.deals.count()).toBe(2);
    await expectPackEqualsRows(other);
  });

  it('through clearing the table and deleting by a key range', async () => {
    const r = repos(db);
    const c = await r.customers.create({ name: 'A', code: 'C1' });
    await r.deals.createMany(Array.from({ length: 30 }, (_, i) => ({ customerId: c.id, code: `D${i}` })));
    await readDealPack(db);
    await db.deals.where(':id').below('8').delete();
    await expectPackEqualsRows();
    await db.deals.clear();
    await expectPackEqualsRows();
  });

  it('property: after any sequence of writes, the packed copy equals the rows', async () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('create' as const), amount: fc.nat(10_000) }),
      fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(), amount: fc.nat(10_000) }),
      fc.record({ kind: fc.constant('trash' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('restore' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('read' as const) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 15 }), async (ops) => {
        const target = freshDb();
        const r = repos(target);
        const c = await r.customers.create({ name: 'A', code: 'C1' });
        const ids: string[] = [];
        for (const o of ops) {
          const id = ids.length > 0 && 'pick' in o ? ids[o.pick % ids.length] : undefined;
          if (o.kind === 'create') {
            const [d] = await r.deals.createMany([{ customerId: c.id, stage: 'won', amount: o.amount }]);
            ids.push(d!.id);
          } else if (o.kind === 'edit' && id) await r.deals.update(id, { amount: o.amount });
          else if (o.kind === 'trash' && id) await r.deals.softDelete([id]);
          else if (o.kind === 'restore' && id) await r.deals.restore([id]);
          else if (o.kind === 'read') await readDealPack(target);
        }
        await expectPackEqualsRows(target);
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});
