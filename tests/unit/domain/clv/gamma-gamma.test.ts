import { describe, expect, it } from 'vitest';
import {
  fitGammaGamma,
  gammaGammaData,
  gammaGammaExpectedProfit,
  gammaGammaLogLikelihood,
  type GammaGammaParams,
} from '../../../../src/domain/clv';
import { cdnowSummaryWithTransactions } from './cdnow';

/** Fader & Hardie, note 025 ("The Gamma-Gamma model of monetary value"), CDNOW: published estimates. */
const PUBLISHED: GammaGammaParams = { p: 6.25, q: 3.74, v: 15.44 };

describe('Gamma-Gamma on CDNOW (Fader & Hardie note 025, via ../shared/data/README.md)', () => {
  const customers = cdnowSummaryWithTransactions();
  const fit = fitGammaGamma(customers);

  it('fits on the 946 customers with x > 0', () => {
    expect(fit.customers).toBe(946);
    expect(fit.converged).toBe(true);
  });

  it('gives p, q, v within ±0.02 of 6.25 / 3.74 / 15.44', () => {
    expect(Math.abs(fit.params.p - PUBLISHED.p)).toBeLessThanOrEqual(0.02);
    expect(Math.abs(fit.params.q - PUBLISHED.q)).toBeLessThanOrEqual(0.02);
    expect(Math.abs(fit.params.v - PUBLISHED.v)).toBeLessThanOrEqual(0.02);
  });

  it('reports the log-likelihood at the optimum in the data’s own money unit', () => {
    expect(gammaGammaLogLikelihood(fit.params, gammaGammaData(customers))).toBeCloseTo(fit.logLikelihood, 6);
  });

  it('finds the same optimum whatever the money unit (dollars or cents)', () => {
    const inCents = fitGammaGamma(customers.map((c) => ({ x: c.x, zbar: c.zbar * 100 })));
    expect(inCents.params.p).toBeCloseTo(fit.params.p, 4);
    expect(inCents.params.q).toBeCloseTo(fit.params.q, 4);
    expect(inCents.params.v / 100).toBeCloseTo(fit.params.v, 3);
  });
});

describe('gammaGammaExpectedProfit', () => {
  it.each([
    // p(v + x·zbar) / (px + q − 1)
    [2, 22.35, (6.25 * (15.44 + 2 * 22.35)) / (6.25 * 2 + 3.74 - 1)],
    // x = 0: the population mean pv / (q − 1)
    [0, 0, (6.25 * 15.44) / 2.74],
    [0, 999, (6.25 * 15.44) / 2.74],
  ])('x = %d, zbar = %d', (x, zbar, expected) => {
    expect(gammaGammaExpectedProfit(PUBLISHED, x, zbar)).toBeCloseTo(expected, 10);
  });

  it('moves from the population mean towards the customer’s own mean as x grows', () => {
    const populationMean = gammaGammaExpectedProfit(PUBLISHED, 0, 0);
    const few = gammaGammaExpectedProfit(PUBLISHED, 1, 100);
    const many = gammaGammaExpectedProfit(PUBLISHED, 50, 100);
    expect(populationMean).toBeLessThan(few);
    expect(few).toBeLessThan(many);
    expect(many).toBeLessThan(100);
  });

  it('is NaN when the population mean does not exist (q ≤ 1)', () => {
    expect(gammaGammaExpectedProfit({ p: 2, q: 0.8, v: 10 }, 0, 0)).toBeNaN();
  });
});

describe('Gamma-Gamma likelihood and fit', () => {
  it('the analytic gradient of the log-likelihood matches central differences', () => {
    const data = gammaGammaData(cdnowSummaryWithTransactions());
    const gradient = [0, 0, 0];
    gammaGammaLogLikelihood(PUBLISHED, data, gradient);
    (['p', 'q', 'v'] as const).forEach((key, j) => {
      const h = 1e-6 * PUBLISHED[key];
      const up = gammaGammaLogLikelihood({ ...PUBLISHED, [key]: PUBLISHED[key] + h }, data);
      const down = gammaGammaLogLikelihood({ ...PUBLISHED, [key]: PUBLISHED[key] - h }, data);
      const numeric = (up - down) / (2 * h);
      expect(Math.abs(gradient[j]! - numeric)).toBeLessThan(1e-5 * Math.max(1, Math.abs(numeric)));
    });
  });

  it('leaves out customers without a positive repeat mean, and fails with none left', () => {
    const fit = fitGammaGamma([
      { x: 0, zbar: 0 },
      { x: 2, zbar: -5 },
      { x: 1, zbar: 0 },
    ]);
    expect(fit.customers).toBe(0);
    expect(fit.converged).toBe(false);
  });

  it('does not converge when every repeat buyer spends exactly the same (no spread to estimate)', () => {
    const fit = fitGammaGamma(Array.from({ length: 60 }, () => ({ x: 1, zbar: 10 })));
    expect(fit.converged).toBe(false);
  });
});
