import { minimise, type MinimiseResult } from './bfgs';
import type { BgNbdModel, BgNbdParams, RepeatHistory } from './bgnbd';
import type { BgNbdLimitParams } from './bgnbd-limit';
import { bgnbdLimitLogLikelihood } from './bgnbd-limit-likelihood';
import { bgnbdData, bgnbdLogLikelihood, isRepeatHistory } from './bgnbd-likelihood';

/**
 * Maximum-likelihood fit of the BG/NBD parameters.
 *
 * - Customers with the same (x, t_x, T) are merged with a weight first (aggregate.ts).
 * - Time is rescaled so that the oldest customer has T = 1: α then lands near 1 whatever the unit, and
 *   one starting point (r = α = a = b = 1) suits every data set. Scaling time by s changes the
 *   log-likelihood by the constant −ln(s)·Σx only, so the optimum is the same; α is scaled back.
 * - The optimiser works on ln r, ln α, ln a, ln b: the parameters must stay positive, and on the log
 *   scale the likelihood surface is much rounder.
 * - The a, b → ∞ boundary: when the data show no spread in dropout between customers, the likelihood
 *   keeps rising as a and b grow together with a/(a+b) fixed, and the optimiser runs off along that
 *   ridge. When it stops with a + b above {@link BOUNDARY_SUM}, or does not converge, the fixed-p limit
 *   model (bgnbd-limit.ts: every customer drops out with the same p) is fitted on r, α, logit p. Its
 *   maximum is the supremum of the likelihood along the ridge, so when it is at least the interior
 *   fit's likelihood it is the maximum-likelihood answer, and the fit says so (`boundary: true`).
 */

/** a + b beyond which the interior fit counts as having run off to the boundary. */
export const BOUNDARY_SUM = 1e6;

/**
 * Log-likelihood difference below which the interior and the limit fit count as equally good: the
 * interior point far out on the ridge is the limit up to O(1/(a+b)), and the optimisers stop within
 * ~1e−14 relative of their optimum (bfgs.ts).
 */
const LIKELIHOOD_TIE = 1e-6;

/** The fixed-p limit fit (see bgnbd-limit.ts). */
export interface BgNbdLimitFit {
  params: BgNbdLimitParams;
  /** Total log-likelihood at `params`, in the input's time unit. */
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  evaluations: number;
}

export interface BgNbdFit {
  /** The interior fit: where the optimiser of r, α, a, b stopped (at the boundary: far out on the ridge). */
  params: BgNbdParams;
  /**
   * True when the maximum-likelihood answer is the fixed-p limit (a, b → ∞, p = a/(a+b)): `limit`
   * then holds it, `model` is its parameters, and `logLikelihood` and `converged` are its own.
   */
  boundary: boolean;
  /** The fixed-p limit fit, when the interior fit reached for it (null when the interior fit was fine). */
  limit: BgNbdLimitFit | null;
  /** The parameters to project with: `limit.params` at the boundary, else `params`. */
  model: BgNbdModel;
  /** Total log-likelihood of `model`, in the input's time unit. */
  logLikelihood: number;
  /** The optimiser converged to a finite optimum (a failed fit must not be used). */
  converged: boolean;
  /** Optimiser iterations and likelihood evaluations (both fits), and the distinct (x, t_x, T) rows. */
  iterations: number;
  evaluations: number;
  distinctRows: number;
}

/**
 * Fits r, α, a, b by maximum likelihood (log-likelihood: bgnbd-likelihood.ts), and the fixed-p limit
 * when the interior fit runs off to a, b → ∞. Invalid histories are left out.
 *
 * @example
 * // CDNOW (Fader, Hardie & Lee 2005 §7): 2 357 customers, weeks
 * fitBgNbd(cdnowSummary).params // ≈ { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, logLikelihood ≈ −9582.4
 * @example
 * // Sample data (seed 1, 2025-06-30): a, b → ∞; boundary: true, model ≈ { r: 2.52, alpha: 16.1, p: 0.029 }
 */
export function fitBgNbd(histories: readonly RepeatHistory[]): BgNbdFit {
  const valid = histories.filter(isRepeatHistory);
  const n = valid.length;
  const maxT = valid.reduce((m, h) => Math.max(m, h.T), 0);
  if (n === 0 || !(maxT > 0)) {
    const none = { r: Number.NaN, alpha: Number.NaN, a: Number.NaN, b: Number.NaN };
    return {
      params: none,
      boundary: false,
      limit: null,
      model: none,
      logLikelihood: Number.NaN,
      converged: false,
      iterations: 0,
      evaluations: 0,
      distinctRows: 0,
    };
  }
  const scale = 1 / maxT;
  const data = bgnbdData(valid, scale);
  const totalX = valid.reduce((s, h) => s + h.x, 0);
  /** Back to the input's time unit (see the scaling note above). */
  const unscaled = (result: MinimiseResult) => -result.value * n + Math.log(scale) * totalX;
  // f(θ) = −LL / n on θ = ln(params): ∂f/∂θⱼ = −paramⱼ · ∂LL/∂paramⱼ / n.
  const objective = (theta: readonly number[], gradient: number[]): number => {
    const p = theta.map(Math.exp);
    const value = bgnbdLogLikelihood({ r: p[0]!, alpha: p[1]!, a: p[2]!, b: p[3]! }, data, gradient);
    for (let j = 0; j < 4; j++) gradient[j] = (-gradient[j]! * p[j]!) / n;
    return -value / n;
  };
  const result = minimise(objective, [0, 0, 0, 0]);
  const [r, alpha, a, b] = result.x.map(Math.exp);
  const params = { r: r!, alpha: alpha! / scale, a: a!, b: b! };
  const interior = {
    params,
    boundary: false,
    limit: null,
    model: params,
    logLikelihood: unscaled(result),
    converged: result.converged && Object.values(params).every(Number.isFinite),
    iterations: result.iterations,
    evaluations: result.evaluations,
    distinctRows: data.weight.length,
  } satisfies BgNbdFit;
  if (interior.converged && !(params.a + params.b > BOUNDARY_SUM)) return interior;

  // The fixed-p limit, on θ = (ln r, ln α, logit p), started where the interior fit stopped (or at
  // r = α = 1, p = ½ when that is not finite): ∂f/∂ logit p is the limit likelihood's own.
  const limitObjective = (theta: readonly number[], gradient: number[]): number => {
    const lp = { r: Math.exp(theta[0]!), alpha: Math.exp(theta[1]!), p: 1 / (1 + Math.exp(-theta[2]!)) };
    const value = bgnbdLimitLogLikelihood(lp, data, gradient);
    gradient[0] = (-gradient[0]! * lp.r) / n;
    gradient[1] = (-gradient[1]! * lp.alpha) / n;
    gradient[2] = -gradient[2]! / n;
    return -value / n;
  };
  const start = [result.x[0]!, result.x[1]!, result.x[2]! - result.x[3]!];
  const limitResult = minimise(limitObjective, start.every(Number.isFinite) ? start : [0, 0, 0]);
  const [lnR, lnAlpha, logit] = limitResult.x;
  const limitParams = {
    r: Math.exp(lnR!),
    alpha: Math.exp(lnAlpha!) / scale,
    p: 1 / (1 + Math.exp(-logit!)),
  };
  const limit: BgNbdLimitFit = {
    params: limitParams,
    logLikelihood: unscaled(limitResult),
    converged:
      limitResult.converged &&
      Object.values(limitParams).every(Number.isFinite) &&
      limitParams.p > 0 &&
      limitParams.p < 1,
    iterations: limitResult.iterations,
    evaluations: limitResult.evaluations,
  };
  const work = {
    iterations: result.iterations + limit.iterations,
    evaluations: result.evaluations + limit.evaluations,
  };
  // The limit is the supremum along the ridge: it wins unless the interior fit found a better point.
  const boundary = limit.converged && !(interior.logLikelihood > limit.logLikelihood + LIKELIHOOD_TIE);
  if (!boundary) return { ...interior, limit, ...work };
  return {
    ...interior,
    boundary: true,
    limit,
    model: limit.params,
    logLikelihood: limit.logLikelihood,
    converged: true,
    ...work,
  };
}
