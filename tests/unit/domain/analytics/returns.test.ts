/**
 * Returns / credit notes (won deals with a negative amount) and the default cost ratio, through the
 * whole value engine (DESIGN.md §2): a return nets revenue in its period and is never a purchase.
 */
import { describe, expect, it } from 'vitest';
import { computeAnalytics, type AnalyticsInput } from '../../../../src/domain/analytics/compute';
import {
  contemporaryValueOf,
  costOfGoodsOf,
  dealFinancialCost,
  type DealFact,
} from '../../../../src/domain/analytics/contemporary-value';
import { analysisWindow, dayOf } from '../../../../src/domain/analytics/days';
import { clvModule, type ClvModule, type ClvPurchase } from '../../../../src/domain/analytics/potential';
import { DEFAULT_SETTINGS } from '../../../../src/domain/settings';
import type { CustomerMetrics } from '../../../../src/domain/types';

const TODAY = '2025-06-30';
const settings = { ...DEFAULT_SETTINGS, handlingCostPerOrder: 1_000 };

function won(customerId: string, closeDate: string, amount: number, extra: Partial<DealFact> = {}): DealFact {
  return {
    customerId,
    stage: 'won',
    closeDate,
    amount,
    cost: Math.round(amount * 0.5),
    serviceCost: 0,
    discount: 0,
    paidAmount: Math.max(0, amount),
    dueDate: '',
    ...extra,
  };
}

/**
 * - twin: the same purchases as plain, plus returns on other days (one after the last purchase, one
 *   between two purchases, one before the first): every purchase figure must equal plain's.
 * - gone: bought ¥1 000, returned ¥1 500 (a credit note for more than the period's sales) → Z / BZ.
 * - onlyReturn: a credit note and nothing else → no purchase: N, prospect, no RFM.
 */
const deals: DealFact[] = [
  won('plain', '2025-03-01', 200_000, { discount: 20_000 }),
  won('plain', '2025-03-01', 100_000),
  won('plain', '2025-05-01', 300_000),
  won('twin', '2024-01-10', -50_000, { cost: -25_000, paidAmount: 0, dueDate: '2024-02-10' }),
  won('twin', '2025-03-01', 200_000, { discount: 20_000 }),
  won('twin', '2025-03-01', 100_000),
  won('twin', '2025-04-01', -30_000, { cost: -15_000, paidAmount: 0 }),
  won('twin', '2025-05-01', 300_000),
  won('twin', '2025-06-29', -100_000, { cost: -50_000, paidAmount: 0, dueDate: '2025-01-01' }),
  won('gone', '2025-02-01', 100_000),
  won('gone', '2025-03-01', -150_000, { cost: 0, paidAmount: 0 }),
  won('onlyReturn', '2025-04-01', -20_000, { cost: -10_000, paidAmount: 0 }),
];

const input: AnalyticsInput = {
  customers: ['plain', 'twin', 'gone', 'onlyReturn'].map((id) => ({ id, walletEstimate: null })),
  deals,
  interactions: [],
  settings,
  today: TODAY,
  computedAt: 1,
  potential: null,
};

const byId = (rows: CustomerMetrics[]) => new Map(rows.map((m) => [m.customerId, m]));

const PURCHASE_FIGURES = [
  'frequency',
  'repeatPurchases',
  'recencyDays',
  'tenureDays',
  'interPurchaseMeanDays',
  'interPurchaseCv',
  'monetary',
  'discountDepth',
  'rfmF',
] as const;

describe('returns in the value engine', () => {
  const { metrics, summary } = computeAnalytics(input);
  const m = byId(metrics);
  const plain = m.get('plain')!;
  const twin = m.get('twin')!;

  it('are never purchases: every purchase figure is that of the same customer without returns', () => {
    for (const key of PURCHASE_FIGURES) expect(twin[key], key).toEqual(plain[key]);
    // Two orders on 2025-03-01 and one on 2025-05-01: three purchases, counted by order.
    expect(plain).toMatchObject({ frequency: 3, repeatPurchases: 2, monetary: 600_000 });
    // Last purchase 2025-05-01 (the return of 2025-06-29 is not one): 60 days.
    expect(twin.recencyDays).toBe(60);
    // Tenure from the first purchase (2025-03-01), not from the 2024 return.
    expect(twin.tenureDays).toBe(dayOf(TODAY) - dayOf('2025-03-01'));
    // Inter-purchase time between distinct purchase days only: 61 days.
    expect(twin.interPurchaseMeanDays).toBe(61);
  });

  it('lower net revenue and cost of goods in the period they fall in, and add no handling cost', () => {
    // The 2024 return is outside the window; the two in it take 130 000 off revenue, 65 000 off cost.
    expect(twin.revenue).toBe(plain.revenue - 130_000);
    expect(twin.costOfGoods).toBe(plain.costOfGoods - 65_000);
    expect(twin.transactionCost).toBe(plain.transactionCost);
    expect(twin.contemporaryValue).toBe(plain.contemporaryValue - 65_000);
  });

  it('never carry receivable interest or a bad-debt reserve, even unpaid and "overdue"', () => {
    expect(twin.financialCost).toBe(0);
    const ctx = { todayDay: dayOf(TODAY), windowStartDay: dayOf('2024-07-01'), settings };
    const f = dealFinancialCost(-100_000, 0, dayOf('2025-01-01'), dayOf('2025-01-31'), ctx);
    expect(f).toMatchObject({ outstanding: 0, interest: 0, reserve: 0, total: 0, band: -1 });
  });

  it('a customer whose returns exceed the sales has a negative value: tier Z, class BZ', () => {
    // 100 000 − 150 000 − cost 50 000 − handling 1 000 (one purchase) = −101 000.
    expect(m.get('gone')).toMatchObject({
      revenue: -50_000,
      contemporaryValue: -101_000,
      tier: 'Z',
      valueClass: 'BZ',
      frequency: 1,
    });
  });

  it('a customer with only a return has no purchase (a prospect, no RFM); its credit note is below zero', () => {
    expect(m.get('onlyReturn')).toMatchObject({
      revenue: -20_000,
      contemporaryValue: -10_000,
      tier: 'Z',
      frequency: 0,
      recencyDays: null,
      tenureDays: null,
      rfmCell: '',
      lifecycle: 'prospect',
      monetary: 0,
    });
  });

  it('count in no company purchase figure', () => {
    // Buyers: plain, twin, gone (onlyReturn never bought). Repeat buyers (≥ 2 orders): plain, twin.
    expect(summary).toMatchObject({ buyers: 3, buyersInWindow: 3, repeatBuyersInWindow: 2 });
    expect(summary.repeatPurchaseRate).toBeCloseTo(2 / 3, 12);
    expect(summary.tierCounts).toEqual({ A: 2, B: 0, C: 0, N: 0, Z: 2 });
  });

  it('agree with the one-customer reference computation', () => {
    const w = analysisWindow(TODAY, settings.analysisPeriod.months);
    const ctx = { todayDay: w.endDay, windowStartDay: w.startDay, settings };
    for (const row of metrics) {
      const ref = contemporaryValueOf(
        deals.filter((d) => d.customerId === row.customerId),
        ctx,
      );
      expect(row).toMatchObject({
        revenue: ref.revenue,
        costOfGoods: ref.costOfGoods,
        transactionCost: ref.transactionCost,
        financialCost: ref.financialCost,
        contemporaryValue: ref.contemporaryValue,
      });
    }
    const twin = contemporaryValueOf(
      deals.filter((d) => d.customerId === 'twin'),
      ctx,
    );
    expect(twin).toMatchObject({ orders: 3, returns: 2, returnAmount: -130_000 });
  });
});

describe('returns and the potential-value model (BG/NBD + Gamma-Gamma inputs)', () => {
  function fedPurchases(module: ClvModule): ClvPurchase[] {
    let fed: readonly ClvPurchase[] = [];
    computeAnalytics({
      ...input,
      potential: {
        ...module,
        summariseTransactions: (p, end, unit) => ((fed = p), module.summariseTransactions(p, end, unit)),
      },
    });
    return [...fed];
  }

  it('are left out of the purchases the model is fitted on', () => {
    const { summariseGrouped: _fast, ...listOnly } = clvModule;
    const fed = fedPurchases(listOnly);
    expect(fed.every((p) => p.value > 0)).toBe(true);
    const twin = fed.filter((p) => p.customerId === 'twin');
    const plain = fed.filter((p) => p.customerId === 'plain');
    expect(twin.map((p) => [p.date, p.value])).toEqual(plain.map((p) => [p.date, p.value]));
    expect(fed.some((p) => p.customerId === 'onlyReturn')).toBe(false);
  });

  it('give the same model figures for the customer with returns as for the one without', () => {
    const fast = byId(computeAnalytics({ ...input, potential: clvModule }).metrics);
    const { summariseGrouped: _fast, ...listOnly } = clvModule;
    const slow = byId(computeAnalytics({ ...input, potential: listOnly }).metrics);
    for (const rows of [fast, slow]) {
      const [twin, plain] = [rows.get('twin')!, rows.get('plain')!];
      expect(twin.potentialMethod).not.toBeNull();
      expect(twin.expectedPurchases).toBe(plain.expectedPurchases);
      expect(twin.expectedProfitPerPurchase).toBe(plain.expectedProfitPerPurchase);
      expect(twin.pAlive).toBe(plain.pAlive);
      expect(rows.get('onlyReturn')!.potentialMethod).toBeNull();
    }
    expect([...fast.values()]).toEqual([...slow.values()]);
  });
});

describe('the default cost-of-goods ratio', () => {
  it.each<[string, number, number, number, number]>([
    ['no cost, 60 %: estimated', 100_000, 0, 0.6, 60_000],
    ['a cost of its own is kept', 100_000, 55_000, 0.6, 55_000],
    ['ratio 0 (the default) estimates nothing', 100_000, 0, 0, 0],
    ['a return with no cost: the goods came back', -20_000, 0, 0.6, -12_000],
    ['rounded to the cent, half away from zero', 1_001, 0, 0.5, 501],
    ['the same for a return', -1_001, 0, 0.5, -501],
  ])('%s', (_name, amount, cost, ratio, expected) => {
    expect(costOfGoodsOf(amount, cost, ratio)).toBe(expected);
  });

  it('is applied only to the deals with no cost, and the explanation can say by how much', () => {
    const withRatio = { ...settings, defaultCostRatio: 0.6 };
    const book: DealFact[] = [
      won('a', '2025-05-01', 100_000, { cost: 0 }),
      won('a', '2025-05-02', 100_000, { cost: 30_000 }),
      won('b', '2025-05-01', 100_000, { cost: 0 }),
    ];
    const rows = byId(
      computeAnalytics({
        ...input,
        customers: [
          { id: 'a', walletEstimate: null },
          { id: 'b', walletEstimate: null },
        ],
        deals: book,
        settings: withRatio,
      }).metrics,
    );
    expect(rows.get('a')!.costOfGoods).toBe(60_000 + 30_000);
    expect(rows.get('b')!.costOfGoods).toBe(60_000);
    const w = analysisWindow(TODAY, 12);
    const ref = contemporaryValueOf(
      book.filter((d) => d.customerId === 'a'),
      { todayDay: w.endDay, windowStartDay: w.startDay, settings: withRatio },
    );
    expect(ref).toMatchObject({ costOfGoods: 90_000, costEstimated: 60_000 });
  });
});
