import { minimise } from './bfgs';
import type { BgNbdParams, RepeatHistory } from './bgnbd';
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
 */

export interface BgNbdFit {
  params: BgNbdParams;
  /** Total log-likelihood at `params`, in the input's time unit. */
  logLikelihood: number;
  /** The optimiser converged to a finite optimum (a failed fit must not be used). */
  converged: boolean;
  /** Optimiser iterations and likelihood evaluations, and the distinct (x, t_x, T) rows they ran over. */
  iterations: number;
  evaluations: number;
  distinctRows: number;
}

/**
 * Fits r, α, a, b by maximum likelihood (log-likelihood: bgnbd-likelihood.ts). Invalid histories are left out.
 *
 * @example
 * // CDNOW (Fader, Hardie & Lee 2005 §7): 2 357 customers, weeks
 * fitBgNbd(cdnowSummary).params // ≈ { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, logLikelihood ≈ −9582.4
 */
export function fitBgNbd(histories: readonly RepeatHistory[]): BgNbdFit {
  const valid = histories.filter(isRepeatHistory);
  const n = valid.length;
  const maxT = valid.reduce((m, h) => Math.max(m, h.T), 0);
  if (n === 0 || !(maxT > 0)) {
    const none = { r: Number.NaN, alpha: Number.NaN, a: Number.NaN, b: Number.NaN };
    return {
      params: none,
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
  return {
    params,
    logLikelihood: -result.value * n + Math.log(scale) * totalX,
    converged: result.converged && Object.values(params).every(Number.isFinite),
    iterations: result.iterations,
    evaluations: result.evaluations,
    distinctRows: data.weight.length,
  };
}
