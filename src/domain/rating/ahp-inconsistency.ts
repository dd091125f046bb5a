/**
 * Which judgements make an AHP matrix inconsistent.
 *
 * Method: with the eigenvector weights w, the error of judgement a_ij is ε_ij = a_ij · w_j / w_i
 * (1 when the judgement agrees exactly with the weights). Saaty showed that
 *
 *   λmax − n = (1/n) Σ_{i<j} (ε_ij + 1/ε_ij − 2),
 *
 * so each pair's term (ε + 1/ε − 2) / n is its exact share of λmax − n, hence of CI and CR. The pairs
 * are ranked by that share; the weight ratio w_i / w_j rounded to Saaty's scale is offered as the
 * judgement that would agree with the rest.
 */
import { nearestSaaty } from './ahp-matrix';

export interface InconsistentComparison {
  i: number;
  j: number;
  /** The judgement a_ij as entered. */
  value: number;
  /** w_i / w_j: what the other judgements imply. */
  implied: number;
  /** `implied` rounded to Saaty's scale. */
  suggested: number;
  /** Share of λmax − n caused by this pair, 0 … 1. */
  share: number;
}

/**
 * The `top` comparisons contributing most to the inconsistency, largest first (pairs that agree with the
 * weights to 1e-9 are left out).
 *
 * Example: [[1, 2, 9], [1/2, 1, 2], [1/9, 1/2, 1]] with its weights ≈ (0.65, 0.25, 0.10): the pair
 * (0, 2) comes first, implied ≈ 6.5, suggested 7.
 */
export function inconsistentComparisons(
  matrix: readonly (readonly number[])[],
  weights: readonly number[],
  top = 3,
): InconsistentComparison[] {
  const n = matrix.length;
  const terms: Omit<InconsistentComparison, 'share'>[] = [];
  const contributions: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const value = matrix[i]?.[j] ?? 1;
      const wi = weights[i] ?? 0;
      const wj = weights[j] ?? 0;
      if (!(wi > 0 && wj > 0)) continue;
      const epsilon = (value * wj) / wi;
      const term = epsilon + 1 / epsilon - 2;
      if (term < 1e-9) continue;
      terms.push({ i, j, value, implied: wi / wj, suggested: nearestSaaty(wi / wj) });
      contributions.push(term);
    }
  }
  const total = contributions.reduce((s, t) => s + t, 0);
  return terms
    .map((t, k) => ({ ...t, share: (contributions[k] ?? 0) / total }))
    .sort((x, y) => y.share - x.share)
    .slice(0, top);
}
