import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Customer } from '../../../src/domain/types';
import { orderedIndexFor, readInIndexOrder } from '../../../src/state/sheet-order';
import { getDb } from '../../../src/storage/db';
import { customerRow } from './customer-row';

function customer(i: number, code: string | undefined, extra: Partial<Customer> = {}): Customer {
  return customerRow(i, { code, ...extra } as Partial<Customer>);
}

/** The order the grid sorts by code into: code by `<`, then the order rows came in (id). */
function gridOrder(rows: Customer[]): string[] {
  return [...rows]
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.id < b.id ? -1 : 1))
    .map((r) => r.id);
}

async function readAll(page: number, first: number) {
  const pages: Customer[][] = [];
  const rows = await readInIndexOrder<Customer>('customers', 'code', page, first)((p) => pages.push([...p]));
  return { rows, pages };
}

afterEach(async () => {
  await getDb().customers.clear();
});

describe('orderedIndexFor', () => {
  it('follows one ascending sort on an indexed text column, else reads by primary key', () => {
    expect(orderedIndexFor('customers', [{ colId: 'code', descending: false }])).toBe('code');
    expect(orderedIndexFor('customers', [{ colId: 'taxId', descending: false }])).toBe('taxId');
    expect(orderedIndexFor('customers', [{ colId: 'code', descending: true }])).toBeNull();
    expect(orderedIndexFor('customers', [{ colId: 'name', descending: false }])).toBeNull();
    expect(orderedIndexFor('customers', [])).toBeNull();
    expect(
      orderedIndexFor('customers', [
        { colId: 'code', descending: false },
        { colId: 'name', descending: false },
      ]),
    ).toBeNull();
    expect(orderedIndexFor('interactions', [{ colId: 'date', descending: false }])).toBeNull();
  });
});

describe('readInIndexOrder', () => {
  it('reads every row once in the order the grid sorts them, page by page, the first page smaller', async () => {
    // Codes in an order unrelated to the ids, with a few shared codes, one code with more rows than
    // a page, a trashed row and the empty code.
    const codes = Array.from({ length: 57 }, (_, i) => `C${String((i * 37) % 41).padStart(3, '0')}`);
    for (let i = 0; i < 14; i += 1) codes.push('C999');
    codes.push('', '');
    const rows = codes.map((code, i) => customer(i, code, i === 5 ? { deletedAt: 9 } : {}));
    await getDb().customers.bulkAdd([...rows].reverse());
    const read = await readAll(10, 4);
    expect(read.rows.map((r) => r.id)).toEqual(gridOrder(rows));
    expect(read.pages.map((p) => p.length)).toEqual([4, 10, 10, 10, 10, 10, 10, 9]);
    expect(read.pages.flat().map((r) => r.id)).toEqual(read.rows.map((r) => r.id));
    // Pages smaller than the run of 'C999': its rows are skipped by count within the shared code.
    expect((await readAll(3, 3)).rows.map((r) => r.id)).toEqual(gridOrder(rows));
  });

  it('hands on rows the index does not hold (no code) as a last page', async () => {
    const rows = [customer(1, 'B'), customer(2, undefined), customer(3, 'A'), customer(4, undefined)];
    await getDb().customers.bulkAdd(rows);
    const read = await readAll(2, 2);
    expect(read.pages.map((p) => p.map((r) => r.id))).toEqual([
      ['id-00003', 'id-00001'],
      ['id-00002', 'id-00004'],
    ]);
    expect(read.rows).toHaveLength(4);
  });

  it('reads an empty table as no page', async () => {
    const read = await readAll(10, 5);
    expect(read.rows).toEqual([]);
    expect(read.pages).toEqual([]);
  });
});
