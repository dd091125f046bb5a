import type { AggregatedRows } from './aggregate';
import type { BgNbdLimitParams } from './bgnbd-limit';
import { bgnbdRowSums } from './bgnbd-likelihood';
import { digamma, lnGamma } from './special-functions';

/**
 * Log-likelihood of the BG/NBD limit in which every customer has the same dropout probability p (the
 * Beta(a, b) distribution of p degenerates to a point mass as a, b → ∞ with a/(a+b) = p fixed), and
 * its gradient with respect to r, α and logit p.
 *
 * Derivation: given λ and p, a customer with x repeat purchases, the last at t_x, observed until T has
 * L(λ, p) = (1−p)^x λ^x e^(−λT) + 𝟙(x>0) p (1−p)^(x−1) λ^x e^(−λt_x) (FHL 2005 eq. 3: alive at T, or
 * dropped out right after the x-th purchase). Integrating λ over Gamma(r, α), with p fixed:
 *
 * L = Γ(r+x) α^r / Γ(r) · [ (1−p)^x / (α+T)^(r+x) + 𝟙(x>0) p (1−p)^(x−1) / (α+t_x)^(r+x) ]
 *
 * which is the BG/NBD likelihood with B(a, b+x)/B(a, b) → (1−p)^x and B(a+1, b+x−1)/B(a, b) →
 * p (1−p)^(x−1). In the shared form (bgnbdRowSums): ln L = x ln(1−p) + ln Γ(r+x) − ln Γ(r) + r ln α +
 * ln(e^A₃ + e^A₄), A₃ = −(r+x) ln(α+T), A₄ = ln(p/(1−p)) − (r+x) ln(α+t_x). With θ = logit p
 * (dp/dθ = p(1−p)) and w the share of the A₄ branch: ∂ ln L/∂θ = w − x p; ∂/∂r, ∂/∂α as in BG/NBD.
 *
 * `gradient` (when given) receives [∂/∂r, ∂/∂α, ∂/∂logit p].
 *
 * @example bgnbdLimitLogLikelihood({ r: 2.5, alpha: 16, p: 0.03 }, bgnbdData(histories))
 */
export function bgnbdLimitLogLikelihood(
  params: BgNbdLimitParams,
  data: AggregatedRows,
  gradient?: number[],
): number {
  const { r, alpha, p } = params;
  const xLevels = data.levels[0];
  if (!xLevels) return 0;
  const logit = Math.log(p) - Math.log1p(-p);
  const lnStay = Math.log1p(-p);
  const lnOdds = xLevels.map((x) => (x > 0 ? logit : Number.NEGATIVE_INFINITY));
  const rows = bgnbdRowSums(r, alpha, lnOdds, data, gradient !== undefined);
  if (!rows) return 0;
  const { weightOfX, dropOfX, n } = rows;
  let sum = rows.sumLnD + n * (r * Math.log(alpha) - lnGamma(r));
  for (let k = 0; k < xLevels.length; k++) {
    const x = xLevels[k]!;
    sum += weightOfX[k]! * (lnGamma(r + x) + x * lnStay);
  }
  if (gradient) {
    let dr = rows.dr;
    let dLogit = 0;
    for (let k = 0; k < xLevels.length; k++) {
      const x = xLevels[k]!;
      const W = weightOfX[k]!;
      dr += W * digamma(r + x);
      dLogit += dropOfX[k]! - W * x * p;
    }
    gradient[0] = dr + n * (Math.log(alpha) - digamma(r));
    gradient[1] = rows.dAlpha + (n * r) / alpha;
    gradient[2] = dLogit;
  }
  return sum;
}
