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

/** What the per-row loop of both likelihoods (interior and fixed p) returns. */
export interface RowSums {
  /** Σ weight · ln(e^A₃ + e^A₄), and the parts of ∂/∂r, ∂/∂α that depend on the row (when asked). */
  sumLnD: number;
  dr: number;
  dAlpha: number;
  /** Per x level: Σ weight, and Σ weight · w (w = the share of the A₄ branch). */
  weightOfX: Float64Array;
  dropOfX: Float64Array;
  /** Σ weight over all rows. */
  n: number;
}

/**
 * The row loop shared by the BG/NBD likelihood and its fixed-p limit (bgnbd-limit-likelihood.ts): both
 * have the form ln Lᵢ = c(x) + ln Γ(r+x) − ln Γ(r) + r ln α + ln(e^A₃ + e^A₄) with
 * A₃ = −(r+x) ln(α+T) and A₄ = lnOdds(x) − (r+x) ln(α+t_x) (A₄ only when x > 0); they differ in c(x)
 * and lnOdds(x) only. With w = e^A₄ / (e^A₃ + e^A₄):
 * ∂/∂r ∋ −(1−w) ln(α+T) − w ln(α+t_x),  ∂/∂α ∋ −(r+x) [(1−w)/(α+T) + w/(α+t_x)].
 *
 * Terms of one column are computed once per distinct value (ln(α+T) per T, ln(α+t_x) per t_x), so a row
 * costs one exp and one log: the log-sum-exp, which keeps large x from underflowing.
 */
export function bgnbdRowSums(
  r: number,
  alpha: number,
  lnOdds: Float64Array,
  data: AggregatedRows,
  withGradient: boolean,
): RowSums | null {
  const [xLevels, txLevels, TLevels] = data.levels;
  const [xAt, txAt, TAt] = data.index;
  if (!xLevels || !txLevels || !TLevels || !xAt || !txAt || !TAt) return null;
  const lnT = TLevels.map((T) => Math.log(alpha + T));
  const lnTx = txLevels.map((tx) => Math.log(alpha + tx));
  const weightOfX = new Float64Array(xLevels.length);
  const dropOfX = new Float64Array(xLevels.length);
  let sumLnD = 0;
  let dr = 0;
  let dAlpha = 0;
  let n = 0;
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
      const lnA4i = lnOdds[k]! - rx * lnTx[txAt[i]!]!;
      const e = Math.exp(-Math.abs(lnA4i - lnA3));
      lnD = Math.max(lnA3, lnA4i) + Math.log(1 + e);
      w = lnA4i > lnA3 ? 1 / (1 + e) : e / (1 + e);
    }
    sumLnD += wi * lnD;
    n += wi;
    weightOfX[k] = weightOfX[k]! + wi;
    if (withGradient) {
      const T = TLevels[TAt[i]!]!;
      const tx = txLevels[txAt[i]!]!;
      dropOfX[k] = dropOfX[k]! + wi * w;
      dr -= wi * ((1 - w) * lnT[TAt[i]!]! + w * lnTx[txAt[i]!]!);
      dAlpha -= wi * rx * ((1 - w) / (alpha + T) + w / (alpha + tx));
    }
  }
  return { sumLnD, dr, dAlpha, weightOfX, dropOfX, n };
}

/** Above this x the Beta ratio is taken from ln Γ, not summed term by term (see betaRatioTerms). */
const MAX_SUMMED_X = 100_000;

/**
 * ln B(a, b+x) / B(a, b) and its derivatives with respect to a and b, for every x level (ascending).
 *
 * For a whole x it is the finite sum Σ_{j<x} ln((b+j)/(a+b+j)) = −Σ_{j<x} log1p(a/(b+j)), accumulated
 * along the ascending levels up to the largest x: no cancellation at any a, b. The ln Γ form
 * ln Γ(a+b) − ln Γ(b) + ln Γ(b+x) − ln Γ(a+b+x) subtracts numbers of size (a+b) ln(a+b) and loses
 * all precision as a, b → ∞, where the fixed-p limit needs the likelihood to be exact; it is kept for a
 * fractional or huge x. Derivatives: ∂/∂a = −Σ 1/(a+b+j), ∂/∂b = Σ [1/(b+j) − 1/(a+b+j)] (or ψ differences).
 */
function betaRatioTerms(
  a: number,
  b: number,
  xLevels: Float64Array,
): { value: Float64Array; da: Float64Array; db: Float64Array } {
  const value = new Float64Array(xLevels.length);
  const da = new Float64Array(xLevels.length);
  const db = new Float64Array(xLevels.length);
  let j = 0;
  let sum = 0;
  let sumA = 0;
  let sumB = 0;
  const psiAB = digamma(a + b);
  const psiB = digamma(b);
  const lnRatioAB = lnGamma(a + b) - lnGamma(b);
  xLevels.forEach((x, k) => {
    if (Number.isInteger(x) && x <= MAX_SUMMED_X) {
      for (; j < x; j++) {
        sum -= Math.log1p(a / (b + j));
        sumA -= 1 / (a + b + j);
        sumB += 1 / (b + j) - 1 / (a + b + j);
      }
      value[k] = sum;
      da[k] = sumA;
      db[k] = sumB;
    } else {
      const psiABX = digamma(a + b + x);
      value[k] = lnRatioAB + lnGamma(b + x) - lnGamma(a + b + x);
      da[k] = psiAB - psiABX;
      db[k] = psiAB - psiABX + digamma(b + x) - psiB;
    }
  });
  return { value, da, db };
}

/**
 * Total log-likelihood of aggregated customers (FHL 2005 §3) and, when `gradient` is given, its
 * partial derivatives with respect to r, α, a, b written into it:
 *
 * ln Lᵢ = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x)/B(a, b) + ln(e^A₃ + e^A₄)
 * A₃ = −(r+x) ln(α+T),  A₄ = ln a − ln(b+x−1) − (r+x) ln(α+t_x)  (A₄ only when x > 0)
 *
 * (ln B(a, b+x)/B(a, b) = ln Γ(a+b) + ln Γ(b+x) − ln Γ(b) − ln Γ(a+b+x), computed without cancellation:
 * see betaRatioTerms.) With w = e^A₄ / (e^A₃ + e^A₄), the share of the "dropped out after the last
 * purchase" branch, and ψ the digamma function:
 * ∂/∂r = ψ(r+x) − ψ(r) + ln α − (1−w) ln(α+T) − w ln(α+t_x)
 * ∂/∂α = r/α − (r+x) [(1−w)/(α+T) + w/(α+t_x)]
 * ∂/∂a = ψ(a+b) − ψ(a+b+x) + w/a
 * ∂/∂b = ψ(a+b) + ψ(b+x) − ψ(b) − ψ(a+b+x) − w/(b+x−1)
 *
 * @example bgnbdLogLikelihood({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, bgnbdData(cdnow)) // ≈ −9582.4
 */
export function bgnbdLogLikelihood(params: BgNbdParams, data: AggregatedRows, gradient?: number[]): number {
  const { r, alpha, a, b } = params;
  const xLevels = data.levels[0];
  if (!xLevels) return 0;
  const lnOdds = xLevels.map((x) => (x > 0 ? Math.log(a / (b + x - 1)) : Number.NEGATIVE_INFINITY));
  const rows = bgnbdRowSums(r, alpha, lnOdds, data, gradient !== undefined);
  if (!rows) return 0;
  const { weightOfX, dropOfX, n } = rows;
  const beta = betaRatioTerms(a, b, xLevels);
  let sum = rows.sumLnD + n * (r * Math.log(alpha) - lnGamma(r));
  for (let k = 0; k < xLevels.length; k++) {
    sum += weightOfX[k]! * (lnGamma(r + xLevels[k]!) + beta.value[k]!);
  }
  if (gradient) {
    let dr = rows.dr;
    let da = 0;
    let db = 0;
    for (let k = 0; k < xLevels.length; k++) {
      const x = xLevels[k]!;
      const W = weightOfX[k]!;
      dr += W * digamma(r + x);
      da += W * beta.da[k]! + dropOfX[k]! / a;
      db += W * beta.db[k]! - (x > 0 ? dropOfX[k]! / (b + x - 1) : 0);
    }
    gradient[0] = dr + n * (Math.log(alpha) - digamma(r));
    gradient[1] = rows.dAlpha + (n * r) / alpha;
    gradient[2] = da;
    gradient[3] = db;
  }
  return sum;
}
