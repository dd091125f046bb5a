import { describe, expect, it } from 'vitest';
import { tableCsv, viewExportKeys } from '../../../../src/domain/csv/export-rows';
import { emptyFields } from '../../../../src/domain/defaults';
import type { Deal } from '../../../../src/domain/types';

describe('viewExportKeys', () => {
  it('keeps the view order and maps link fields to their code and name columns', () => {
    expect(viewExportKeys('deals', ['amount', 'customerId', 'code', 'productLineId'])).toEqual([
      'amount',
      'customerCode',
      'customerName',
      'code',
      'productLine',
    ]);
  });

  it('leaves out fields with no export column, and repeats none', () => {
    expect(viewExportKeys('customers', ['name', 'nope', 'code', 'name'])).toEqual(['name', 'code']);
    expect(viewExportKeys('interactions', [])).toEqual([]);
  });

  it('writes the given rows in the given order with only the view columns', () => {
    const deal = (code: string, amount: number): Deal =>
      ({ ...emptyFields('deals'), id: code, code, customerId: 'c1', amount }) as unknown as Deal;
    const lookups = {
      customers: new Map([['c1', { code: 'C1', name: 'Acme' }]]),
      productLines: new Map<string, string>(),
    };
    const keys = viewExportKeys('deals', ['amount', 'customerId']);
    const { csv, rows } = tableCsv('deals', [deal('D2', 250), deal('D1', 1000)], lookups, 'en', keys);
    expect(rows).toBe(2);
    expect(csv).toBe('Amount,Customer code,Customer\r\n2.50,C1,Acme\r\n10.00,C1,Acme\r\n');
  });
});
