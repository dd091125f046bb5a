import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitPotentialModel, potentialValueFor, type PotentialModel } from '../../../../src/domain/clv';
import { cdnowSummaryWithTransactions } from './cdnow';

const FIVE_YEARS_AT_10 = { horizonYears: 5, discountRate: 0.1 };

describe('fitPotentialModel + potentialValueFor on CDNOW (weeks, dollars)', () => {
  const model = fitPotentialModel(cdnowSummaryWithTransactions());

  it('uses BG/NBD + Gamma-Gamma when there are enough repeat buyers', () => {
    expect(model.method).toBe('bgnbd-gg');
    expect(model.customers).toBe(2357);
    expect(model.repeatCustomers).toBe(946);
  });

  it('the worked example of the JSDoc: x = 2, t_x = 30.43, T = 38.86, zbar = 22.35 over 5 years at 10 %', () => {
    // Cross-checked with mpmath (textbook ₂F₁ form, 30 digits) at the fitted parameters.
    const value = potentialValueFor(model, { x: 2, tx: 30.43, T: 38.86, zbar: 22.35 }, FIVE_YEARS_AT_10);
    expect(value.method).toBe('bgnbd-gg');
    expect(value.pAlive).toBeCloseTo(0.7266, 4);
    expect(value.expectedPurchases).toBeCloseTo(4.945313521, 6);
    expect(value.expectedProfitPerPurchase).toBeCloseTo(24.658616426, 6);
    expect(value.potentialValue).toBeCloseTo(96.443099732, 5);
  });

  it('a customer without repeat purchases gets P(alive) 1 and the population’s mean spend', () => {
    const value = potentialValueFor(model, { x: 0, tx: 0, T: 38.86, zbar: 0 }, FIVE_YEARS_AT_10);
    expect(value.pAlive).toBe(1);
    expect(value.expectedPurchases).toBeCloseTo(0.916400985, 6);
    expect(value.expectedProfitPerPurchase).toBeCloseTo(35.171002212, 6);
    expect(value.potentialValue).toBeCloseTo(25.153983514, 5);
  });

  it('a longer horizon never lowers the potential value, a higher discount rate never raises it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 80, noNaN: true }),
        fc.double({ min: 1, max: 200, noNaN: true }),
        fc.integer({ min: 1, max: 10 }),
        (x, share, T, zbar, years) => {
          const summary = { x, tx: x === 0 ? 0 : share * T, T, zbar: x === 0 ? 0 : zbar };
          const value = (horizonYears: number, discountRate: number) =>
            potentialValueFor(model, summary, { horizonYears, discountRate }).potentialValue!;
          expect(value(years + 1, 0.1)).toBeGreaterThanOrEqual(value(years, 0.1));
          expect(value(years, 0.2)).toBeLessThanOrEqual(value(years, 0.1));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('returns nulls for a summary the model cannot hold', () => {
    const value = potentialValueFor(model, { x: 1, tx: 10, T: 5, zbar: 3 }, FIVE_YEARS_AT_10);
    expect(value).toEqual({
      pAlive: null,
      expectedPurchases: null,
      expectedProfitPerPurchase: null,
      potentialValue: null,
      method: 'bgnbd-gg',
    });
  });

  it('is plain data a worker can post (structured clone keeps it whole)', () => {
    expect(structuredClone(model)).toEqual(model);
  });
});

describe('run-rate fallback', () => {
  /** The first 100 CDNOW customers: 36 have repeat purchases, too few for the models by default. */
  const small = cdnowSummaryWithTransactions().slice(0, 100);

  it('is used with fewer than 50 repeat buyers, and says why', () => {
    const model = fitPotentialModel(small);
    expect(model.method).toBe('run-rate');
    expect(model).toMatchObject({ reason: 'too-few-repeat-customers', repeatCustomers: 36, bgnbd: null });
  });

  it('the threshold is an option', () => {
    expect(fitPotentialModel(small, { minRepeatCustomers: 30 }).method).toBe('bgnbd-gg');
  });

  it('is used when the BG/NBD fit does not converge (no spread between customers to estimate)', () => {
    // Every customer buys at the same steady pace: the likelihood keeps rising as r, α, a, b → ∞.
    const steady = Array.from({ length: 60 }, (_, i) => ({
      x: 1 + (i % 4),
      tx: 20 + i,
      T: 60 + i,
      zbar: 100 + i,
    }));
    const model = fitPotentialModel(steady);
    expect(model).toMatchObject({ method: 'run-rate', reason: 'bgnbd-not-converged', gammaGamma: null });
    expect(model.bgnbd?.converged).toBe(false);
  });

  it('the worked example of the JSDoc: x = 4 in 2 years, zbar = 150, 2 years at 10 % → 520.66', () => {
    const model = fitPotentialModel(small);
    const value = potentialValueFor(
      model,
      { x: 4, tx: 90, T: 730.5 / 7, zbar: 150 },
      { horizonYears: 2, discountRate: 0.1 },
    );
    expect(value.method).toBe('run-rate');
    expect(value.pAlive).toBeNull();
    expect(value.expectedPurchases).toBeCloseTo(4, 12);
    expect(value.expectedProfitPerPurchase).toBe(150);
    expect(value.potentialValue).toBeCloseTo(300 / 1.1 + 300 / 1.21, 9);
  });

  it('a customer without a repeat purchase has no run rate, and the average repeat purchase as profit', () => {
    const model = fitPotentialModel(small);
    const meanRepeat =
      small.reduce((sum, s) => sum + s.x * s.zbar, 0) / small.reduce((sum, s) => sum + s.x, 0);
    expect(model.meanProfitPerPurchase).toBeCloseTo(meanRepeat, 9);
    const value = potentialValueFor(model, { x: 0, tx: 0, T: 12, zbar: 0 }, FIVE_YEARS_AT_10);
    expect(value).toEqual({
      pAlive: null,
      expectedPurchases: 0,
      expectedProfitPerPurchase: model.meanProfitPerPurchase,
      potentialValue: 0,
      method: 'run-rate',
    });
  });

  it('works with no data at all', () => {
    const model = fitPotentialModel([]);
    expect(model).toMatchObject({ method: 'run-rate', customers: 0, meanProfitPerPurchase: null });
    const value = potentialValueFor(model, { x: 0, tx: 0, T: 0, zbar: 0 }, FIVE_YEARS_AT_10);
    expect(value.potentialValue).toBe(0);
    expect(value.expectedProfitPerPurchase).toBeNull();
  });

  it('is used when the Gamma-Gamma fit does not converge, with the BG/NBD fit kept for the explanation', () => {
    // 60 repeat buyers who all spend exactly the same: no spread for Gamma-Gamma to estimate.
    const sameSpend = cdnowSummaryWithTransactions()
      .filter((c) => c.x > 0)
      .slice(0, 60)
      .map((c) => ({ ...c, zbar: 25 }));
    const model: PotentialModel = fitPotentialModel([
      ...sameSpend,
      ...cdnowSummaryWithTransactions().filter((c) => c.x === 0),
    ]);
    expect(model.method).toBe('run-rate');
    expect(model).toMatchObject({ reason: 'gamma-gamma-not-converged' });
    expect(model.bgnbd?.converged).toBe(true);
  });
});
