import { describe, expect, it } from 'vitest';
import { discountedPurchases } from '../../../../src/domain/clv';

describe('discountedPurchases (yearly slices, end-of-year discounting)', () => {
  it('the worked example: E(1) = 0.8, E(2) = 1.4, d = 10 % → 0.8/1.1 + 0.6/1.1²', () => {
    const result = discountedPurchases((years) => [0, 0.8, 1.4][years]!, 2, 0.1);
    expect(result.purchases).toBe(1.4);
    expect(result.discounted).toBeCloseTo(0.8 / 1.1 + 0.6 / 1.21, 12);
  });

  it('a steady rate gives the annuity factor Σ (1 + d)^−k', () => {
    const { purchases, discounted } = discountedPurchases((years) => 2 * years, 5, 0.1);
    expect(purchases).toBe(10);
    expect(discounted).toBeCloseTo(2 * ((1 - 1.1 ** -5) / 0.1), 12);
  });

  it('without discounting, the discounted count is the count', () => {
    const cumulative = (years: number) => 3 * (1 - Math.exp(-years / 2));
    const { purchases, discounted } = discountedPurchases(cumulative, 7, 0);
    expect(discounted).toBeCloseTo(purchases, 12);
    expect(purchases).toBeCloseTo(cumulative(7), 12);
  });

  it('ends a partial last year at the horizon and discounts it by (1 + d)^−H', () => {
    const { purchases, discounted } = discountedPurchases((years) => years, 1.5, 0.1);
    expect(purchases).toBe(1.5);
    expect(discounted).toBeCloseTo(1 / 1.1 + 0.5 / 1.1 ** 1.5, 12);
  });

  it('gives nothing for a horizon of 0 or less', () => {
    expect(discountedPurchases((years) => years, 0, 0.1)).toEqual({ purchases: 0, discounted: 0 });
    expect(discountedPurchases((years) => years, -2, 0.1)).toEqual({ purchases: 0, discounted: 0 });
  });
});
