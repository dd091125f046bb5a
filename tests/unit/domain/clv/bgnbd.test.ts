import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  bgnbdConditionalExpectedPurchases,
  bgnbdData,
  bgnbdLogLikelihood,
  bgnbdPAlive,
  bgnbdUnconditionalExpectedPurchases,
  fitBgNbd,
  type BgNbdParams,
} from '../../../../src/domain/clv';
import { cdnowSummary } from './cdnow';

/** Fader, Hardie & Lee (2005) §7, CDNOW: the published BG/NBD estimates. */
const PUBLISHED: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe('BG/NBD on CDNOW (Fader, Hardie & Lee 2005, via ../shared/data/README.md)', () => {
  const fit = fitBgNbd(cdnowSummary());

  it('the maximum-likelihood fit gives r, α, a, b within ±0.002 of 0.243 / 4.414 / 0.793 / 2.426', () => {
    expect(fit.converged).toBe(true);
    expect(Math.abs(fit.params.r - PUBLISHED.r)).toBeLessThanOrEqual(0.002);
    expect(Math.abs(fit.params.alpha - PUBLISHED.alpha)).toBeLessThanOrEqual(0.002);
    expect(Math.abs(fit.params.a - PUBLISHED.a)).toBeLessThanOrEqual(0.002);
    expect(Math.abs(fit.params.b - PUBLISHED.b)).toBeLessThanOrEqual(0.002);
  });

  it('the log-likelihood at the optimum is −9582.4 ± 0.1', () => {
    expect(Math.abs(fit.logLikelihood - -9582.4)).toBeLessThanOrEqual(0.1);
    expect(bgnbdLogLikelihood(fit.params, bgnbdData(cdnowSummary()))).toBeCloseTo(fit.logLikelihood, 6);
  });

  it('conditional expectation: x = 2, t_x = 30.43, T = 38.86 → 1.226 ± 0.001 purchases in the next 39 weeks', () => {
    const customer = { x: 2, tx: 30.43, T: 38.86 };
    expect(Math.abs(bgnbdConditionalExpectedPurchases(PUBLISHED, 39, customer) - 1.226)).toBeLessThanOrEqual(
      0.001,
    );
    expect(Math.abs(bgnbdConditionalExpectedPurchases(fit.params, 39, customer) - 1.226)).toBeLessThanOrEqual(
      0.001,
    );
  });

  it.each([
    [0.1429, 0.0078],
    [1, 0.0532],
    [3, 0.1506],
    [31.8571, 1.0405],
    [32, 1.0437],
    [78, 1.8576],
  ])(
    'unconditional E[X(%d weeks)] = %d to 3 decimals (lifetimes’ test, fitted parameters)',
    (t, expected) => {
      expect(bgnbdUnconditionalExpectedPurchases(fit.params, t)).toBeCloseTo(expected, 3);
    },
  );
});

describe('BG/NBD formulas', () => {
  it('the expectation matches the textbook ₂F₁ form, computed independently with mpmath (30 digits)', () => {
    // mpmath: (a+b+x−1)/(a−1)·[1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))] / (1 + …)
    expect(bgnbdConditionalExpectedPurchases(PUBLISHED, 260.9, { x: 2, tx: 30.43, T: 38.86 })).toBeCloseTo(
      4.945478036,
      6,
    );
    expect(bgnbdConditionalExpectedPurchases(PUBLISHED, 39, { x: 40, tx: 38, T: 38.86 })).toBeCloseTo(
      26.778470816,
      6,
    );
  });

  it('is continuous through a = 1, where the textbook form is 0/0', () => {
    const at = (a: number) =>
      bgnbdConditionalExpectedPurchases({ ...PUBLISHED, a }, 52, { x: 3, tx: 20, T: 30 });
    expect(Number.isFinite(at(1))).toBe(true);
    expect(at(1)).toBeCloseTo((at(1 - 1e-7) + at(1 + 1e-7)) / 2, 8);
  });

  it('P(alive) is 1 for every customer without a repeat purchase', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 500, noNaN: true }), (T) => {
        expect(bgnbdPAlive(PUBLISHED, { x: 0, tx: 0, T })).toBe(1);
      }),
    );
  });

  it('P(alive) falls as the customer stays silent longer (T grows, x and t_x fixed)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0, max: 200, noNaN: true }),
        fc.double({ min: 0.01, max: 200, noNaN: true }),
        fc.double({ min: 0.01, max: 200, noNaN: true }),
        (x, tx, gap, more) => {
          const T = tx + gap;
          const before = bgnbdPAlive(PUBLISHED, { x, tx, T });
          const after = bgnbdPAlive(PUBLISHED, { x, tx, T: T + more });
          expect(after).toBeLessThanOrEqual(before);
          expect(after).toBeGreaterThanOrEqual(0);
          expect(before).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('expected purchases grow with the horizon and stay finite for frequent buyers and long horizons', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 300, noNaN: true }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        (x, share, T, t) => {
          const h = { x, tx: x === 0 ? 0 : share * T, T };
          const shorter = bgnbdConditionalExpectedPurchases(PUBLISHED, t, h);
          const longer = bgnbdConditionalExpectedPurchases(PUBLISHED, t + 52, h);
          expect(Number.isFinite(longer)).toBe(true);
          expect(shorter).toBeGreaterThanOrEqual(0);
          expect(longer).toBeGreaterThanOrEqual(shorter - 1e-12);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('the analytic gradient of the log-likelihood matches central differences', () => {
    const data = bgnbdData(cdnowSummary().slice(0, 500));
    const gradient = [0, 0, 0, 0];
    bgnbdLogLikelihood(PUBLISHED, data, gradient);
    const keys = ['r', 'alpha', 'a', 'b'] as const;
    keys.forEach((key, j) => {
      const h = 1e-6 * PUBLISHED[key];
      const up = bgnbdLogLikelihood({ ...PUBLISHED, [key]: PUBLISHED[key] + h }, data);
      const down = bgnbdLogLikelihood({ ...PUBLISHED, [key]: PUBLISHED[key] - h }, data);
      const numeric = (up - down) / (2 * h);
      expect(Math.abs(gradient[j]! - numeric)).toBeLessThan(1e-5 * Math.max(1, Math.abs(numeric)));
    });
  });

  it('reports a failed fit for data it cannot use', () => {
    expect(fitBgNbd([]).converged).toBe(false);
    expect(fitBgNbd([{ x: 0, tx: 0, T: 0 }]).converged).toBe(false);
  });
});
