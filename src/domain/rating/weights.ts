/**
 * Criterion weights typed in directly, and weights restricted to the criteria that have data.
 */

/**
 * Scales non-negative raw weights to sum 1; a negative or non-finite weight counts as 0. All zero →
 * equal weights.
 *
 * Example: `normaliseWeights([2, 1, 1])` → `[0.5, 0.25, 0.25]`; `normaliseWeights([0, 0])` → `[0.5, 0.5]`.
 */
export function normaliseWeights(raw: readonly number[]): number[] {
  const clean = raw.map((w) => (Number.isFinite(w) && w > 0 ? w : 0));
  const total = clean.reduce((s, w) => s + w, 0);
  if (total === 0) return clean.map(() => 1 / (clean.length || 1));
  return clean.map((w) => w / total);
}

/**
 * Keeps the weights of the criteria marked `used` and scales them to sum 1 again; the others become 0.
 * This is how a criterion with no data yet is left out: its weight is shared among the rest in
 * proportion to theirs.
 *
 * Example: `restrictWeights([0.5, 0.3, 0.2], [true, false, true])` → `[0.714…, 0, 0.285…]`.
 */
export function restrictWeights(weights: readonly number[], used: readonly boolean[]): number[] {
  const kept = weights.map((w, i) => (used[i] ? w : 0));
  const total = kept.reduce((s, w) => s + w, 0);
  return total > 0 ? kept.map((w) => w / total) : kept;
}
