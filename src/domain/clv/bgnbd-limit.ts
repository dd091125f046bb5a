import type { RepeatHistory } from './bgnbd';

/**
 * The BG/NBD model at its a, b → ∞ boundary: the Beta(a, b) distribution of the dropout probability
 * degenerates to a point mass at p = a/(a+b), so every customer drops out with the same probability p
 * after each purchase (purchase rates still vary, λ ~ Gamma(r, α)). The fit (bgnbd-fit.ts) lands here
 * when the data show no spread in dropout between customers; the likelihood is in
 * bgnbd-limit-likelihood.ts. Each formula below is the limit of its BG/NBD counterpart in bgnbd.ts.
 */
export interface BgNbdLimitParams {
  r: number;
  alpha: number;
  /** The common dropout probability after each purchase, in (0, 1). */
  p: number;
}

/**
 * P(alive | x, t_x, T) = 1 / (1 + 𝟙(x>0) · p/(1−p) · ((α+T)/(α+t_x))^(r+x)) — the BG/NBD formula with
 * a/(b+x−1) → p/(1−p).
 *
 * @example bgnbdLimitPAlive({ r: 2, alpha: 10, p: 0.1 }, { x: 3, tx: 20, T: 30 }) // ≈ 0.6811
 */
export function bgnbdLimitPAlive(params: BgNbdLimitParams, h: RepeatHistory): number {
  if (h.x <= 0) return 1;
  const { r, alpha, p } = params;
  const lnOdds = Math.log(p) - Math.log1p(-p) + (r + h.x) * (Math.log(alpha + h.T) - Math.log(alpha + h.tx));
  return 1 / (1 + Math.exp(lnOdds));
}

/**
 * Expected purchases in the next t of a customer alive at age T after x repeat purchases, for a fixed p:
 *
 * E = (1/p) · [1 − ((α+T)/(α+T+p·t))^(r+x)].
 *
 * Derivation: given λ, purchases while alive come at rate λ and each ends the relationship with
 * probability p, so E[Y(t) | λ] = (1 − e^(−λpt))/p; the posterior of λ after (x, T) is Gamma(r+x, α+T),
 * whose Laplace transform at pt gives the bracket. It is also the limit of the BG/NBD formula: with
 * b/(a+b) → 1−p, ₂F₁(r+x, b+x; a+b+x−1; z) → (1 − (1−p)z)^(−(r+x)) (the Pochhammer ratio
 * (b+x)ₙ/(a+b+x−1)ₙ → (1−p)ⁿ) and (a+b+x−1)/(a−1) → 1/p. Computed as −expm1(−(r+x)·log1p(pt/(α+T)))/p:
 * no cancellation for small t.
 */
export function bgnbdLimitExpectedIfAlive(params: BgNbdLimitParams, t: number, x: number, T: number): number {
  if (!(t > 0)) return 0;
  const { r, alpha, p } = params;
  return -Math.expm1(-(r + x) * Math.log1p((p * t) / (alpha + T))) / p;
}

/**
 * Unconditional E[X(t)] in the first t after the first purchase: (1/p) · (1 − (α/(α+p·t))^r), the
 * alive expectation at x = 0, T = 0 (the limit of (a+b−1)/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))]).
 *
 * @example bgnbdLimitUnconditionalExpectedPurchases({ r: 1, alpha: 10, p: 0.5 }, 20) // = 2 · (1 − 10/20) = 1
 */
export function bgnbdLimitUnconditionalExpectedPurchases(params: BgNbdLimitParams, t: number): number {
  return bgnbdLimitExpectedIfAlive(params, t, 0, 0);
}
