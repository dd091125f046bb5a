/**
 * AHP priorities: the principal eigenvector of a reciprocal pairwise-comparison matrix and Saaty's
 * consistency check.
 *
 * - Weights w: the principal right eigenvector, found by power iteration (w ← A·w / Σ(A·w) from
 *   w = 1/n until no weight moves by more than 1e-12). A positive reciprocal matrix has a unique
 *   positive principal eigenvector (Perron), so this always converges.
 * - λmax = (1/n) Σ_i (A·w)_i / w_i; CI = (λmax − n) / (n − 1); CR = CI / RI(n) (random-index table
 *   named by the caller). Saaty's rule: CR < 0.10 is acceptable; n ≤ 2 is always consistent (CR = 0).
 */
import { randomIndex, type RandomIndexTable } from './random-index';

export interface AhpResult {
  weights: number[];
  lambdaMax: number;
  /** Consistency index (λmax − n) / (n − 1); 0 for n ≤ 2. */
  ci: number;
  /** Random index used, or null when the table has no entry for n (n > 15). */
  ri: number | null;
  /** Consistency ratio CI / RI; 0 for n ≤ 2, null when RI is unknown. */
  cr: number | null;
  table: RandomIndexTable;
  iterations: number;
}

/** Saaty's acceptance limit: a matrix with CR ≥ 0.10 should be revised. */
export const CR_LIMIT = 0.1;

const TOLERANCE = 1e-12;
const MAX_ITERATIONS = 10_000;

function multiply(a: readonly (readonly number[])[], w: readonly number[]): number[] {
  return a.map((row) => row.reduce((sum, aij, j) => sum + aij * (w[j] ?? 0), 0));
}

/**
 * The principal-eigenvector weights of `matrix` (normalised to sum 1), λmax, CI and CR.
 *
 * Example (Saaty's drinks matrix, tests/fixtures/mcdm): weights coffee 0.1775, wine 0.0191, tea 0.0418,
 * beer 0.1164, soda 0.1896, milk 0.1288, water 0.3268; CR = 0.022 with the 2005 table (RI(7) = 1.35).
 * A 2 × 2 matrix [[1, 3], [1/3, 1]] gives weights [0.75, 0.25], λmax = 2, CR = 0.
 */
export function ahpWeights(
  matrix: readonly (readonly number[])[],
  table: RandomIndexTable = 'saaty2005',
): AhpResult {
  const n = matrix.length;
  if (n === 0) return { weights: [], lambdaMax: 0, ci: 0, ri: 0, cr: 0, table, iterations: 0 };
  let w = new Array<number>(n).fill(1 / n);
  let iterations = 0;
  for (; iterations < MAX_ITERATIONS; iterations++) {
    const aw = multiply(matrix, w);
    const total = aw.reduce((s, v) => s + v, 0);
    const next = aw.map((v) => v / total);
    const moved = next.reduce((m, v, i) => Math.max(m, Math.abs(v - (w[i] ?? 0))), 0);
    w = next;
    if (moved < TOLERANCE) break;
  }
  const aw = multiply(matrix, w);
  const lambdaMax = aw.reduce((s, v, i) => s + v / (w[i] ?? 1), 0) / n;
  // Rounding can leave λmax a hair under n for a consistent matrix; CI is never negative.
  const ci = n <= 2 ? 0 : Math.max(0, (lambdaMax - n) / (n - 1));
  const ri = randomIndex(n, table);
  const cr = n <= 2 ? 0 : ri === null || ri === 0 ? null : ci / ri;
  return { weights: w, lambdaMax, ci, ri, cr, table, iterations };
}
