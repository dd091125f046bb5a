/**
 * One focused test per dangling link the orphan property test (orphans.property.test.ts) found.
 */
import './helpers';
import './blob-reader-polyfill';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { createRowSource } from '../../../src/domain/csv/byte-source';
import { inspectCsv } from '../../../src/domain/csv/inspect';
import { emptyFields } from '../../../src/domain/defaults';
import type { BaseTableName } from '../../../src/domain/types';
import { createBackup, restoreBackup, undoRestore, workSinceRestore } from '../../../src/storage/backup';
import { countOrphans, mergeCustomers } from '../../../src/storage/customer-merge';
import type { KehuDb } from '../../../src/storage/db';
import { runImport } from '../../../src/storage/import-commit';
import { undoImport } from '../../../src/storage/import-undo';
import { repos } from '../../../src/storage/repos';
import { loadSampleData, removeSampleData, type SampleDataSet } from '../../../src/storage/sample-data-store';
import { freshDb } from './helpers';

const NONE = { deals: 0, interactions: 0, productLines: 0 };

async function importCsv(db: KehuDb, table: BaseTableName, csv: string, createCustomers = false) {
  const bytes = new TextEncoder().encode(csv);
  const inspection = inspectCsv(bytes, false, table);
  const source = createRowSource({
    table,
    size: bytes.length,
    readSlice: (start, end) => bytes.subarray(start, end),
    encoding: inspection.encoding,
    delimiter: inspection.delimiter,
    newline: inspection.newline,
    hasHeader: true,
    columns: inspection.columns,
    mapping: [...inspection.mapping],
    decimalComma: false,
    dateOrders: inspection.dateOrders,
  });
  const settings = {
    table,
    matchKey: table === 'interactions' ? null : ('code' as const),
    onMatch: 'update' as const,
    createCustomers,
    onBadRow: 'skip' as const,
    fileName: `${table}.csv`,
    columns: inspection.columns,
    mapping: inspection.mapping,
  };
  const report = await runImport(db, settings, source.next, 'commit');
  return report.record?.id ?? '';
}

const meta = (id: string) => ({ id, createdAt: 1, updatedAt: 1, deletedAt: null, batchId: 'sample' });

function sampleSet(): SampleDataSet {
  return {
    customers: [{ ...emptyFields('customers'), ...meta('s-c1'), code: 'S1', name: '样例：华东机电' }],
    productLines: [{ ...emptyFields('productLines'), ...meta('s-p1'), code: 'SP1', name: '紧固件' }],
    deals: [
      { ...emptyFields('deals'), ...meta('s-d1'), code: 'SD1', customerId: 's-c1', productLineId: 's-p1' },
    ],
    interactions: [],
  };
}

describe('dangling links found by the orphan property test', () => {
  it('a backup taken after a merge restores, the merged customer still marked', async () => {
    const db = freshDb();
    const r = repos(db);
    const [a, b] = await r.customers.createMany([
      { code: 'C1', name: '华成电子' },
      { code: 'C2', name: '华成' },
    ]);
    await r.deals.create({ customerId: b!.id, code: 'D1' });
    await mergeCustomers(db, {
      keepId: a!.id,
      otherId: b!.id,
      fields: {},
      seen: { keep: a!.updatedAt, other: b!.updatedAt },
    });
    const before = await db.customers.toArray();
    await restoreBackup(db, await createBackup(db));
    expect(await db.customers.toArray()).toEqual(before);
    expect((await db.customers.get(b!.id)) as unknown).toMatchObject({ mergedInto: { id: a!.id } });
    await Dexie.delete(`${db.name}-pre-restore`);
  });

  it('loading the sample set again keeps the sample customer and product line the owner kept', async () => {
    const db = freshDb();
    await loadSampleData(db, sampleSet());
    await repos(db).deals.create({ customerId: 's-c1', productLineId: 's-p1', code: 'MY-1' });
    await removeSampleData(db, 'keep-customers');
    await loadSampleData(db, sampleSet());
    expect((await db.customers.toArray()).map((c) => [c.id, c.batchId])).toEqual([['s-c1', '']]);
    expect((await db.productLines.toArray()).map((p) => [p.id, p.batchId])).toEqual([['s-p1', '']]);
    expect((await db.deals.orderBy('code').toArray()).map((d) => d.code)).toEqual(['MY-1', 'SD1']);
  });

  it('removing the sample data keeps a sample product line that a deal of the owner names', async () => {
    const db = freshDb();
    await loadSampleData(db, sampleSet());
    const mine = await repos(db).customers.create({ code: 'C1', name: '我的客户' });
    await repos(db).deals.create({ customerId: mine.id, productLineId: 's-p1', code: 'MY-1' });
    await removeSampleData(db, 'keep-customers');
    expect(await countOrphans(db)).toEqual(NONE);
    expect(await db.productLines.get('s-p1')).toMatchObject({ name: '紧固件', batchId: '' });
  });

  it('undo of an import that moved a deal never points it back at a customer removed since', async () => {
    const db = freshDb();
    const customers = await importCsv(db, 'customers', 'Customer code,Name\nC1,华成电子\n');
    await importCsv(db, 'deals', 'Order no.,Customer code,Amount\nD1,C1,100\n');
    const moved = await importCsv(db, 'deals', 'Order no.,Customer code,Amount\nD1,C3,100\n', true);
    await undoImport(db, customers);
    expect(await db.customers.where('code').equals('C1').count()).toBe(0);
    const result = await undoImport(db, moved);
    expect(await countOrphans(db)).toEqual(NONE);
    expect(result.kept).toBe(1);
    const c3 = await db.customers.where('code').equals('C3').first();
    expect((await db.deals.toArray()).map((d) => d.customerId)).toEqual([c3?.id]);
  });

  it('undo of a restore names and keeps a customer imported since, and the contact typed on it', async () => {
    const db = freshDb();
    const r = repos(db);
    await r.customers.create({ code: 'C1', name: '华成电子' });
    await restoreBackup(db, await createBackup(db));
    await importCsv(db, 'customers', 'Customer code,Name\nC2,瑞丰贸易\n');
    const c2 = (await db.customers.where('code').equals('C2').first())!;
    await r.interactions.create({ customerId: c2.id, date: '2026-03-01', summary: '电话' });
    // The imported customer has no history of its own: it is named as later work all the same.
    const later = await workSinceRestore(db);
    expect(later?.counts).toEqual({ customers: 1, interactions: 1 });
    expect(later?.labels).toContain('瑞丰贸易');
    await undoRestore(db);
    expect(await countOrphans(db)).toEqual(NONE);
    expect((await db.customers.orderBy('code').toArray()).map((c) => c.code)).toEqual(['C1', 'C2']);
    await Dexie.delete(`${db.name}-pre-restore`);
  });
});
