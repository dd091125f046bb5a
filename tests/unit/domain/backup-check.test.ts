import { describe, expect, it } from 'vitest';
import {
  BACKUP_PROBLEMS_SHOWN,
  backupCustomerIds,
  checkBackupRows,
  compareCounts,
  type BackupRowReport,
} from '../../../src/domain/backup-check';
import type { BaseTableName } from '../../../src/domain/types';

const meta = { createdAt: 1, updatedAt: 2, deletedAt: null, batchId: '' };
const customer = { id: 'c1', ...meta, name: '华强', code: 'C1' };
const deal = { id: 'd1', ...meta, customerId: 'c1', code: 'D1', amount: 100, stage: 'won' };

function check(table: BaseTableName, rows: unknown[], customers: unknown[] = [customer]): BackupRowReport {
  const report: BackupRowReport = { problems: [], total: 0 };
  checkBackupRows(table, rows, 0, rows.length, backupCustomerIds(customers), new Set(), report);
  return report;
}

describe('checkBackupRows', () => {
  it.each<[string, BaseTableName, unknown, [string, string][]]>([
    ['a valid customer', 'customers', customer, []],
    ['a valid deal', 'deals', deal, []],
    ['an amount that is text', 'deals', { ...deal, amount: 'abc' }, [['amount', 'bad-type']]],
    ['an unknown stage', 'deals', { ...deal, stage: 'maybe' }, [['stage', 'bad-choice']]],
    [
      'a customer not in the file',
      'deals',
      { ...deal, customerId: 'c9' },
      [['customerId', 'unknown-customer']],
    ],
    ['a name that is an object', 'customers', { ...customer, name: { a: 1 } }, [['name', 'bad-type']]],
    ['a blank name', 'customers', { ...customer, name: ' ' }, [['name', 'required']]],
    ['no id', 'customers', { ...customer, id: '' }, [['id', 'bad-type']]],
    ['a text timestamp', 'customers', { ...customer, updatedAt: 'x' }, [['updatedAt', 'bad-type']]],
    ['an unknown field', 'customers', { ...customer, colour: 'red' }, [['colour', 'bad-type']]],
    ['a row that is not an object', 'customers', 'oops', [['id', 'bad-type']]],
    [
      'a customer merged into another',
      'customers',
      { ...customer, deletedAt: 3, mergedInto: { id: 'c2', label: 'C2 · 华强' } },
      [],
    ],
    [
      'a merge mark of the wrong shape',
      'customers',
      { ...customer, mergedInto: 'c2' },
      [['mergedInto', 'bad-type']],
    ],
    [
      'an interaction with a bad date',
      'interactions',
      { id: 'i1', ...meta, customerId: 'c1', date: '2024-02-30', channel: 'phone', type: 'care' },
      [['date', 'bad-date']],
    ],
    // A product line's cost ratio: a percent, or null; a backup from before the field has none.
    [
      'a product line with a cost ratio',
      'productLines',
      { id: 'p1', ...meta, name: '泵', costRatio: 55 },
      [],
    ],
    ['a product line without one', 'productLines', { id: 'p1', ...meta, name: '泵', costRatio: null }, []],
    ['an older product line row', 'productLines', { id: 'p1', ...meta, name: '泵' }, []],
    [
      'a cost ratio over 100 %',
      'productLines',
      { id: 'p1', ...meta, name: '泵', costRatio: 150 },
      [['costRatio', 'out-of-range']],
    ],
    // A warning (USCC check character) is the owner's data: it does not refuse the file.
    ['a tax ID with a wrong check character', 'customers', { ...customer, taxId: '91440300715267260X' }, []],
  ])('%s', (_, table, row, expected) => {
    const { problems } = check(table, [row]);
    expect(problems.map((p) => [p.field, p.code])).toEqual(expected);
    for (const p of problems) expect(p).toMatchObject({ table, row: 1 });
  });

  it('names a row by position, code and field, and finds duplicate ids across slices', () => {
    const rows = [deal, { ...deal, code: 'D2', paidAmount: -5 }, { ...deal, code: 'D3' }];
    const report: BackupRowReport = { problems: [], total: 0 };
    const ids = backupCustomerIds([customer]);
    const seen = new Set<string>();
    checkBackupRows('deals', rows, 0, 2, ids, seen, report);
    checkBackupRows('deals', rows, 2, 3, ids, seen, report);
    expect(report.problems).toEqual([
      { table: 'deals', row: 2, label: 'D2', field: 'id', code: 'duplicate-id', value: 'd1' },
      { table: 'deals', row: 2, label: 'D2', field: 'paidAmount', code: 'negative', value: -5 },
      { table: 'deals', row: 3, label: 'D3', field: 'id', code: 'duplicate-id', value: 'd1' },
    ]);
  });

  it('keeps the first problems in full and counts the rest', () => {
    const rows = Array.from({ length: 50 }, (_, i) => ({ ...deal, id: `d${i}`, amount: 'x' }));
    const report = check('deals', rows);
    expect(report.problems).toHaveLength(BACKUP_PROBLEMS_SHOWN);
    expect(report.total).toBe(50);
  });
});

describe('compareCounts', () => {
  it.each([
    [
      { customers: 3, deals: 5 },
      [
        ['customers', 3],
        ['deals', 5],
      ],
      [],
    ],
    [
      { customers: 300, deals: 4000 },
      [
        ['customers', 300],
        ['deals', 1281],
      ],
      [{ table: 'deals', expected: 4000, found: 1281 }],
    ],
    [{ customers: 3 }, [], [{ table: 'customers', expected: 3, found: null }]],
  ] as const)('%o against %o', (expected, found, problems) => {
    expect(compareCounts(expected, new Map(found))).toEqual(problems);
  });
});
