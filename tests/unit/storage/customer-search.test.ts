import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { emptyFields } from '../../../src/domain/defaults';
import type { Customer } from '../../../src/domain/types';
import { searchCustomers, searchKey } from '../../../src/storage/customer-search';
import { freshDb } from './helpers';

function customer(i: number, name: string, deleted = false): Customer {
  return {
    ...emptyFields('customers'),
    id: `id-${String(i).padStart(5, '0')}`,
    code: `C${String(i).padStart(5, '0')}`,
    name,
    createdAt: 1,
    updatedAt: 1,
    deletedAt: deleted ? 2 : null,
  } as Customer;
}

describe('searchCustomers', () => {
  it('finds codes by prefix first, then names and codes containing the text, active only', async () => {
    const db = freshDb();
    await db.customers.bulkAdd([
      customer(1, 'Acme Trading'),
      customer(2, 'Beta c00012 Foods'),
      customer(12, 'Gamma'),
      customer(120, 'Delta', true),
      customer(121, 'Epsilon'),
    ]);
    const codes = async (text: string, limit?: number) =>
      (await searchCustomers(db, text, limit)).map((c) => c.code);
    // C00012 by its code's prefix, C00002 by its name; C00120 is in the trash.
    expect(await codes('c0001')).toEqual(['C00012', 'C00002']);
    expect(await codes('0012')).toEqual(['C00002', 'C00012', 'C00121']);
    expect(await codes('  TRADING ')).toEqual(['C00001']);
    expect(await codes('C00012 · Gamma')).toEqual(['C00012', 'C00002']);
    expect(await codes('')).toEqual(['C00001', 'C00002', 'C00012', 'C00121']);
    expect(await codes('delta')).toEqual([]);
    expect(await codes('c000', 2)).toEqual(['C00001', 'C00002']);
  });

  it('pages through a large table and stops at the limit', { timeout: 60_000 }, async () => {
    const db = freshDb();
    const rows = Array.from({ length: 4_500 }, (_, i) =>
      customer(i, i % 1000 === 999 ? `Rare ${i}` : 'Common'),
    );
    await db.customers.bulkAdd(rows);
    const rare = await searchCustomers(db, 'rare', 50);
    expect(rare.map((c) => c.name)).toEqual(['Rare 999', 'Rare 1999', 'Rare 2999', 'Rare 3999']);
    expect(await searchCustomers(db, 'common', 50)).toHaveLength(50);
  });

  it('finds Chinese names by full pinyin and by initials', async () => {
    const db = freshDb();
    await db.customers.bulkAdd([
      customer(1, '深圳瑞丰贸易有限公司'),
      customer(2, '北京恒泰科技有限公司'),
      customer(3, '深圳宏远商贸有限公司', true),
      customer(4, 'Shenzhen Bay Trading'),
      customer(5, '重庆银行'),
    ]);
    const codes = async (text: string) => (await searchCustomers(db, text)).map((c) => c.code);
    expect(await codes('sz')).toEqual(['C00001']);
    expect(await codes('shenzhen')).toEqual(['C00001', 'C00004']);
    expect(await codes('BJ')).toEqual(['C00002']);
    expect(await codes('cqyh')).toEqual(['C00005']);
    expect(await codes('ruifeng')).toEqual(['C00001']);
    expect(await codes('bj hengtai')).toEqual([]);
  });

  it('reads a picked "code · name" label as its code', () => {
    expect(searchKey('C0001 · Acme Trading')).toBe('c0001');
    expect(searchKey(' Ｃ0001 ')).toBe('c0001');
  });
});
