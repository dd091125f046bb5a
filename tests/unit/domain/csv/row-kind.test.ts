import { describe, expect, it } from 'vitest';
import { contemporaryValueOf } from '../../../../src/domain/analytics/contemporary-value';
import { dayOf } from '../../../../src/domain/analytics/days';
import { createRowConverter } from '../../../../src/domain/csv/convert';
import {
  applyRowKind,
  defaultRowKind,
  impliedFields,
  rowKindAsked,
  type DealRowKind,
} from '../../../../src/domain/csv/row-kind';
import { DEFAULT_SETTINGS } from '../../../../src/domain/settings';

const ORDER_EXPORT = ['code', 'customerCode', 'closeDate', '', 'amount'];

describe('what the wizard asks', () => {
  it.each([
    [ORDER_EXPORT, true, 'completed'],
    [['code', 'customerCode', 'title'], true, 'open'],
    [['code', 'stage', 'closeDate', 'amount'], true, 'won-unpaid'],
    [['code', 'stage', 'closeDate', 'amount', 'paidAmount'], false, 'won-unpaid'],
  ] as const)('%j → asked %s, default %s', (mapping, asked, kind) => {
    expect(rowKindAsked('deals', mapping)).toBe(asked);
    expect(defaultRowKind(mapping)).toBe(kind);
  });

  it('is never asked of customers or interactions', () => {
    expect(rowKindAsked('customers', ['code', 'name'])).toBe(false);
    expect(rowKindAsked('interactions', ['date'])).toBe(false);
  });
});

describe('applyRowKind', () => {
  it.each<[DealRowKind, Record<string, unknown>]>([
    ['completed', { stage: 'won', paidAmount: 123_450, dueDate: '2011-03-01' }],
    ['won-unpaid', { stage: 'won' }],
    ['open', { stage: 'need' }],
  ])('%s fills only the fields without a column', (kind, expected) => {
    const fields: Record<string, unknown> = { closeDate: '2011-03-01', amount: 123_450 };
    applyRowKind(fields, kind, ORDER_EXPORT);
    expect(fields).toEqual({ closeDate: '2011-03-01', amount: 123_450, ...expected });
  });

  it('never overwrites a mapped column', () => {
    const mapping = ['closeDate', 'amount', 'stage', 'dueDate'];
    expect(impliedFields('completed', mapping)).toEqual(['paidAmount']);
    const fields: Record<string, unknown> = {
      closeDate: '2011-03-01',
      amount: 500,
      stage: 'lost',
      dueDate: '',
    };
    applyRowKind(fields, 'completed', mapping);
    expect(fields).toMatchObject({ stage: 'lost', dueDate: '', paidAmount: 500 });
  });

  it('a return (negative amount) is paid 0, never a negative paid amount', () => {
    const fields: Record<string, unknown> = { closeDate: '2011-03-01', amount: -2_000 };
    applyRowKind(fields, 'completed', ORDER_EXPORT);
    expect(fields.paidAmount).toBe(0);
  });
});

describe('an imported completed order', () => {
  const convert = createRowConverter({
    table: 'deals',
    columns: ['订单号', '客户编号', '下单日期', '国家', '金额'],
    mapping: ORDER_EXPORT,
    decimalComma: false,
    dateOrders: {},
    rowKind: 'completed',
  });

  it('is won and paid in full on its order date', () => {
    const row = convert(['536365', '17850', '2010/12/1', 'United Kingdom', '1,234.50'], 2);
    expect(row.rejected).toBe(false);
    expect(row.fields).toMatchObject({
      stage: 'won',
      closeDate: '2010-12-01',
      dueDate: '2010-12-01',
      amount: 123_450,
      paidAmount: 123_450,
    });
  });

  it('accrues no receivable interest and no bad-debt reserve, years later', () => {
    const { fields } = convert(['536365', '17850', '2010/12/1', 'United Kingdom', '1,234.50'], 2);
    const deal = {
      customerId: 'c',
      stage: fields.stage,
      closeDate: fields.closeDate,
      dueDate: fields.dueDate,
      amount: fields.amount,
      paidAmount: fields.paidAmount,
      cost: 0,
      serviceCost: 0,
      discount: 0,
    } as Parameters<typeof contemporaryValueOf>[0][number];
    const b = contemporaryValueOf([deal], {
      todayDay: dayOf('2011-12-09'),
      windowStartDay: dayOf('2010-12-10') - 30,
      settings: DEFAULT_SETTINGS,
    });
    expect(b.interest).toBe(0);
    expect(b.reserveByBand).toEqual([0, 0, 0, 0]);
    expect(b.financialCost).toBe(0);
    expect(b.contemporaryValue).toBe(123_450);
  });

  it('as "won, unpaid", the same order does accrue interest and a reserve', () => {
    const unpaid = createRowConverter({
      table: 'deals',
      columns: ['订单号', '客户编号', '下单日期', '国家', '金额'],
      mapping: ORDER_EXPORT,
      decimalComma: false,
      dateOrders: {},
      rowKind: 'won-unpaid',
    });
    const { fields } = unpaid(['536365', '17850', '2010/12/1', 'United Kingdom', '1,234.50'], 2);
    expect(fields).toMatchObject({ stage: 'won' });
    expect(fields.paidAmount ?? 0).toBe(0);
  });
});
