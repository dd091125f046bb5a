import './helpers';
import type { DBCore } from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { createRowSource } from '../../../src/domain/csv/byte-source';
import { inspectCsv } from '../../../src/domain/csv/inspect';
import type { BaseTableName } from '../../../src/domain/types';
import type { KehuDb } from '../../../src/storage/db';
import { AppStorageError } from '../../../src/storage/errors';
import { runImport, type ImportSettings } from '../../../src/storage/import-commit';
import { countOrphans } from '../../../src/storage/customer-merge';
import { editedSinceImport, listImports, undoImport } from '../../../src/storage/import-undo';
import { repos } from '../../../src/storage/repos';
import { fixtureBytes } from '../domain/csv/helpers';
import { freshDb } from './helpers';

let db: KehuDb;
beforeEach(() => {
  db = freshDb();
});

const text = (s: string) => new TextEncoder().encode(s);

/** Runs the import of `bytes` the way the worker does (small slices to exercise batching). */
function importBytes(
  bytes: Uint8Array,
  table: BaseTableName,
  mode: 'analyse' | 'commit',
  options: Partial<ImportSettings> & { decimalComma?: boolean } = {},
) {
  const inspection = inspectCsv(bytes, false, table);
  const settings: ImportSettings = {
    table,
    matchKey: table === 'interactions' ? null : 'code',
    onMatch: 'update',
    createCustomers: false,
    onBadRow: 'skip',
    fileName: 'test.csv',
    columns: inspection.columns,
    mapping: inspection.mapping,
    ...options,
  };
  const source = createRowSource({
    table,
    size: bytes.length,
    readSlice: (start, end) => bytes.subarray(start, end),
    encoding: inspection.encoding,
    delimiter: inspection.delimiter,
    newline: inspection.newline,
    hasHeader: true,
    columns: inspection.columns,
    mapping: [...settings.mapping],
    decimalComma: options.decimalComma ?? false,
    dateOrders: inspection.dateOrders,
    sliceBytes: 64,
  });
  return runImport(db, settings, source.next, mode);
}

describe('import commit', () => {
  it('the GB18030 fixture with Chinese headers creates the customers, with no per-row history', async () => {
    const report = await importBytes(fixtureBytes('gb18030.csv'), 'customers', 'commit');
    expect(report.counts).toEqual({ created: 3, updated: 0, unchanged: 0, rejected: 0, customersCreated: 0 });
    const stored = await db.customers.orderBy('code').toArray();
    expect(stored.map((c) => [c.code, c.name, c.walletEstimate])).toEqual([
      ['C001', '深圳市华强电子有限公司', 250000000],
      ['C002', '杭州西湖茶业有限公司', null],
      ['C003', 'Acme Trading Ltd', 12000050],
    ]);
    expect(stored.every((c) => c.batchId === report.record?.id)).toBe(true);
    expect(await db.history.count()).toBe(0);
    expect(await listImports(db)).toEqual([report.record]);
  });

  it('analyse writes nothing and predicts the commit; a re-import updates only what changed', async () => {
    await importBytes(fixtureBytes('utf8.csv'), 'customers', 'commit');
    const changed = text(
      '客户编号,客户名称,地区\nC001,深圳市华强电子有限公司,华北\nC002,杭州西湖茶业有限公司,华东\nC004,新客户,\n',
    );
    const preview = await importBytes(changed, 'customers', 'analyse');
    expect(preview.counts).toMatchObject({ created: 1, updated: 1, unchanged: 1, rejected: 0 });
    expect(preview.updates).toEqual([
      {
        row: 2,
        key: 'C001',
        target: 'C001 · 深圳市华强电子有限公司',
        changes: [{ field: 'region', oldValue: '华南', newValue: '华北' }],
      },
    ]);
    expect(preview.record).toBeNull();
    expect(await db.customers.count()).toBe(3);

    const done = await importBytes(changed, 'customers', 'commit');
    expect(done.counts).toEqual(preview.counts);
    const c001 = await db.customers.where('code').equals('C001').first();
    expect(c001?.region).toBe('华北');
    expect(c001?.phone).toBe('13800138000');
    expect(await repos(db).customers.historyOf(c001?.id ?? '')).toMatchObject([
      {
        op: 'update',
        field: 'region',
        oldValue: '华南',
        newValue: '华北',
        actor: 'import',
        at: done.record?.at,
      },
    ]);
  });

  it('deals link to customers by code, else by normalised name, and report unknown customers', async () => {
    await importBytes(fixtureBytes('utf8.csv'), 'customers', 'commit');
    const deals = text(
      '订单号,客户编号,客户名称,金额\nD1,C001,,1\nD2,,  ACME trading ltd ,2\nD3,,没有这个客户,3\nD4,,,4\n',
    );
    const report = await importBytes(deals, 'deals', 'commit');
    expect(report.counts).toMatchObject({ created: 2, rejected: 2 });
    expect(report.problems.map((p) => [p.row, p.column, p.value, p.reason])).toEqual([
      [4, '客户名称', '没有这个客户', 'unknown-customer'],
      [5, '客户名称', '', 'missing-customer'],
    ]);
    const byCode = new Map((await db.customers.toArray()).map((c) => [c.code, c.id]));
    const stored = await db.deals.orderBy('code').toArray();
    expect(stored.map((d) => [d.code, d.customerId, d.amount])).toEqual([
      ['D1', byCode.get('C001'), 100],
      ['D2', byCode.get('C003'), 200],
    ]);
  });

  it('creates unknown customers on request, once per name', async () => {
    const deals = text('订单号,客户名称,金额\nD1,新公司,1\nD2,新公司,2\nD3,另一家,3\n');
    const report = await importBytes(deals, 'deals', 'commit', { createCustomers: true });
    expect(report.counts).toMatchObject({ created: 3, customersCreated: 2 });
    expect((await db.customers.toArray()).map((c) => c.name).sort()).toEqual(['另一家', '新公司']);
    await undoImport(db, report.record?.id ?? '');
    expect(await db.customers.count()).toBe(0);
    expect(await db.deals.count()).toBe(0);
  });

  it('bad rows are skipped and listed, or stop the import with nothing written', async () => {
    await importBytes(fixtureBytes('utf8.csv'), 'customers', 'commit');
    const skipped = await importBytes(fixtureBytes('bad-rows.csv'), 'deals', 'analyse');
    expect(skipped.counts).toMatchObject({ created: 2, rejected: 3 });
    expect(skipped.rejected.map((r) => [r.row, r.record[0], r.problems[0]?.reason])).toEqual([
      [3, 'B002', 'bad-number'],
      [4, 'B003', 'bad-date'],
      [5, 'B004', 'bad-choice'],
    ]);
    const stopped = await importBytes(fixtureBytes('bad-rows.csv'), 'deals', 'commit', { onBadRow: 'stop' });
    expect(stopped.stoppedAt).toMatchObject({ row: 3, column: '金额', reason: 'bad-number' });
    expect(stopped.record).toBeNull();
    expect(await db.deals.count()).toBe(0);
    expect(await db.imports.count()).toBe(1);
    // The commit counts its rejected rows but keeps none: their file comes from the dry run.
    const committed = await importBytes(fixtureBytes('bad-rows.csv'), 'deals', 'commit');
    expect(committed.counts).toMatchObject({ created: 2, rejected: 3 });
    expect(committed.rejected).toEqual([]);
  });

  it('the same key twice in a file: the second row is rejected', async () => {
    const report = await importBytes(text('客户编号,客户名称\nX1,甲\nx1 ,乙\n'), 'customers', 'commit');
    expect(report.counts).toMatchObject({ created: 1, rejected: 1 });
    expect(report.problems[0]).toMatchObject({ row: 3, column: '客户编号', reason: 'duplicate-key' });
  });

  it('a full disk mid-import leaves the data exactly as it was', async () => {
    await importBytes(fixtureBytes('utf8.csv'), 'customers', 'commit');
    const before = await db.customers.toArray();
    db.close();
    db.use({
      stack: 'dbcore',
      name: 'quota-on-history',
      create: (down: DBCore): DBCore => ({
        ...down,
        table: (name) => {
          const t = down.table(name);
          return name !== 'history'
            ? t
            : { ...t, mutate: () => Promise.reject(new DOMException('full', 'QuotaExceededError')) };
        },
      }),
    });
    await db.open();
    const changed = text('客户编号,客户名称,地区\nC001,深圳市华强电子有限公司,华北\nC009,新,\n');
    const error = await importBytes(changed, 'customers', 'commit').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppStorageError);
    expect((error as AppStorageError).kind).toBe('quota');
    expect(await db.customers.toArray()).toEqual(before);
    expect(await db.imports.count()).toBe(1);
  });
});

describe('customers import: unique codes and the key the owner picks', () => {
  it('refuses a code a live customer holds, naming it, and a code given twice in the file', async () => {
    await importBytes(fixtureBytes('utf8.csv'), 'customers', 'commit');
    const file = text(
      '客户编号,客户名称,统一社会信用代码\nｃ001 ,华成电子,91350100M000100Y43\nC009,甲,\nc009,乙,\n',
    );
    const report = await importBytes(file, 'customers', 'analyse', { matchKey: 'taxId' });
    expect(report.counts).toMatchObject({ created: 1, updated: 0, rejected: 2 });
    expect(report.problems.map((p) => [p.row, p.reason, p.other])).toEqual([
      [2, 'duplicate-code', 'C001 · 深圳市华强电子有限公司'],
      [4, 'duplicate-code', 'C009 · 甲'],
    ]);
  });

  it('updates customers keyed by 统一社会信用代码 or by normalised name, naming each one', async () => {
    await importBytes(fixtureBytes('utf8.csv'), 'customers', 'commit');
    const byTaxId = text('统一社会信用代码,地区\n9144 0300 7152 6726 XG,华北\n');
    const preview = await importBytes(byTaxId, 'customers', 'analyse', { matchKey: 'taxId' });
    expect(preview.counts).toMatchObject({ created: 0, updated: 1, unchanged: 0, rejected: 0 });
    expect(preview.updates[0]?.target).toBe('C001 · 深圳市华强电子有限公司');
    const committed = await importBytes(byTaxId, 'customers', 'commit', { matchKey: 'taxId' });
    expect(committed.counts).toEqual(preview.counts);
    expect((await db.customers.where('code').equals('C001').first())?.region).toBe('华北');

    const byName = text('客户名称,地区\n华强电子（深圳）,华中\n西湖茶业有限公司,华东\n');
    const named = await importBytes(byName, 'customers', 'commit', { matchKey: 'name' });
    // Both rows find their customer; the file's spelling of the name is written like any other field.
    expect(named.counts).toMatchObject({ created: 0, updated: 2, rejected: 0 });
    const c001 = await db.customers.where('code').equals('C001').first();
    expect([c001?.name, c001?.region]).toEqual(['华强电子（深圳）', '华中']);
    expect(await db.customers.count()).toBe(3);
  });
});

describe('undo import', () => {
  it('removes created rows and restores updated fields, keeping later edits', async () => {
    const first = await importBytes(fixtureBytes('utf8.csv'), 'customers', 'commit');
    const before = await db.customers.orderBy('code').toArray();
    const second = await importBytes(
      text('客户编号,客户名称,地区,联系人\nC001,深圳市华强电子有限公司,华北,张三\nC005,新客户,,\n'),
      'customers',
      'commit',
    );
    expect(second.counts).toMatchObject({ created: 1, updated: 1 });
    const c001 = (await db.customers.where('code').equals('C001').first())!;
    await repos(db).customers.update(c001.id, { contactName: '李四' });

    expect(await undoImport(db, second.record?.id ?? '')).toEqual({
      removed: 1,
      restored: 1,
      kept: 1,
      keptRows: 0,
      keptEdited: 0,
    });
    const after = await db.customers.orderBy('code').toArray();
    expect(after.map((c) => c.code)).toEqual(['C001', 'C002', 'C003']);
    expect(after[0]).toMatchObject({ region: before[0]?.region, contactName: '李四' });
    expect((await listImports(db)).map((r) => [r.id, r.status])).toEqual([
      [second.record?.id, 'undone'],
      [first.record?.id, 'committed'],
    ]);
    const undo = await undoImport(db, second.record?.id ?? '').catch((e: unknown) => e);
    expect((undo as AppStorageError).kind).toBe('not-found');
  });
});

describe('no orphans after imports and their undo', () => {
  it('leaves no deal or contact pointing at a missing customer at any step', async () => {
    const orphans = () => countOrphans(db);
    const none = { deals: 0, interactions: 0, productLines: 0 };
    const customers = await importBytes(fixtureBytes('utf8.csv'), 'customers', 'commit');
    expect(await orphans()).toEqual(none);
    const deals = await importBytes(
      text('订单号,客户编号,客户名称,金额\nSO-1,C001,,100\nSO-2,C777,新客户,200\n'),
      'deals',
      'commit',
      { createCustomers: true },
    );
    expect(deals.counts).toMatchObject({ created: 2, customersCreated: 1 });
    expect(await orphans()).toEqual(none);
    const c777 = (await db.customers.where('code').equals('C777').first())!;
    await repos(db).interactions.create({
      customerId: c777.id,
      date: '2026-03-01',
      summary: '后来记录的电话',
    });
    await undoImport(db, deals.record?.id ?? '');
    expect(await orphans()).toEqual(none);
    await undoImport(db, customers.record?.id ?? '');
    expect(await orphans()).toEqual(none);
  });
});

describe('undo of a customers import', () => {
  it('keeps created customers that deals added since point to', async () => {
    const customers = await importBytes(fixtureBytes('utf8.csv'), 'customers', 'commit');
    const c1 = (await db.customers.where('code').equals('C001').first())!;
    await repos(db).deals.create({ customerId: c1.id, code: 'D-LATER', amount: 1 });
    expect(await undoImport(db, customers.record?.id ?? '')).toMatchObject({ removed: 2, keptRows: 1 });
    expect((await db.customers.toArray()).map((c) => c.code)).toEqual(['C001']);
  });
});

describe('undo of an import never drops later work (issue 24)', () => {
  it('keeps a created row changed after the import, with the change, and names it beforehand', async () => {
    const customers = await importBytes(fixtureBytes('utf8.csv'), 'customers', 'commit');
    const record = customers.record!;
    const c2 = (await db.customers.where('code').equals('C002').first())!;
    await repos(db).customers.update(c2.id, { contactName: '手工填写' });
    const later = await editedSinceImport(db, record);
    expect(later.total).toBe(1);
    expect(later.labels).toEqual([c2.name]);

    expect(await undoImport(db, record.id)).toMatchObject({ removed: 2, keptEdited: 1 });
    expect(await db.customers.toArray()).toEqual([
      expect.objectContaining({ code: 'C002', contactName: '手工填写' }),
    ]);
  });

  it('keeps a created product line that a deal added since names', async () => {
    const lines = await importBytes(
      text('产品线编号,产品线\nPL1,螺丝\nPL2,螺母\n'),
      'productLines',
      'commit',
    );
    const pl1 = (await db.productLines.where('code').equals('PL1').first())!;
    const c = await repos(db).customers.create({ name: '客户' });
    await repos(db).deals.create({ customerId: c.id, productLineId: pl1.id, amount: 1 });
    expect(await undoImport(db, lines.record?.id ?? '')).toMatchObject({ removed: 1, keptRows: 1 });
    expect((await db.productLines.toArray()).map((p) => p.code)).toEqual(['PL1']);
  });
});
