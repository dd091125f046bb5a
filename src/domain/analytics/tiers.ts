/**
 * ABC tiers (Pareto, DESIGN.md §2) by cumulative share of positive contemporary value.
 *
 * The rule, exactly:
 * - Rank the customers with a positive value from the highest value down (ties by customer id, so the
 *   order never depends on the order of the input rows).
 * - P = the sum of the positive values. A customer's "share before" = the value of the customers ranked
 *   above it ÷ P.
 * - A if share before < cutA; else B if share before < cutB; else C. So the customer that crosses a cut
 *   point belongs to the higher tier: A is the smallest group of top customers that reaches 80 % of P.
 * - Customers with exactly the same value share a tier: a group of equal values takes the tier of its
 *   first member (the share before the group).
 * - A customer with no positive value in the period is not C: a value of exactly 0 (no purchase, or
 *   nothing left of it) is N, "no purchase in the period"; a negative value is Z (below zero, the BZ
 *   class), e.g. returns that exceed the period's sales.
 */
import type { AbcTier } from '../types';

/** Every tier, in the order the UI lists them. */
export const ABC_TIERS = ['A', 'B', 'C', 'N', 'Z'] as const satisfies readonly AbcTier[];

export interface TierResult {
  /** One tier per input customer, in input order. */
  tiers: AbcTier[];
  /** Sum of the positive values (P). */
  totalPositive: number;
  /** Lowest value of an A customer and of a B customer, or null when the tier is empty. */
  minValueA: number | null;
  minValueB: number | null;
  /** Value before each customer in the ranking ÷ P (0 for non-positive values). */
  shareBefore: Float64Array;
}

/**
 * Assigns the ABC(Z) tier of each customer.
 *
 * @example
 * // values 50, 30, 10, 6, 4, 0, −5 with cut points 0.8 / 0.95 (P = 100):
 * // share before = 0, 0.5, 0.8, 0.9, 0.96 → A, A, B, B, C; then 0 → N and −5 → Z.
 * abcTiers([50, 30, 10, 6, 4, 0, -5], ['a','b','c','d','e','f','g'], 0.8, 0.95).tiers
 * // ['A', 'A', 'B', 'B', 'C', 'N', 'Z']
 */
export function abcTiers(
  values: ArrayLike<number>,
  ids: readonly string[],
  cutA: number,
  cutB: number,
): TierResult {
  const n = values.length;
  const tiers = new Array<AbcTier>(n);
  const shareBefore = new Float64Array(n);
  const positive: number[] = [];
  let totalPositive = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i] ?? 0;
    if (v > 0) {
      positive.push(i);
      totalPositive += v;
    } else {
      tiers[i] = v < 0 ? 'Z' : 'N';
    }
  }
  positive.sort((a, b) => {
    const d = (values[b] ?? 0) - (values[a] ?? 0);
    if (d !== 0) return d;
    const ia = ids[a] ?? '';
    const ib = ids[b] ?? '';
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  });
  let minValueA: number | null = null;
  let minValueB: number | null = null;
  let cumulative = 0;
  let groupBefore = 0;
  let groupValue = Number.NaN;
  for (const i of positive) {
    const v = values[i] ?? 0;
    if (v !== groupValue) {
      groupValue = v;
      groupBefore = cumulative;
    }
    const share = groupBefore / totalPositive;
    shareBefore[i] = share;
    const tier: AbcTier = share < cutA ? 'A' : share < cutB ? 'B' : 'C';
    tiers[i] = tier;
    if (tier === 'A') minValueA = v;
    else if (tier === 'B') minValueB = v;
    cumulative += v;
  }
  return { tiers, totalPositive, minValueA, minValueB, shareBefore };
}
