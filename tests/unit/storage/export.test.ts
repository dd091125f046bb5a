import './helpers';
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { readCsv } from '../../../src/domain/csv/inspect';
import { createRowConverter } from '../../../src/domain/csv/convert';
import { exportAccountantPack, exportTable } from '../../../src/storage/export';
import { repos } from '../../../src/storage/repos';
import { freshDb } from './helpers';

describe('export', () => {
  it('a sheet exports as UTF-8 with BOM and CRLF, and imports back to the same fields', async () => {
    const db = freshDb();
    const r = repos(db);
    const c = await r.customers.create({
      code: 'C1',
      name: '=cmd|/c calc',
      walletEstimate: 123456,
      notes: '多行\n"引号"',
    });
    await r.customers.create({ code: 'C2', name: '在回收站' }).then((x) => r.customers.softDelete([x.id]));
    await r.deals.create({
      customerId: c.id,
      code: 'D1',
      amount: 100,
      stage: 'won',
      closeDate: '2024-01-05',
    });

    const file = await exportTable(db, 'customers', { language: 'zh-CN', encoding: 'utf-8-bom' });
    expect(file.rows).toBe(1);
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(file.bytes);
    expect(text).toContain("\r\nC1,'=cmd|/c calc,");
    expect(text).toContain(',1234.56,');

    const { inspection, records } = readCsv(file.bytes, 'customers');
    const convert = createRowConverter({ ...inspection, table: 'customers', decimalComma: false });
    const { createdAt: _c, updatedAt: _u, deletedAt: _d, batchId: _b, id: _i, ...fields } = c;
    expect(convert(records[0] ?? [], 2).fields).toEqual(fields);

    const deals = await exportTable(db, 'deals', { language: 'keys', encoding: 'gbk' });
    expect(new TextDecoder('gbk').decode(deals.bytes).split('\r\n')[1]).toMatch(
      /^D1,C1,'=cmd\|\/c calc,,,won,,2024-01-05,1\.00,/,
    );
  });

  it('the accountant pack is a zip of four CSV files', async () => {
    const db = freshDb();
    const r = repos(db);
    const c = await r.customers.create({ code: 'C1', name: '华强', taxId: '9144030071526726XG' });
    await r.deals.create({
      customerId: c.id,
      code: 'D1',
      amount: 100,
      paidAmount: 40,
      stage: 'won',
      closeDate: '2024-01-05',
    });
    const pack = await exportAccountantPack(db, {
      from: '2024-01-01',
      to: '2024-12-31',
      today: '2024-06-30',
      language: 'en',
      encoding: 'utf-8-bom',
    });
    expect(pack).toMatchObject({ wonDeals: 1, receivables: 1, unmappable: 0 });
    const files = unzipSync(pack.zip);
    expect(Object.keys(files)).toEqual(['customers.csv', 'won-deals.csv', 'receivables.csv', 'totals.csv']);
    expect(new TextDecoder().decode(files['receivables.csv'])).toContain('D1,C1,华强,,1.00,0.40,0.60,0');
  });
});
