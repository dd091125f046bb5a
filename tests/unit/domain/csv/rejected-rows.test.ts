import { describe, expect, it } from 'vitest';
import type { RowProblem } from '../../../../src/domain/csv/convert';
import {
  rejectedRowsCsv,
  rejectedRowsInfo,
  type RejectedRow,
} from '../../../../src/domain/csv/rejected-rows';

const problem = (row: number, column: string, reason: RowProblem['reason']): RowProblem => ({
  row,
  column,
  value: '',
  reason,
  severity: 'error',
});

const rows: RejectedRow[] = [
  { row: 3, record: ['B002', '十块钱'], problems: [problem(3, '金额', 'bad-number')] },
  {
    row: 7,
    record: ['=HYPERLINK("x")', '1', 'extra'],
    problems: [problem(7, '订单号', 'duplicate-key'), problem(7, '金额', 'bad-number')],
  },
  { row: 9, record: ['B009'], problems: [problem(9, '客户', 'unknown-customer')] },
];

describe('rejectedRowsCsv', () => {
  const labels = { row: 'Row', reason: 'Reason', reasons: { 'bad-number': 'not a number' } };

  it('writes the row number, the cells padded to the columns and the reasons in words', () => {
    const lines = rejectedRowsCsv(rows, ['订单号', '金额'], labels).split('\r\n');
    expect(lines[0]).toBe('Row,订单号,金额,Reason');
    expect(lines[1]).toBe('3,B002,十块钱,金额: not a number');
    // Extra cells are left out, a formula is guarded, a quote doubled, a number-like text kept as text, an untranslated reason is its code.
    expect(lines[2]).toBe(`7,"'=HYPERLINK(""x"")",\t1,订单号: duplicate-key; 金额: not a number`);
    expect(lines[3]).toBe('9,B009,,客户: unknown-customer');
    expect(lines).toHaveLength(5);
    expect(lines[4]).toBe('');
  });

  it('writes only the header when there are no rows', () => {
    expect(rejectedRowsCsv([], ['a'], labels)).toBe('Row,a,Reason\r\n');
  });
});

describe('rejectedRowsInfo', () => {
  it('counts the rows and lists each reason once, in order of first appearance', () => {
    expect(rejectedRowsInfo(rows)).toEqual({
      rows: 3,
      reasons: ['bad-number', 'duplicate-key', 'unknown-customer'],
    });
  });
});
