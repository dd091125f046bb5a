import { describe, expect, it } from 'vitest';
import { composeAccountantPack, daysOverdue } from '../../../../src/domain/csv/accountant-pack';
import { emptyFields } from '../../../../src/domain/defaults';
import type { Customer, Deal } from '../../../../src/domain/types';

const meta = { createdAt: 0, updatedAt: 0, deletedAt: null, batchId: '' };
const customer = (id: string, code: string, name: string, extra: Partial<Customer> = {}): Customer => ({
  ...emptyFields('customers'),
  ...meta,
  id,
  code,
  name,
  ...extra,
});
const deal = (code: string, extra: Partial<Deal>): Deal => ({
  ...emptyFields('deals'),
  ...meta,
  id: code,
  code,
  customerId: 'c1',
  stage: 'won',
  ...extra,
});

const customers = [
  customer('c1', 'C1', '=HYPERLINK("x")', { taxId: '9144030071526726XG', address: '深圳' }),
  customer('c2', 'C2', '杭州', { deletedAt: 5 }),
];
const deals = [
  deal('D1', { closeDate: '2024-01-10', amount: 10001, cost: 5000, paidAmount: 10001 }),
  deal('D2', { closeDate: '2024-02-29', amount: 20002, cost: 7000, paidAmount: 2, dueDate: '2024-03-01' }),
  deal('D3', { closeDate: '2024-04-01', amount: 30003, paidAmount: 0, dueDate: '2024-05-01' }),
  deal('D4', { closeDate: '2024-01-15', amount: 99999, stage: 'lost' }),
  deal('D5', { closeDate: '2024-01-20', amount: 50, deletedAt: 1 }),
];

describe('accountant pack', () => {
  const files = composeAccountantPack({
    customers,
    deals,
    from: '2024-01-01',
    to: '2024-03-31',
    today: '2024-03-31',
    language: 'zh-CN',
  });
  const byName = Object.fromEntries(files.map((f) => [f.name, f.csv]));

  it('lists live customers with tax IDs, guarding formulas', () => {
    expect(byName['customers.csv']).toBe(
      '客户编号,客户名称,税号,地址\r\nC1,"\'=HYPERLINK(""x"")",9144030071526726XG,深圳\r\n',
    );
  });

  it('lists won deals of the period and open receivables with days overdue', () => {
    expect(byName['won-deals.csv']?.split('\r\n').slice(1, 3)).toEqual([
      'D1,C1,"\'=HYPERLINK(""x"")",9144030071526726XG,2024-01-10,100.01,50.00,100.01',
      'D2,C1,"\'=HYPERLINK(""x"")",9144030071526726XG,2024-02-29,200.02,70.00,0.02',
    ]);
    expect(byName['receivables.csv']?.split('\r\n').slice(1, 3)).toEqual([
      'D2,C1,"\'=HYPERLINK(""x"")",2024-03-01,200.02,0.02,200.00,30',
      'D3,C1,"\'=HYPERLINK(""x"")",2024-05-01,300.03,0.00,300.03,0',
    ]);
  });

  it('period totals add up to the cent', () => {
    expect(byName['totals.csv']).toBe(
      [
        '项目,数值',
        '期间,2024-01-01 – 2024-03-31',
        '赢单笔数,2',
        '收入,300.03',
        '成本,120.00',
        '已收款,100.03',
        '未收款,200.00',
        '未结应收合计（全部期间）,500.03',
        '',
      ].join('\r\n'),
    );
  });

  it('counts days overdue', () => {
    expect([
      daysOverdue('', '2024-01-01'),
      daysOverdue('2024-01-05', '2024-01-01'),
      daysOverdue('2023-12-31', '2024-03-01'),
    ]).toEqual([0, 0, 61]);
  });
});
