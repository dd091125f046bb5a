/**
 * The BG/NBD model at its a, b → ∞ boundary (bgnbd-limit.ts, bgnbd-limit-likelihood.ts, bgnbd-fit.ts):
 * the fixed-p limit is the limit of the BG/NBD likelihood and formulas, the interior formulas stay
 * exact as a grows, and the fit lands on the limit when the data call for it.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  bgnbdConditionalExpectedPurchases,
  bgnbdData,
  bgnbdLimitLogLikelihood,
  bgnbdLogLikelihood,
  bgnbdPAlive,
  bgnbdUnconditionalExpectedPurchases,
  fitBgNbd,
  isBgNbdLimit,
  lnGamma,
  summariseTransactions,
  type BgNbdLimitParams,
  type RepeatHistory,
} from '../../../../src/domain/clv';
import { cdnowSummary } from './cdnow';
import { simulatePurchases } from './simulate';

/** BG/NBD parameters on the ray a, b = k·(p, 1−p) towards the limit. */
const onRay = ({ r, alpha, p }: BgNbdLimitParams, k: number) => ({ r, alpha, a: k * p, b: k * (1 - p) });

/** 300 CDNOW customers: x from 0 to ~20, weeks. */
const customers = cdnowSummary().slice(0, 300);
const data = bgnbdData(customers);

describe('the fixed-p likelihood', () => {
  it('is the formula of the JSDoc, customer by customer (written out independently)', () => {
    const params = { r: 0.7, alpha: 5, p: 0.2 };
    const direct = ({ x, tx, T }: RepeatHistory) => {
      const { r, alpha, p } = params;
      const front = Math.exp(lnGamma(r + x) - lnGamma(r)) * alpha ** r;
      const alive = (1 - p) ** x / (alpha + T) ** (r + x);
      const dropped = x > 0 ? (p * (1 - p) ** (x - 1)) / (alpha + tx) ** (r + x) : 0;
      return Math.log(front * (alive + dropped));
    };
    for (const h of customers.slice(0, 40)) {
      expect(bgnbdLimitLogLikelihood(params, bgnbdData([h]))).toBeCloseTo(direct(h), 10);
    }
  });

  it('is the limit of the BG/NBD likelihood at a, b = k·(p, 1−p) as k grows (random r, α, p)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        fc.double({ min: 0.5, max: 50, noNaN: true }),
        fc.double({ min: 0.01, max: 0.9, noNaN: true }),
        (r, alpha, p) => {
          const limit = bgnbdLimitLogLikelihood({ r, alpha, p }, data);
          const gap = (k: number) => bgnbdLogLikelihood(onRay({ r, alpha, p }, k), data) - limit;
          // The gap is O(1/k): k · gap is the same at k = 1e6 and 1e8, and at 1e8 the gap is tiny.
          expect(Math.abs(gap(1e8))).toBeLessThan(1e-3);
          if (Math.abs(gap(1e8)) > 1e-8) expect(gap(1e6) / gap(1e8)).toBeCloseTo(100, 0);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('has an analytic gradient (r, α, logit p) that matches central differences', () => {
    const params = { r: 0.9, alpha: 6, p: 0.3 };
    const gradient = [0, 0, 0];
    bgnbdLimitLogLikelihood(params, data, gradient);
    const at = (dr: number, dAlpha: number, dLogit: number) => {
      const logit = Math.log(params.p / (1 - params.p)) + dLogit;
      return bgnbdLimitLogLikelihood(
        { r: params.r + dr, alpha: params.alpha + dAlpha, p: 1 / (1 + Math.exp(-logit)) },
        data,
      );
    };
    const h = 1e-6;
    const numeric = [
      (at(h, 0, 0) - at(-h, 0, 0)) / (2 * h),
      (at(0, h, 0) - at(0, -h, 0)) / (2 * h),
      (at(0, 0, h) - at(0, 0, -h)) / (2 * h),
    ];
    numeric.forEach((value, j) => {
      expect(Math.abs(gradient[j]! - value)).toBeLessThan(1e-5 * Math.max(1, Math.abs(value)));
    });
  });

  it('keeps the BG/NBD likelihood and its gradient exact far out on the ray (no ln Γ cancellation)', () => {
    const limit = { r: 2.5, alpha: 16, p: 0.03 };
    const gradient = [0, 0, 0, 0];
    const value = bgnbdLogLikelihood(onRay(limit, 1e12), data, gradient);
    expect(value).toBeCloseTo(bgnbdLimitLogLikelihood(limit, data), 6);
    // ∂/∂a and ∂/∂b vanish like 1/k out there; with ln Γ differences they were rounding noise of ~1e−3.
    expect(Math.abs(gradient[2]!)).toBeLessThan(1e-6);
    expect(Math.abs(gradient[3]!)).toBeLessThan(1e-6);
  });
});

/**
 * E[Y(t) | alive, x, T] averaged over the posterior p ~ Beta(a, b+x) by Simpson's rule on 100 000
 * intervals: E_p[(1 − ((α+T)/(α+T+pt))^(r+x)) / p] — the integral the BG/NBD formula stands for,
 * computed independently of both of its implementations (series and quadrature).
 */
function expectedIfAliveByIntegration(
  { r, alpha, a, b }: { r: number; alpha: number; a: number; b: number },
  t: number,
  x: number,
  T: number,
): number {
  const N = 100_000;
  const u = t / (alpha + T);
  const lnDensity = (p: number) => (a - 1) * Math.log(p) + (b + x - 1) * Math.log1p(-p);
  const top = lnDensity((a - 1) / (a + b + x - 2));
  let sum = 0;
  let mass = 0;
  for (let i = 1; i < N; i++) {
    const p = i / N;
    const w = (i % 2 === 1 ? 4 : 2) * Math.exp(lnDensity(p) - top);
    sum += (w * -Math.expm1(-(r + x) * Math.log1p(p * u))) / p;
    mass += w;
  }
  return sum / mass;
}

describe('the fixed-p formulas', () => {
  const limit = { r: 2.5, alpha: 16, p: 0.03 };
  const histories = [
    { x: 0, tx: 0, T: 40 },
    { x: 3, tx: 30, T: 80 },
    { x: 25, tx: 140, T: 150 },
  ];

  it('E[X(t)] = (1/p)(1 − (α/(α+pt))^r): worked example r = 1, α = 10, p = ½, t = 20 → 2 · (1 − ½) = 1', () => {
    expect(bgnbdUnconditionalExpectedPurchases({ r: 1, alpha: 10, p: 0.5 }, 20)).toBeCloseTo(1, 14);
  });

  it('are the limits of the BG/NBD formulas: at a, b = 1e4·(p, 1−p) within 1 %, closing in as 1/k', () => {
    for (const h of histories) {
      for (const t of [13, 52, 260]) {
        const rel = (interior: number, fixed: number) => Math.abs(interior / fixed - 1);
        const pAlive = bgnbdPAlive(limit, h);
        const cond = bgnbdConditionalExpectedPurchases(limit, t, h);
        expect(rel(bgnbdPAlive(onRay(limit, 1e4), h), pAlive)).toBeLessThan(1e-2);
        expect(rel(bgnbdConditionalExpectedPurchases(onRay(limit, 1e4), t, h), cond)).toBeLessThan(1e-2);
        const uncond = bgnbdUnconditionalExpectedPurchases(limit, t);
        expect(rel(bgnbdUnconditionalExpectedPurchases(onRay(limit, 1e4), t), uncond)).toBeLessThan(1e-2);
        // k · (E_k / E_∞ − 1) tends to a constant C (0.004–23 here): the same at k = 1e6 and 1e7 to
        // 1e−3, which says the interior formula is exact to ~1e−12 relative out there (the series it
        // used to sum overflowed from a ≈ 30 on), and within 5 % of C at k = 1e3.
        const scaled = (k: number) =>
          k * (bgnbdConditionalExpectedPurchases(onRay(limit, k), t, h) / cond - 1);
        expect(Math.abs(scaled(1e6) / scaled(1e7) - 1)).toBeLessThan(1e-3);
        expect(Math.abs(scaled(1e3) / scaled(1e6) - 1)).toBeLessThan(0.05);
      }
    }
  });

  it('the BG/NBD expectation at a, b = 1e3·(p, 1−p) and at moderate a matches direct integration to 1e−9', () => {
    const cases = [
      onRay(limit, 1e3),
      { r: 2.5, alpha: 16, a: 30, b: 60 },
      { r: 0.5, alpha: 3, a: 12, b: 5 },
      { r: 0.5, alpha: 3, a: 9.9, b: 30 },
    ];
    for (const params of cases) {
      for (const h of histories) {
        const integral = expectedIfAliveByIntegration(params, 260, h.x, h.T);
        const formula = bgnbdConditionalExpectedPurchases(params, 260, h) / bgnbdPAlive(params, h);
        expect(Math.abs(formula / integral - 1)).toBeLessThan(1e-9);
      }
    }
  }, 30_000);

  it('P(alive) and expected purchases behave: P(alive) in [0, 1], 1 without repeats, E grows with t', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        fc.double({ min: 0.5, max: 50, noNaN: true }),
        fc.double({ min: 0.001, max: 0.99, noNaN: true }),
        fc.integer({ min: 0, max: 300 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 500, noNaN: true }),
        (r, alpha, p, x, share, t) => {
          const params = { r, alpha, p };
          const h = { x, tx: x === 0 ? 0 : share * 150, T: 150 };
          const alive = bgnbdPAlive(params, h);
          expect(alive).toBeGreaterThanOrEqual(0);
          expect(alive).toBeLessThanOrEqual(1);
          if (x === 0) expect(alive).toBe(1);
          const shorter = bgnbdConditionalExpectedPurchases(params, t, h);
          const longer = bgnbdConditionalExpectedPurchases(params, t + 52, h);
          expect(shorter).toBeGreaterThanOrEqual(0);
          expect(longer).toBeGreaterThanOrEqual(shorter);
          // An alive customer cannot expect more than the 1/p purchases before dropping out.
          expect(longer).toBeLessThanOrEqual(alive / p + 1e-9);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('fitting at the boundary', () => {
  it('CDNOW is interior: no limit fit is tried', () => {
    const fit = fitBgNbd(cdnowSummary());
    expect(fit).toMatchObject({ boundary: false, limit: null, converged: true });
    expect(fit.model).toEqual(fit.params);
  });

  it('recovers r, α and p from customers simulated with one dropout probability for all', () => {
    // The truth is on the boundary, so about half of all samples have their maximum there and half
    // just inside (a tight Beta around the same p); seed 4 is one of the first kind, seed 3 of the other.
    const truth = { r: 1.5, alpha: 8, p: 0.15 };
    for (const [seed, boundary] of [
      [4, true],
      [3, false],
    ] as const) {
      const sim = simulatePurchases(5_000, onRay(truth, 1e9), { p: 6, q: 4, v: 15 }, seed);
      const summaries = summariseTransactions(sim.purchases, sim.calibrationEnd);
      const fit = fitBgNbd(summaries);
      expect(fit).toMatchObject({ boundary, converged: true });
      const p = isBgNbdLimit(fit.model) ? fit.model.p : fit.model.a / (fit.model.a + fit.model.b);
      expect(Math.abs(fit.model.r / truth.r - 1)).toBeLessThan(0.1);
      expect(Math.abs(fit.model.alpha / truth.alpha - 1)).toBeLessThan(0.1);
      expect(Math.abs(p / truth.p - 1)).toBeLessThan(0.1);
      if (boundary) {
        // The limit is at least as likely as where the interior optimiser stopped, far out on the ridge.
        expect(fit.params.a + fit.params.b).toBeGreaterThan(1e6);
        expect(fit.model).toEqual(fit.limit!.params);
        const interior = bgnbdLogLikelihood(fit.params, bgnbdData(summaries));
        expect(fit.logLikelihood).toBeGreaterThanOrEqual(interior - 1e-6);
      }
    }
  }, 30_000);
});
