import { aggregateRows, type AggregatedRows } from './aggregate';
import type { BgNbdParams, RepeatHistory } from './bgnbd';
import { digamma, lnGamma } from './special-functions';

/** A history the model can hold: finite, x ≥ 0, 0 ≤ t_x ≤ T. */
export function isRepeatHistory(h: RepeatHistory): boolean {
  return Number.isFinite(h.x) && Number.isFinite(h.T) && h.x >= 0 && h.tx >= 0 && h.tx <= h.T;
}

/**
 * Customers in the form the likelihood wants: (x, t_x, T) aggregated (aggregate.ts), invalid histories
 * left out, times multiplied by `scale` (the fit rescales time so that the oldest customer has T = 1).
 */
export function bgnbdData(histories: readonly RepeatHistory[], scale = 1): AggregatedRows {
  const valid = histories.filter(isRepeatHistory);
  // Plain loops: Float64Array.from(array, fn) goes through the iterator protocol, ~10× slower here.
  const x = new Float64Array(valid.length);
  const tx = new Float64Array(valid.length);
  const T = new Float64Array(valid.length);
  valid.forEach((h, i) => {
    x[i] = h.x;
    tx[i] = h.tx * scale;
    T[i] = h.T * scale;
  });
  return aggregateRows([x, tx, T]);
}

/**
 * Total log-likelihood of aggregated customers (FHL 2005 §3) and, when `gradient` is given, its
 * partial derivatives with respect to r, α, a, b written into it:
 *
 * ln Lᵢ = ln Γ(r+x) − ln Γ(r) + r ln α + ln Γ(a+b) + ln Γ(b+x) − ln Γ(b) − ln Γ(a+b+x) + ln(e^A₃ + e^A₄)
 * A₃ = −(r+x) ln(α+T),  A₄ = ln a − ln(b+x−1) − (r+x) ln(α+t_x)  (A₄ only when x > 0)
 *
 * With w = e^A₄ / (e^A₃ + e^A₄), the share of the "dropped out after the last purchase" branch, and ψ
 * the digamma function:
 * ∂/∂r = ψ(r+x) − ψ(r) + ln α − (1−w) ln(α+T) − w ln(α+t_x)
 * ∂/∂α = r/α − (r+x) [(1−w)/(α+T) + w/(α+t_x)]
 * ∂/∂a = ψ(a+b) − ψ(a+b+x) + w/a
 * ∂/∂b = ψ(a+b) + ψ(b+x) − ψ(b) − ψ(a+b+x) − w/(b+x−1)
 *
 * Terms of one column are computed once per distinct value (ln Γ and ψ per x, ln(α+T) per T, ln(α+t_x)
 * per t_x), so a row costs one exp and one log: the log-sum-exp, which keeps large x from underflowing.
 *
 * @example bgnbdLogLikelihood({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, bgnbdData(cdnow)) // ≈ −9582.4
 */
export function bgnbdLogLikelihood(params: BgNbdParams, data: AggregatedRows, gradient?: number[]): number {
  const { r, alpha, a, b } = params;
  const [xLevels, txLevels, TLevels] = data.levels;
  const [xAt, txAt, TAt] = data.index;
  if (!xLevels || !txLevels || !TLevels || !xAt || !txAt || !TAt) return 0;
  const lnT = TLevels.map((T) => Math.log(alpha + T));
  const lnTx = txLevels.map((tx) => Math.log(alpha + tx));
  const lnA4 = xLevels.map((x) => (x > 0 ? Math.log(a / (b + x - 1)) : Number.NEGATIVE_INFINITY));
  // Per x level: Σ weight and Σ weight·w, for the terms of the gradient that depend on x only.
  const weightOfX = new Float64Array(xLevels.length);
  const dropOfX = new Float64Array(xLevels.length);
  let sumLnD = 0;
  let dr = 0;
  let dAlpha = 0;
  const { weight } = data;
  for (let i = 0; i < weight.length; i++) {
    const k = xAt[i]!;
    const x = xLevels[k]!;
    const wi = weight[i]!;
    const rx = r + x;
    const lnA3 = -rx * lnT[TAt[i]!]!;
    let lnD = lnA3;
    let w = 0;
    if (x > 0) {
      const lnA4i = lnA4[k]! - rx * lnTx[txAt[i]!]!;
      const e = Math.exp(-Math.abs(lnA4i - lnA3));
      lnD = Math.max(lnA3, lnA4i) + Math.log(1 + e);
      w = lnA4i > lnA3 ? 1 / (1 + e) : e / (1 + e);
    }
    sumLnD += wi * lnD;
    weightOfX[k] = weightOfX[k]! + wi;
    if (gradient) {
      const T = TLevels[TAt[i]!]!;
      const tx = txLevels[txAt[i]!]!;
      dropOfX[k] = dropOfX[k]! + wi * w;
      dr -= wi * ((1 - w) * lnT[TAt[i]!]! + w * lnTx[txAt[i]!]!);
      dAlpha -= wi * rx * ((1 - w) / (alpha + T) + w / (alpha + tx));
    }
  }
  let sum = sumLnD;
  const n = weight.reduce((s, wi) => s + wi, 0);
  sum += n * (r * Math.log(alpha) - lnGamma(r) + lnGamma(a + b) - lnGamma(b));
  for (let k = 0; k < xLevels.length; k++) {
    const x = xLevels[k]!;
    sum += weightOfX[k]! * (lnGamma(r + x) + lnGamma(b + x) - lnGamma(a + b + x));
  }
  if (gradient) {
    let da = 0;
    let db = 0;
    for (let k = 0; k < xLevels.length; k++) {
      const x = xLevels[k]!;
      const W = weightOfX[k]!;
      const psiABX = digamma(a + b + x);
      dr += W * digamma(r + x);
      da += -W * psiABX + dropOfX[k]! / a;
      db += W * (digamma(b + x) - psiABX) - (x > 0 ? dropOfX[k]! / (b + x - 1) : 0);
    }
    const psiAB = digamma(a + b);
    gradient[0] = dr + n * (Math.log(alpha) - digamma(r));
    gradient[1] = dAlpha + (n * r) / alpha;
    gradient[2] = da + n * psiAB;
    gradient[3] = db + n * (psiAB - digamma(b));
  }
  return sum;
}
