import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { emptyFields } from '../../../src/domain/defaults';
import type { Customer, Deal, Interaction, ProductLine } from '../../../src/domain/types';
import { repos } from '../../../src/storage/repos';
import { countOrphans } from '../../../src/storage/customer-merge';
import {
  countOwnRowsOnSample,
  hasSampleData,
  loadSampleData,
  removeSampleData,
  type SampleDataSet,
} from '../../../src/storage/sample-data-store';
import { freshDb } from './helpers';

const meta = (id: string) => ({ id, createdAt: 1, updatedAt: 1, deletedAt: null, batchId: 'sample' });

function sampleSet(): SampleDataSet {
  const customers: Customer[] = [
    { ...emptyFields('customers'), ...meta('s-c1'), name: '样例：华东机电' },
    { ...emptyFields('customers'), ...meta('s-c2'), name: '样例：南方五金' },
  ];
  const productLines: ProductLine[] = [{ ...emptyFields('productLines'), ...meta('s-p1'), name: '紧固件' }];
  const deals: Deal[] = [
    { ...emptyFields('deals'), ...meta('s-d1'), customerId: 's-c1', productLineId: 's-p1', amount: 880000 },
  ];
  const interactions: Interaction[] = [
    { ...emptyFields('interactions'), ...meta('s-i1'), customerId: 's-c2', date: '2024-05-06' },
  ];
  return { customers, deals, interactions, productLines };
}

describe('sample data', () => {
  it('loads every row in one go, with a marker and no per-row history', async () => {
    const db = freshDb();
    expect(await hasSampleData(db)).toBe(false);
    const marker = await loadSampleData(db, sampleSet());
    expect(await hasSampleData(db)).toBe(true);
    expect((await db.settings.get('sampleData'))?.value).toEqual(marker);
    expect([await db.customers.count(), await db.deals.count(), await db.interactions.count()]).toEqual([
      2, 1, 1,
    ]);
    expect(await db.productLines.get('s-p1')).toEqual(sampleSet().productLines[0]);
    expect(await db.history.count()).toBe(0);
  });

  it('loading twice replaces the set instead of failing or duplicating it', async () => {
    const db = freshDb();
    await loadSampleData(db, sampleSet());
    await loadSampleData(db, sampleSet());
    expect(await db.customers.count()).toBe(2);
  });

  it('removes only the sample rows (edited or trashed ones included), their history and the marker', async () => {
    const db = freshDb();
    const r = repos(db);
    const mine = await r.customers.create({ name: '我的真实客户' });
    await loadSampleData(db, sampleSet());
    await r.customers.update('s-c1', { notes: '试着改了一下' });
    await r.deals.softDelete(['s-d1']);
    expect(await removeSampleData(db)).toBe(5);
    expect(await hasSampleData(db)).toBe(false);
    expect((await db.customers.toArray()).map((c) => c.id)).toEqual([mine.id]);
    expect([await db.deals.count(), await db.interactions.count(), await db.productLines.count()]).toEqual([
      0, 0, 0,
    ]);
    expect((await db.history.toArray()).map((h) => h.rowId)).toEqual([mine.id]);
  });

  it('refuses rows that are not marked as sample, writing nothing', async () => {
    const db = freshDb();
    const set = sampleSet();
    set.deals[0] = { ...set.deals[0]!, batchId: '' };
    await expect(loadSampleData(db, set)).rejects.toMatchObject({ kind: 'validation' });
    expect(await db.customers.count()).toBe(0);
  });

  it('is all-or-nothing: a duplicate id aborts the whole load', async () => {
    const db = freshDb();
    const set = sampleSet();
    set.interactions.push({ ...set.interactions[0]! });
    await expect(loadSampleData(db, set)).rejects.toMatchObject({ name: 'AppStorageError' });
    expect(await db.customers.count()).toBe(0);
    expect(await hasSampleData(db)).toBe(false);
  });
});

describe('removing sample data never leaves orphans', () => {
  async function withOwnRows() {
    const db = freshDb();
    await loadSampleData(db, sampleSet());
    const r = repos(db);
    await r.customers.create({ name: '我的客户' });
    await r.interactions.create({ customerId: 's-c2', date: '2024-06-01', summary: '我记录的电话' });
    await r.deals.create({ customerId: 's-c1', code: 'MY-1', title: '我的订单' });
    return db;
  }

  it('keeps the sample customers that carry rows of the owner, as the owner’s', async () => {
    const db = await withOwnRows();
    expect(await countOwnRowsOnSample(db)).toEqual({ customers: 2, rows: 2 });
    await removeSampleData(db, 'keep-customers');
    expect(await countOrphans(db)).toEqual({ deals: 0, interactions: 0, productLines: 0 });
    const customers = await db.customers.toArray();
    expect(customers.map((c) => [c.name, c.batchId]).sort()).toEqual([
      ['我的客户', ''],
      ['样例：华东机电', ''],
      ['样例：南方五金', ''],
    ]);
    expect((await db.deals.toArray()).map((d) => d.code)).toEqual(['MY-1']);
    expect(await db.interactions.count()).toBe(1);
  });

  it('or removes the rows of the owner on sample customers with them', async () => {
    const db = await withOwnRows();
    await removeSampleData(db, 'remove-rows');
    expect(await countOrphans(db)).toEqual({ deals: 0, interactions: 0, productLines: 0 });
    expect((await db.customers.toArray()).map((c) => c.name)).toEqual(['我的客户']);
    expect([await db.deals.count(), await db.interactions.count()]).toEqual([0, 0]);
  });
});
