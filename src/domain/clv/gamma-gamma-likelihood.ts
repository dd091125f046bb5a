import { codeColumn } from './aggregate';
import type { GammaGammaParams, RepeatSpend } from './gamma-gamma';
import { digamma, lnGamma } from './special-functions';

/**
 * Customers in the form the likelihood wants: x coded by level (the gamma-function terms are computed
 * once per distinct x), zbar per customer, and the sums that do not change. Unlike BG/NBD, (x, zbar)
 * pairs are not merged: zbar is an average of money amounts and nearly every customer's is different,
 * so merging would cost a sort of 100 000 values and save nothing.
 */
export interface GammaGammaData {
  /** Distinct x, ascending, and each customer's index into them. */
  xLevels: Float64Array;
  xAt: Int32Array;
  zbar: Float64Array;
  /** Σ ln zbar and Σ x·ln zbar over the customers: the (px − 1) ln zbar term is p·Σx ln zbar − Σ ln zbar. */
  sumLnZbar: number;
  sumXLnZbar: number;
  /** Customers included (x > 0 and zbar > 0). */
  customers: number;
}

/** A repeat buyer the model can hold: zbar is the mean of x > 0 purchases, and a gamma mean is > 0. */
export function isRepeatSpend(s: RepeatSpend): boolean {
  return s.x > 0 && s.zbar > 0 && Number.isFinite(s.x) && Number.isFinite(s.zbar);
}

/**
 * Prepares customers for the Gamma-Gamma likelihood. Only repeat buyers with a positive mean take part
 * (isRepeatSpend): without a repeat purchase there is no zbar, and the gamma distribution has no room
 * for a zero or negative mean. `scale` multiplies every zbar (the fit rescales money to a mean of 1).
 */
export function gammaGammaData(spends: readonly RepeatSpend[], scale = 1): GammaGammaData {
  const used = spends.filter(isRepeatSpend);
  const x = new Float64Array(used.length);
  const zbar = new Float64Array(used.length);
  let sumLnZbar = 0;
  let sumXLnZbar = 0;
  used.forEach((s, i) => {
    x[i] = s.x;
    zbar[i] = s.zbar * scale;
    const lnZbar = Math.log(zbar[i]);
    sumLnZbar += lnZbar;
    sumXLnZbar += s.x * lnZbar;
  });
  const { levels, codes } = codeColumn(x);
  return { xLevels: levels, xAt: codes, zbar, sumLnZbar, sumXLnZbar, customers: used.length };
}

/**
 * Total log-likelihood of the repeat buyers' mean spend (note 025) and, when `gradient` is
 * given, its partial derivatives with respect to p, q, v written into it:
 *
 * ln Lᵢ = ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln v + (px−1) ln zbar + px ln x − (px+q) ln(v + x·zbar)
 * ∂/∂p = x [ψ(px+q) − ψ(px) + ln zbar + ln x − ln(v + x·zbar)]
 * ∂/∂q = ψ(px+q) − ψ(q) + ln v − ln(v + x·zbar)
 * ∂/∂v = q/v − (px+q)/(v + x·zbar)
 *
 * The gamma-function terms are computed once per distinct x and the ln zbar term from two fixed sums,
 * so a customer costs one log (and one division for the gradient).
 *
 * @example gammaGammaLogLikelihood({ p: 6.25, q: 3.74, v: 15.44 }, gammaGammaData(cdnow)) // ≈ −4055.9
 */
export function gammaGammaLogLikelihood(
  params: GammaGammaParams,
  data: GammaGammaData,
  gradient?: number[],
): number {
  const { p, q, v } = params;
  const { xLevels, xAt, zbar } = data;
  // Per x level: customers and Σ ln(v + x·zbar).
  const weightOfX = new Float64Array(xLevels.length);
  const lnVXzOfX = new Float64Array(xLevels.length);
  let dv = 0;
  for (let i = 0; i < zbar.length; i++) {
    const k = xAt[i]!;
    const x = xLevels[k]!;
    const vxz = v + x * zbar[i]!;
    weightOfX[k] = weightOfX[k]! + 1;
    lnVXzOfX[k] = lnVXzOfX[k]! + Math.log(vxz);
    if (gradient) dv -= (p * x + q) / vxz;
  }
  let sum = p * data.sumXLnZbar - data.sumLnZbar;
  const n = data.customers;
  const lnV = Math.log(v);
  sum += n * (q * lnV - lnGamma(q));
  let dp = data.sumXLnZbar;
  let dq = n * (lnV - digamma(q));
  for (let k = 0; k < xLevels.length; k++) {
    const x = xLevels[k]!;
    const px = p * x;
    const W = weightOfX[k]!;
    sum += W * (lnGamma(px + q) - lnGamma(px) + px * Math.log(x)) - (px + q) * lnVXzOfX[k]!;
    if (gradient) {
      const psiPxQ = digamma(px + q);
      dp += x * (W * (psiPxQ - digamma(px) + Math.log(x)) - lnVXzOfX[k]!);
      dq += W * psiPxQ - lnVXzOfX[k]!;
    }
  }
  if (gradient) {
    gradient[0] = dp;
    gradient[1] = dq;
    gradient[2] = dv + (n * q) / v;
  }
  return sum;
}
