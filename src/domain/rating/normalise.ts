/**
 * Min–max normalisation of one rating criterion to [0, 1], so criteria measured in money, days or
 * points can be weighted together.
 *
 * Policy: a missing value (`null`, e.g. a customer with no purchase yet) stays `null` and is left out
 * of min and max; when every present value is equal the criterion cannot tell customers apart and each
 * present value becomes 1 (rather than dividing by zero).
 */

/** Whether more is better ('benefit', e.g. value) or less is better ('cost', e.g. complaints). */
export type CriterionDirection = 'benefit' | 'cost';

/**
 * Normalises the values of one criterion.
 *
 * benefit: `(x − min) / (max − min)`; cost: `(max − x) / (max − min)`.
 *
 * Example: `normaliseCriterion([10, 20, 30, null], 'benefit')` → `[0, 0.5, 1, null]`;
 * with 'cost' → `[1, 0.5, 0, null]`.
 */
export function normaliseCriterion(
  values: readonly (number | null)[],
  direction: CriterionDirection,
): (number | null)[] {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v === null) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const range = max - min;
  return values.map((v) => {
    if (v === null) return null;
    if (!(range > 0)) return 1;
    return direction === 'benefit' ? (v - min) / range : (max - v) / range;
  });
}
