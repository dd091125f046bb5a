/**
 * The cost ratio of a deal with no cost of its own (issue 21, item 6): own cost > the product line's
 * ratio > the global ratio (Settings), the same through the packed engine (metrics, potential value),
 * the one-customer breakdown (Customer 360) and its explanation.
 */
import { describe, expect, it } from 'vitest';
import { computeAnalytics } from '../../../../src/domain/analytics/compute';
import {
  contemporaryValueOf,
  costRatioFor,
  lineCostRatiosOf,
  type DealFact,
} from '../../../../src/domain/analytics/contemporary-value';
import { CustomerIndex } from '../../../../src/domain/analytics/customer-keys';
import { analysisWindow, dayOf } from '../../../../src/domain/analytics/days';
import { explainCustomer } from '../../../../src/domain/analytics/explain';
import { packDeals } from '../../../../src/domain/analytics/pack';
import { purchasesOf } from '../../../../src/domain/analytics/potential';
import { DEFAULT_SETTINGS } from '../../../../src/domain/settings';

const TODAY = '2025-06-30';
const settings = { ...DEFAULT_SETTINGS, handlingCostPerOrder: 0, defaultCostRatio: 0.6 };

function won(productLineId: string, amount: number, cost = 0, customerId = 'c'): DealFact {
  return {
    customerId,
    productLineId,
    stage: 'won',
    closeDate: '2025-05-01',
    amount,
    cost,
    serviceCost: 0,
    discount: 0,
    paidAmount: Math.max(0, amount),
    dueDate: '',
  };
}

const lines = [
  { id: 'p55', name: '工业泵', code: 'P1', costRatio: 55 },
  { id: 'pNone', name: '阀门', code: 'P2', costRatio: null },
  { id: 'pOld', name: '配件', code: 'P3' }, // written before the field existed
  { id: 'pTrash', name: '旧线', code: 'P4', costRatio: 10, deletedAt: 5 },
  { id: 'p0', name: '服务', code: 'P5', costRatio: 0 },
];
const ratios = lineCostRatiosOf(lines);

describe('the cost ratio of a deal with no cost', () => {
  it('keeps only live lines that have a ratio, as fractions', () => {
    expect([...ratios]).toEqual([
      ['p55', 0.55],
      ['p0', 0],
    ]);
  });

  it.each<[string, string, number]>([
    ['the line has a ratio', 'p55', 0.55],
    ['the line has 0 %: nothing is estimated, not the global ratio', 'p0', 0],
    ['the line has none', 'pNone', 0.6],
    ['a line row older than the field', 'pOld', 0.6],
    ['a line in the trash', 'pTrash', 0.6],
    ['no product line', '', 0.6],
    ['an unknown product line', 'gone', 0.6],
  ])('%s → %s', (_name, line, expected) => {
    expect(costRatioFor(line, ratios, 0.6)).toBe(expected);
  });

  // [case, deal, expected cost of goods in cents]
  const cases: [string, DealFact, number][] = [
    ['own cost beats both ratios', won('p55', 100_000, 30_000), 30_000],
    ['product line ratio beats the global one', won('p55', 100_000), 55_000],
    ['no line ratio: the global one', won('pNone', 100_000), 60_000],
    ['no product line: the global one', won('', 100_000), 60_000],
    ['a return of a line with a ratio', won('p55', -20_000), -11_000],
    ['a line at 0 % estimates nothing', won('p0', 100_000), 0],
  ];

  it.each(cases)('engine and breakdown agree: %s', (_name, deal, expected) => {
    const w = analysisWindow(TODAY, 12);
    const ctx = { todayDay: w.endDay, windowStartDay: w.startDay, settings, lineCostRatios: ratios };
    expect(contemporaryValueOf([deal], ctx).costOfGoods).toBe(expected);
    const [row] = computeAnalytics({
      customers: [{ id: 'c', walletEstimate: null }],
      deals: [deal],
      interactions: [],
      settings,
      today: TODAY,
      computedAt: 1,
      lineCostRatios: ratios,
    }).metrics;
    expect(row!.costOfGoods).toBe(expected);
  });

  it('values purchases for potential value at the same ratios', () => {
    const deals = [won('p55', 100_000), won('', 100_000), won('p55', 100_000, 10_000)];
    const packed = packDeals(deals, new CustomerIndex(['c']), dayOf(TODAY), undefined, {
      global: 0.6,
      byLine: ratios,
    });
    const values = [...purchasesOf(packed, { handlingCostPerOrder: 0 }).value].sort((a, b) => a - b);
    expect(values).toEqual([40_000, 45_000, 90_000]);
  });

  it('without line ratios every deal uses the global ratio, as before', () => {
    const [row] = computeAnalytics({
      customers: [{ id: 'c', walletEstimate: null }],
      deals: [won('p55', 100_000), won('', 100_000)],
      interactions: [],
      settings,
      today: TODAY,
      computedAt: 1,
    }).metrics;
    expect(row!.costOfGoods).toBe(120_000);
  });

  it('explains each ratio used and where it came from', () => {
    const deals = [won('p55', 100_000), won('p55', 50_000), won('', 100_000), won('pNone', 10_000, 1)];
    const { metrics, summary } = computeAnalytics({
      customers: [{ id: 'c', walletEstimate: null }],
      deals,
      interactions: [],
      settings,
      today: TODAY,
      computedAt: 1,
      lineCostRatios: ratios,
    });
    const [value] = explainCustomer(metrics[0]!, summary, null, deals, settings, lines);
    expect(value!.reason).toBe('contemporaryValue.estimated');
    const inputs = value!.inputs.filter((i) => /CostRatio|costEstimated/.test(i.key));
    expect(inputs).toEqual([
      { key: 'costEstimated', value: 82_500 + 60_000, unit: 'money' },
      { key: 'lineCostRatio', value: 0.55, unit: 'percent', subject: '工业泵' },
      { key: 'defaultCostRatio', value: 0.6, unit: 'percent' },
    ]);
    expect(metrics[0]!.costOfGoods).toBe(82_500 + 60_000 + 1);
  });
});
