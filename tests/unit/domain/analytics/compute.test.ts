import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeAnalytics,
  computeCustomerMetrics,
  type AnalyticsInput,
} from '../../../../src/domain/analytics/compute';
import { contemporaryValueOf } from '../../../../src/domain/analytics/contemporary-value';
import { analysisWindow } from '../../../../src/domain/analytics/days';
import { clvModule, type ClvModule, type ClvSummary } from '../../../../src/domain/analytics/potential';
import { generateSampleData } from '../../../../src/domain/sample-data';
import { DEFAULT_SETTINGS } from '../../../../src/domain/settings';
import type { CustomerMetrics, Deal } from '../../../../src/domain/types';

const TODAY = '2025-06-30';
const settings = { ...DEFAULT_SETTINGS, handlingCostPerOrder: 5_000 };
const sample = generateSampleData({ today: TODAY, seed: 7 });
const sampleInput: AnalyticsInput = { ...sample, settings, today: TODAY, computedAt: 1 };

function won(customerId: string, closeDate: string, amount: number, extra: Partial<Deal> = {}) {
  return {
    customerId,
    stage: 'won' as const,
    closeDate,
    amount,
    cost: Math.round(amount * 0.6),
    serviceCost: 0,
    discount: 0,
    paidAmount: amount,
    dueDate: '',
    ...extra,
  };
}

const small: AnalyticsInput = {
  customers: [
    { id: 'big', walletEstimate: 10_000_000 },
    { id: 'mid', walletEstimate: null },
    { id: 'none', walletEstimate: 50_000_000 },
    { id: 'loss', walletEstimate: null },
    { id: 'gone', walletEstimate: null, deletedAt: 5 },
  ],
  deals: [
    won('big', '2025-06-20', 2_000_000),
    won('big', '2025-05-20', 2_000_000),
    won('big', '2025-04-20', 2_000_000, { discount: 500_000 }),
    won('mid', '2025-06-01', 500_000),
    won('mid', '2023-06-01', 500_000),
    won('loss', '2024-12-01', 100_000, { serviceCost: 90_000 }),
    won('gone', '2025-06-01', 9_000_000),
    won('stranger', '2025-06-01', 9_000_000),
    { ...won('mid', '2025-06-15', 700_000), stage: 'lost' as const },
  ],
  interactions: [
    { customerId: 'big', date: '2025-06-01', type: 'complaint', satisfaction: 2 },
    { customerId: 'big', date: '2025-05-01', type: 'care', satisfaction: 5 },
    { customerId: 'big', date: '2023-05-01', type: 'complaint', satisfaction: 1 },
    { customerId: 'big', date: '2025-05-02', type: 'care', satisfaction: null },
  ],
  settings,
  today: TODAY,
  computedAt: 42,
};

function byId(metrics: CustomerMetrics[]): Map<string, CustomerMetrics> {
  return new Map(metrics.map((m) => [m.customerId, m]));
}

describe('computeAnalytics on a hand-made book', () => {
  const { metrics, summary } = computeAnalytics(small);
  const m = byId(metrics);

  it('has one row per live customer, none for trashed ones', () => {
    expect([...m.keys()].sort()).toEqual(['big', 'loss', 'mid', 'none']);
  });

  it('computes contemporary value from won deals in the window only', () => {
    const big = m.get('big')!;
    expect(big).toMatchObject({
      revenue: 6_000_000,
      costOfGoods: 3_600_000,
      transactionCost: 15_000,
      financialCost: 0,
      contemporaryValue: 2_385_000,
      frequency: 3,
      repeatPurchases: 2,
      monetary: 6_000_000,
      recencyDays: 10,
      complaints: 1,
      avgSatisfaction: 3.5,
      windowStart: '2024-07-01',
      windowEnd: TODAY,
      computedAt: 42,
    });
    expect(m.get('mid')).toMatchObject({
      revenue: 500_000,
      frequency: 1,
      repeatPurchases: 0,
      tenureDays: 760,
    });
    expect(m.get('loss')).toMatchObject({
      contemporaryValue: 100_000 - 60_000 - 90_000 - 5_000,
      tier: 'Z',
      valueClass: 'BZ',
    });
  });

  it('assigns tiers and classes', () => {
    expect(m.get('big')).toMatchObject({ tier: 'A', valueClass: 'MVC' });
    // 2 385 000 + 195 000 = 2 580 000; mid starts at 0.924 → B.
    expect(m.get('mid')!.tier).toBe('B');
    // No purchase in the period (tier N, not C) but a wallet of ¥500 000: headroom × margin ≥ the A
    // value → MGC.
    expect(m.get('none')).toMatchObject({ tier: 'N', valueClass: 'MGC', contemporaryValue: 0 });
    expect(summary.tierCounts).toEqual({ A: 1, B: 1, C: 0, N: 1, Z: 1 });
    expect(summary.minValueA).toBe(2_385_000);
  });

  it('gives share of wallet, RFM, loyalty and lifecycle', () => {
    const big = m.get('big')!;
    expect(big.shareOfWallet).toBeCloseTo(0.6, 12);
    expect(big.headroom).toBe(4_000_000);
    expect(big.discountDepth).toBeCloseTo(500_000 / 6_500_000, 12);
    expect(big.interPurchaseMeanDays).toBe(30.5);
    expect(big.rfmCell).toMatch(/^[1-5]{3}$/);
    expect(big.loyaltyIndex).toBeGreaterThan(0);
    expect(m.get('none')).toMatchObject({
      rfmCell: '',
      rfmSegment: '',
      recencyDays: null,
      lifecycle: 'prospect',
      loyaltyIndex: null,
    });
    expect(m.get('mid')!.lifecycle).toBe('growing');
    expect(m.get('loss')!.lifecycle).toBe('declining');
  });

  it('leaves potential value null without the model', () => {
    const without = computeAnalytics({ ...small, potential: null });
    for (const row of without.metrics) {
      expect(row).toMatchObject({
        pAlive: null,
        expectedPurchases: null,
        potentialValue: null,
        potentialMethod: null,
      });
    }
    expect(without.summary.potentialMethods).toEqual({});
  });

  it('projects potential value with the model for buyers only (run-rate on so few customers)', () => {
    expect(m.get('big')).toMatchObject({ potentialMethod: 'run-rate' });
    expect(m.get('none')).toMatchObject({ potentialValue: null, potentialMethod: null });
  });

  it('summarises the company', () => {
    expect(summary).toMatchObject({ customers: 4, buyers: 3, buyersInWindow: 3, repeatBuyersInWindow: 1 });
    expect(summary.repeatPurchaseRate).toBeCloseTo(1 / 3, 12);
  });
});

describe('computeAnalytics on the sample data', () => {
  const { metrics, summary } = computeAnalytics(sampleInput);
  const window = analysisWindow(TODAY, settings.analysisPeriod.months);
  const ctx = { todayDay: window.endDay, windowStartDay: window.startDay, settings };

  it('fills every field of the contract for every customer', () => {
    const keys = Object.keys(metrics[0]!).sort();
    expect(metrics).toHaveLength(sample.customers.length);
    for (const row of metrics) {
      expect(Object.keys(row).sort()).toEqual(keys);
      for (const [k, v] of Object.entries(row)) expect(v, k).not.toBeUndefined();
    }
    expect(keys).toHaveLength(38);
  });

  it('agrees with the one-customer reference computation, to the cent', () => {
    const deals = new Map<string, Deal[]>();
    for (const d of sample.deals) deals.set(d.customerId, [...(deals.get(d.customerId) ?? []), d]);
    for (const row of metrics) {
      const ref = contemporaryValueOf(deals.get(row.customerId) ?? [], ctx);
      expect(row).toMatchObject({
        revenue: ref.revenue,
        costOfGoods: ref.costOfGoods,
        transactionCost: ref.transactionCost,
        financialCost: ref.financialCost,
        contemporaryValue: ref.contemporaryValue,
      });
      expect(Number.isInteger(row.contemporaryValue)).toBe(true);
    }
  });

  it('the values by tier sum to the total', () => {
    const t = summary.tierValue;
    expect(t.A + t.B + t.C + t.Z).toBe(summary.totalValue);
    expect(metrics.reduce((s, r) => s + r.contemporaryValue, 0)).toBe(summary.totalValue);
    expect(t.A).toBeGreaterThanOrEqual(0.8 * summary.totalPositiveValue);
  });

  it('uses every lifecycle stage and RFM segments on a realistic book', () => {
    for (const [stage, count] of Object.entries(summary.lifecycleCounts))
      expect(count, stage).toBeGreaterThan(0);
    expect(new Set(metrics.map((r) => r.rfmSegment)).size).toBeGreaterThan(6);
  });

  it('gives the same rows whatever the order of the input rows', () => {
    const sortRows = (rows: CustomerMetrics[]) =>
      [...rows].sort((a, b) => (a.customerId < b.customerId ? -1 : 1));
    const expected = sortRows(metrics);
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const shuffle = <T>(rows: readonly T[]): T[] => {
          const out = [...rows];
          let s = seed >>> 0;
          for (let i = out.length - 1; i > 0; i--) {
            s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
            const j = s % (i + 1);
            [out[i], out[j]] = [out[j]!, out[i]!];
          }
          return out;
        };
        const again = computeCustomerMetrics({
          ...sampleInput,
          customers: shuffle(sample.customers),
          deals: shuffle(sample.deals),
          interactions: shuffle(sample.interactions),
        });
        expect(sortRows(again)).toEqual(expected);
      }),
      { numRuns: 5 },
    );
  });
});

describe('the potential-value seam', () => {
  /** A test double of the clv contract: proves the wiring, not the model. */
  const stub: ClvModule = {
    summariseTransactions(purchases) {
      const out = new Map<string, ClvSummary>();
      for (const p of purchases) {
        const s = out.get(p.customerId) ?? { x: -1, tx: 0, T: 0, zbar: 0 };
        out.set(p.customerId, { ...s, x: s.x + 1, zbar: s.zbar + p.value });
      }
      return out;
    },
    fitPotentialModel: () => 'model',
    potentialValueFor: (_model, s) => ({
      pAlive: s.x > 0 ? 0.9 : 0.05,
      expectedPurchases: 2.5,
      expectedProfitPerPurchase: 100.4,
      potentialValue: 1_000_000.6,
      method: 'run-rate',
    }),
  };

  it('fills the potential fields from the model and uses P(alive) in the lifecycle', () => {
    const m = byId(computeAnalytics({ ...small, potential: stub }).metrics);
    expect(m.get('big')).toMatchObject({
      pAlive: 0.9,
      expectedPurchases: 2.5,
      expectedProfitPerPurchase: 100,
      potentialValue: 1_000_001,
      potentialMethod: 'run-rate',
    });
    // One purchase only → the stub says P(alive) 0.05 → lost.
    expect(m.get('loss')).toMatchObject({ pAlive: 0.05, lifecycle: 'lost' });
    // Never bought: not summarised, so no potential figures.
    expect(m.get('none')).toMatchObject({ pAlive: null, potentialMethod: null });
  });

  it('feeds one purchase per won deal valued at its profit before financial costs', () => {
    let fed: readonly { customerId: string; value: number; date: string }[] = [];
    computeAnalytics({
      ...small,
      potential: {
        ...stub,
        summariseTransactions: (p, end, unit) => ((fed = p), stub.summariseTransactions(p, end, unit)),
      },
    });
    const big = fed.filter((p) => p.customerId === 'big');
    expect(big.map((p) => p.date)).toEqual(['2025-04-20', '2025-05-20', '2025-06-20']);
    expect(big[0]!.value).toBe(2_000_000 - 1_200_000 - 0 - 5_000);
    expect(fed.some((p) => p.customerId === 'gone' || p.customerId === 'stranger')).toBe(false);
  });

  it('gives the same figures through the grouped fast path as through one purchase object per deal', () => {
    const { summariseGrouped, ...listOnly } = clvModule;
    expect(summariseGrouped).toBeDefined();
    const fast = computeAnalytics({ ...sampleInput, potential: clvModule });
    const slow = computeAnalytics({ ...sampleInput, potential: listOnly });
    expect(fast.metrics.some((m) => m.potentialValue !== null)).toBe(true);
    expect(fast).toEqual(slow);
  });
});
