import { describe, expect, it } from 'vitest';
import {
  interPurchaseStats,
  LOYALTY_WEIGHTS,
  loyaltyComponents,
  loyaltyIndex,
  repeatRate,
  type LoyaltyInput,
} from '../../../../src/domain/analytics/loyalty';

const base: LoyaltyInput = {
  rfmR: 5,
  rfmF: 4,
  avgSatisfaction: 4.5,
  tenureDays: 730,
  interPurchaseCv: 0.5,
  shareOfWallet: null,
  discountDepth: 0.03,
  complaints: 1,
};

describe('loyalty index', () => {
  it('weights sum to 1', () => {
    expect(Object.values(LOYALTY_WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('the JSDoc example: 81', () => {
    expect(loyaltyIndex(base)).toBe(81);
  });

  it.each<[string, Partial<LoyaltyInput>, number | null]>([
    ['never bought: no index', { rfmR: null, rfmF: null }, null],
    [
      'the best customer on every component: 100',
      {
        rfmR: 5,
        rfmF: 5,
        avgSatisfaction: 5,
        tenureDays: 2_000,
        interPurchaseCv: 0,
        shareOfWallet: 1.4,
        discountDepth: 0,
        complaints: 0,
      },
      100,
    ],
    [
      'the worst on every component: round(100 × 0.05 × 1/11 ÷ 1) = 0',
      {
        rfmR: 1,
        rfmF: 1,
        avgSatisfaction: 1,
        tenureDays: 0,
        interPurchaseCv: 1e9,
        shareOfWallet: 0,
        discountDepth: 0.5,
        complaints: 10,
      },
      0,
    ],
    // Only recency, frequency and complaints known: (0.2 × 0.5 + 0.2 × 0.5 + 0.05 × 1) ÷ 0.45 = 0.5556
    [
      'unknown components are left out and the rest reweighted',
      {
        rfmR: 3,
        rfmF: 3,
        avgSatisfaction: null,
        tenureDays: null,
        interPurchaseCv: null,
        shareOfWallet: null,
        discountDepth: null,
        complaints: 0,
      },
      56,
    ],
  ])('%s', (_name, patch, expected) => {
    expect(loyaltyIndex({ ...base, ...patch })).toBe(expected);
  });

  it('components are each 0…1', () => {
    const c = loyaltyComponents({ ...base, shareOfWallet: 2, discountDepth: 0.6 });
    for (const v of Object.values(c)) {
      expect(v).not.toBeNull();
      expect(v!).toBeGreaterThanOrEqual(0);
      expect(v!).toBeLessThanOrEqual(1);
    }
    expect(c.shareOfWallet).toBe(1);
    expect(c.price).toBe(0);
  });
});

describe('interPurchaseStats', () => {
  it.each([
    ['no gap', 0, 0, 0, null, null],
    ['one gap: mean only', 1, 30, 900, 30, null],
    ['gaps 20 and 40', 2, 60, 2_000, 30, 1 / 3],
    ['perfectly regular', 3, 90, 2_700, 30, 0],
  ])('%s', (_name, gaps, sum, squares, mean, cv) => {
    const s = interPurchaseStats(gaps, sum, squares);
    expect(s.mean).toBe(mean);
    if (cv === null) expect(s.cv).toBeNull();
    else expect(s.cv).toBeCloseTo(cv, 12);
  });
});

describe('repeatRate', () => {
  it.each([
    [30, 100, 0.3],
    [0, 5, 0],
    [0, 0, null],
  ])('%i of %i → %s', (repeat, buyers, rate) => expect(repeatRate(repeat, buyers)).toBe(rate));
});
