import {
  bgnbdLimitExpectedIfAlive,
  bgnbdLimitPAlive,
  bgnbdLimitUnconditionalExpectedPurchases,
  type BgNbdLimitParams,
} from './bgnbd-limit';
import { betaExpectation, hyp2f1Excess } from './special-functions';

/**
 * The BG/NBD model of repeat buying (Fader, Hardie & Lee 2005, "Counting your customers the easy
 * way", Marketing Science 24(2)): while alive, a customer buys at rate λ ~ Gamma(r, α); after each
 * purchase they drop out with probability p ~ Beta(a, b). Times are in the units of the summary
 * (weeks in the paper, so α is in weeks too).
 */
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/**
 * What the projections accept: BG/NBD parameters, or the fixed-p limit the fit chooses when the data
 * show no spread in dropout (bgnbd-limit.ts); told apart by the presence of `p`.
 */
export type BgNbdModel = BgNbdParams | BgNbdLimitParams;

/** True for the fixed-p limit model. */
export function isBgNbdLimit(model: BgNbdModel): model is BgNbdLimitParams {
  return 'p' in model;
}

/** A customer's history in the model's terms (see summary.ts). */
export interface RepeatHistory {
  x: number;
  tx: number;
  T: number;
}

/**
 * P(alive | x, t_x, T): the probability that the customer has not dropped out (Fader, Hardie & Lee,
 * "Computing P(alive) using the BG/NBD model", 2008).
 *
 * P = 1 / (1 + 𝟙(x>0) · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)) — 1 for a customer with no repeat
 * purchase, because in BG/NBD a customer can only drop out right after a purchase. For the fixed-p
 * limit, see bgnbdLimitPAlive.
 *
 * @example bgnbdPAlive({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { x: 2, tx: 30.43, T: 38.86 }) // ≈ 0.7266
 */
export function bgnbdPAlive(params: BgNbdModel, h: RepeatHistory): number {
  if (isBgNbdLimit(params)) return bgnbdLimitPAlive(params, h);
  if (h.x <= 0) return 1;
  const { r, alpha, a, b } = params;
  const lnOdds = Math.log(a / (b + h.x - 1)) + (r + h.x) * (Math.log(alpha + h.T) - Math.log(alpha + h.tx));
  return 1 / (1 + Math.exp(lnOdds));
}

/** From this a on, expectedIfAlive integrates over p (betaExpectation needs a − 1 ≥ 2 anyway). */
const QUADRATURE_MIN_A = 10;

/**
 * Expected purchases in the next t of a customer who is alive at age T after x repeat purchases:
 *
 * E = (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; z)],  z = t/(α+T+t).
 *
 * Euler's transformation ₂F₁(A,B;C;z) = (1−z)^(C−A−B) ₂F₁(C−A, C−B; C; z) turns the bracket into
 * 1 − (1−z)^(a−1) ₂F₁(a+b−1−r, a−1; a+b+x−1; z): the parameters no longer grow with x (the raw series
 * needs ~x/(1−z) terms and overflows for frequent buyers), and with S = hyp2f1Excess and L = ln(1−z)
 * the division by a−1 is exact: [1 − (1−z)^(a−1) ₂F₁] / (a−1) = −(expm1((a−1)L)/(a−1) · ₂F₁ + S),
 * which stays finite at a = 1 where the textbook form is 0/0.
 *
 * Large a: the series S then grows like (1−z)^(−(a−1)) — it overflows for a ≈ 1 000 — and the result is
 * the difference of two such numbers. There (a ≥ 10 and b + x ≥ 2) the bracket is taken from its
 * integral form instead: given p, E = (1 − ((α+T)/(α+T+pt))^(r+x))/p (bgnbd-limit.ts); averaged over the
 * posterior p ~ Beta(a, b+x), E[g(p)/p] = (a+b+x−1)/(a−1) · E_{q~Beta(a−1, b+x)}[g(q)], so
 * E = (a+b+x−1)/(a−1) · E_q[1 − (1 + q·t/(α+T))^(−(r+x))], by quadrature (betaExpectation). Both sides
 * are positive numbers of size 1: no cancellation, and exact as a, b → ∞.
 */
function expectedIfAlive(params: BgNbdParams, t: number, x: number, T: number): number {
  if (!(t > 0)) return 0;
  const { r, alpha, a, b } = params;
  if (a >= QUADRATURE_MIN_A && b + x >= 2) {
    const u = t / (alpha + T);
    const s = r + x;
    const bracket = betaExpectation((q) => -Math.expm1(-s * Math.log1p(q * u)), a - 1, b + x);
    return ((a + b + x - 1) / (a - 1)) * bracket;
  }
  const z = t / (alpha + T + t);
  const lnOneMinusZ = -Math.log1p(t / (alpha + T));
  const shape = a - 1;
  const S = hyp2f1Excess(a + b - 1 - r, shape, a + b + x - 1, z);
  const F = 1 + shape * S;
  const growth = shape === 0 ? lnOneMinusZ : Math.expm1(shape * lnOneMinusZ) / shape;
  // ≥ 0 in exact arithmetic; for t near 0 rounding can leave a value like −1e−323.
  return Math.max(0, (a + b + x - 1) * -(growth * F + S));
}

/**
 * Conditional expected purchases E[Y(t) | x, t_x, T] in the next t (FHL 2005):
 * P(alive) × the expectation of an alive customer (see expectedIfAlive above for the formula).
 *
 * @example
 * // The paper's worked example: x = 2, t_x = 30.43, T = 38.86 weeks, next 39 weeks
 * bgnbdConditionalExpectedPurchases({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 39, { x: 2, tx: 30.43, T: 38.86 }) // ≈ 1.226
 */
export function bgnbdConditionalExpectedPurchases(params: BgNbdModel, t: number, h: RepeatHistory): number {
  return bgnbdPAlive(params, h) * bgnbdExpectedIfAlive(params, t, h.x, h.T);
}

/**
 * The expected purchases in the next t of a customer who is alive, E[Y(t) | alive, x, T]: the second
 * factor of bgnbdConditionalExpectedPurchases. It does not depend on t_x, so customers with the same
 * x and T share it (the value engine works it out once per such pair).
 *
 * @example
 * // x = 2, T = 38.86 weeks, next 39 weeks: 1.226 / P(alive) 0.7266 ≈ 1.687
 * bgnbdExpectedIfAlive({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 39, 2, 38.86) // ≈ 1.687
 */
export function bgnbdExpectedIfAlive(params: BgNbdModel, t: number, x: number, T: number): number {
  if (isBgNbdLimit(params)) return bgnbdLimitExpectedIfAlive(params, t, x, T);
  return expectedIfAlive(params, t, x, T);
}

/**
 * Unconditional expected purchases E[X(t)] of a customer in the first t after their first purchase
 * (FHL 2005): E = (a+b−1)/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))], the alive
 * expectation above at x = 0, T = 0.
 *
 * @example bgnbdUnconditionalExpectedPurchases({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 78) // ≈ 1.8576
 */
export function bgnbdUnconditionalExpectedPurchases(params: BgNbdModel, t: number): number {
  if (isBgNbdLimit(params)) return bgnbdLimitUnconditionalExpectedPurchases(params, t);
  return expectedIfAlive(params, t, 0, 0);
}
