import { minimise } from './bfgs';
import type { GammaGammaParams, RepeatSpend } from './gamma-gamma';
import { gammaGammaData, gammaGammaLogLikelihood, isRepeatSpend } from './gamma-gamma-likelihood';

/**
 * Maximum-likelihood fit of the Gamma-Gamma parameters on the repeat buyers (x > 0, zbar > 0; see
 * gammaGammaData for why only they).
 *
 * - Money is rescaled so that the mean zbar is 1 (cents, yuan or dollars then all start well from
 *   p = q = v = 1); scaling money by s changes each customer's log-likelihood by −ln s only (the
 *   density of zbar picks up the Jacobian), so the optimum is the same, and v is scaled back.
 * - The optimiser works on ln p, ln q, ln v: the parameters must stay positive.
 */

export interface GammaGammaFit {
  params: GammaGammaParams;
  /** Total log-likelihood at `params`, in the input's money unit. */
  logLikelihood: number;
  /** Customers the fit used (x > 0, zbar > 0). */
  customers: number;
  /** Converged to a finite optimum with q > 1 (otherwise the population mean spend is infinite). */
  converged: boolean;
  iterations: number;
  evaluations: number;
}

/**
 * Fits p, q, v by maximum likelihood (log-likelihood: gamma-gamma-likelihood.ts).
 *
 * @example
 * // CDNOW, the 946 customers with x > 0 (Fader & Hardie, note 025):
 * fitGammaGamma(cdnowSummaryWithTransactions).params // ≈ { p: 6.25, q: 3.74, v: 15.44 }
 */
export function fitGammaGamma(spends: readonly RepeatSpend[]): GammaGammaFit {
  const used = spends.filter(isRepeatSpend);
  const n = used.length;
  if (n === 0) {
    const none = { p: Number.NaN, q: Number.NaN, v: Number.NaN };
    return {
      params: none,
      logLikelihood: Number.NaN,
      customers: 0,
      converged: false,
      iterations: 0,
      evaluations: 0,
    };
  }
  const scale = n / used.reduce((sum, s) => sum + s.zbar, 0);
  const data = gammaGammaData(used, scale);
  // f(θ) = −LL / n on θ = ln(params): ∂f/∂θⱼ = −paramⱼ · ∂LL/∂paramⱼ / n.
  const objective = (theta: readonly number[], gradient: number[]): number => {
    const p = theta.map(Math.exp);
    const value = gammaGammaLogLikelihood({ p: p[0]!, q: p[1]!, v: p[2]! }, data, gradient);
    for (let j = 0; j < 3; j++) gradient[j] = (-gradient[j]! * p[j]!) / n;
    return -value / n;
  };
  const result = minimise(objective, [0, 0, 0]);
  const [p, q, v] = result.x.map(Math.exp);
  const params = { p: p!, q: q!, v: v! / scale };
  return {
    params,
    logLikelihood: -result.value * n + n * Math.log(scale),
    customers: n,
    converged: result.converged && Object.values(params).every(Number.isFinite) && params.q > 1,
    iterations: result.iterations,
    evaluations: result.evaluations,
  };
}
