import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  bgnbdConditionalExpectedPurchases,
  bgnbdExpectedIfAlive,
  bgnbdPAlive,
  DAYS_PER_YEAR,
  discountedPurchases,
  discountSlices,
  fitPotentialModel,
  gammaGammaExpectedProfit,
  horizonSlices,
  potentialValuer,
  type PotentialModel,
  type PurchaseSummary,
} from '../../../../src/domain/clv';
import { cdnowSummaryWithTransactions } from './cdnow';

/**
 * potentialValuer shares work between customers (one E[Y | alive] curve per (x, T), P(alive) once per
 * customer); these tests check it against the formula written out per customer, figure by figure, to
 * the last bit (toBe), with many customers sharing x and T but not t_x.
 */
const cdnow = fitPotentialModel(cdnowSummaryWithTransactions());
if (cdnow.method === 'run-rate') throw new Error('CDNOW should fit BG/NBD + Gamma-Gamma');
const fixedP: PotentialModel = {
  ...cdnow,
  method: 'bgnbd-fixed-p-gg',
  bgnbd: { ...cdnow.bgnbd, model: { r: 0.9, alpha: 6.5, p: 0.35 } },
};
const runRate: PotentialModel = {
  ...cdnow,
  method: 'run-rate',
  reason: 'too-few-repeat-customers',
  bgnbd: null,
  gammaGamma: null,
};

/** potentialValueFor as it was written before the valuer: every figure worked out for this customer alone. */
function reference(model: PotentialModel, s: PurchaseSummary, horizonYears: number, discountRate: number) {
  const unitsPerYear = DAYS_PER_YEAR / model.unitDays;
  if (model.method === 'run-rate') {
    const perYear = s.T > 0 ? (s.x / s.T) * unitsPerYear : 0;
    const { purchases, discounted } = discountedPurchases((y) => perYear * y, horizonYears, discountRate);
    const profit = s.x > 0 ? s.zbar : model.meanProfitPerPurchase;
    return {
      pAlive: null,
      expectedPurchases: purchases,
      expectedProfitPerPurchase: profit,
      potentialValue: profit === null ? 0 : discounted * profit,
      method: model.method,
    };
  }
  const bg = model.bgnbd.model;
  const { purchases, discounted } = discountedPurchases(
    (y) => bgnbdConditionalExpectedPurchases(bg, y * unitsPerYear, s),
    horizonYears,
    discountRate,
  );
  const profit = gammaGammaExpectedProfit(model.gammaGamma.params, s.x, s.zbar);
  return {
    pAlive: bgnbdPAlive(bg, s),
    expectedPurchases: purchases,
    expectedProfitPerPurchase: profit,
    potentialValue: discounted * profit,
    method: model.method,
  };
}

/** Customers drawn from a few x and T values, so that many share a curve. */
const summaries = fc.array(
  fc
    .record({
      x: fc.constantFrom(0, 1, 2, 7, 30),
      T: fc.constantFrom(0, 1 / 7, 38.86, 52, 260.5),
      share: fc.double({ min: 0, max: 1, noNaN: true }),
      zbar: fc.double({ min: -50, max: 500, noNaN: true }),
    })
    .map(({ x, T, share, zbar }) => ({ x, tx: x === 0 ? 0 : share * T, T, zbar: x === 0 ? 0 : zbar })),
  { minLength: 1, maxLength: 60 },
);

describe('potentialValuer: the same figures as each customer worked out alone', () => {
  for (const [name, model] of [
    ['BG/NBD + Gamma-Gamma (CDNOW fit)', cdnow],
    ['the fixed-p limit', fixedP],
    ['the run rate', runRate],
  ] as const) {
    it(`${name}, to the last bit, over horizons whole and partial`, () => {
      fc.assert(
        fc.property(
          summaries,
          fc.constantFrom(0, 1, 1.5, 5, 10),
          fc.constantFrom(0, 0.1, 0.25),
          (list, horizonYears, discountRate) => {
            const valueOf = potentialValuer(model, { horizonYears, discountRate });
            for (const s of list) {
              expect(valueOf(s)).toStrictEqual(reference(model, s, horizonYears, discountRate));
            }
          },
        ),
        { numRuns: 60 },
      );
    });
  }

  it('gives nulls for a summary the model cannot hold, and goes on valuing the next ones', () => {
    const valueOf = potentialValuer(cdnow, { horizonYears: 5, discountRate: 0.1 });
    expect(valueOf({ x: 1, tx: 10, T: 5, zbar: 3 })).toEqual({
      pAlive: null,
      expectedPurchases: null,
      expectedProfitPerPurchase: null,
      potentialValue: null,
      method: 'bgnbd-gg',
    });
    expect(valueOf({ x: Number.NaN, tx: 0, T: 5, zbar: 3 }).pAlive).toBeNull();
    const good = { x: 2, tx: 30.43, T: 38.86, zbar: 22.35 };
    expect(valueOf(good)).toStrictEqual(reference(cdnow, good, 5, 0.1));
  });
});

describe('bgnbdExpectedIfAlive', () => {
  it('the JSDoc example: FHL 2005’s customer (x = 2, T = 38.86), 39 weeks: 1.226 / P(alive)', () => {
    const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    const h = { x: 2, tx: 30.43, T: 38.86 };
    const ifAlive = bgnbdExpectedIfAlive(params, 39, h.x, h.T);
    expect(ifAlive).toBeCloseTo(1.687, 3);
    expect(bgnbdPAlive(params, h) * ifAlive).toBe(bgnbdConditionalExpectedPurchases(params, 39, h));
  });

  it('does not depend on t_x: customers with the same x and T differ only by P(alive)', () => {
    const limit = { r: 0.9, alpha: 6.5, p: 0.35 };
    for (const tx of [0.5, 10, 30]) {
      const h = { x: 3, tx, T: 30 };
      expect(bgnbdConditionalExpectedPurchases(limit, 20, h)).toBe(
        bgnbdPAlive(limit, h) * bgnbdExpectedIfAlive(limit, 20, 3, 30),
      );
    }
  });
});

describe('horizonSlices + discountSlices', () => {
  it('the worked example: slices end at 1 and 1.5 years, the last one discounted by 1.1^−1.5', () => {
    const slices = horizonSlices(1.5, 0.1);
    expect([...slices.ends]).toEqual([1, 1.5]);
    expect(slices.factors[0]).toBeCloseTo(1 / 1.1, 14);
    expect(slices.factors[1]).toBeCloseTo(0.866784, 6);
    const { purchases, discounted } = discountSlices((k) => [0.8, 1.4][k]!, horizonSlices(2, 0.1));
    expect(purchases).toBe(1.4);
    expect(discounted).toBeCloseTo(1.22314, 5);
  });

  it('has no slice for a horizon of 0 or less, or not a number', () => {
    for (const h of [0, -1, Number.NaN]) expect(horizonSlices(h, 0.1).ends).toHaveLength(0);
  });
});
