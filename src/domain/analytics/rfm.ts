/**
 * RFM scoring (DESIGN.md §2 loyalty indicators).
 *
 * - Who is scored: every customer with at least one purchase up to today. A purchase is a won deal
 *   with a positive amount; a return / credit note (negative amount) never is (deal-pass.ts). The
 *   others get no scores and an empty cell.
 * - Recency R = days since the last purchase; frequency F = purchases in the analysis window, counted
 *   by order (two orders on one day are two); monetary M = Σ amount of those purchases (cents), returns
 *   left out (they lower net revenue and the contemporary value instead).
 * - Quintile score of a value among the n scored customers: 1 + floor(5 × worse ÷ n), where worse =
 *   the number of customers with a strictly worse value (a lower F or M, a longer recency). Ties get
 *   the same score whatever the row order; the score of a tie group is that of its first (worst)
 *   position, so a large group tied at the bottom (one purchase) scores 1.
 * - Cell code = `${R}${F}${M}`, e.g. '545'.
 * - Segment from the R and F scores, the common 5 × 5 grid (M does not change the segment):
 *
 *       F →   1                2                3                4           5
 *   R 5   new              potential-loyalist  potential-loyalist  champions   champions
 *   R 4   promising        potential-loyalist  potential-loyalist  loyal       loyal
 *   R 3   about-to-sleep   about-to-sleep      need-attention      loyal       loyal
 *   R 2   hibernating      hibernating         at-risk             at-risk     cannot-lose
 *   R 1   lost             hibernating         at-risk             at-risk     cannot-lose
 */

export const RFM_SEGMENTS = [
  'champions',
  'loyal',
  'potential-loyalist',
  'new',
  'promising',
  'need-attention',
  'about-to-sleep',
  'at-risk',
  'cannot-lose',
  'hibernating',
  'lost',
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

/**
 * Quintile scores 1–5 of `values` (see the module comment); `lowerIsBetter` for recency.
 *
 * @example quintileScores([10, 20, 30, 40, 50], false) // Uint8Array [1, 2, 3, 4, 5]
 * @example quintileScores([1, 1, 1, 2, 5], false)      // [1, 1, 1, 4, 5] (three tied at the bottom)
 * @example quintileScores([3, 300, 30, 7, 90], true)  // [5, 1, 3, 4, 2] (recent is better)
 * With fewer than 5 customers the top scores are not all used: 1 + floor(5 × (n − 1) ÷ n) < 5.
 */
export function quintileScores(values: ArrayLike<number>, lowerIsBetter: boolean): Uint8Array {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  const scores = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i] ?? 0;
    const worse = lowerIsBetter ? n - upperBound(sorted, v) : lowerBound(sorted, v);
    scores[i] = 1 + Math.floor((5 * worse) / n);
  }
  return scores;
}

/** Index of the first element ≥ v. */
function lowerBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? 0) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element > v. */
function upperBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? 0) <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const GRID: readonly (readonly RfmSegment[])[] = [
  // R = 1 … 5, each row F = 1 … 5
  ['lost', 'hibernating', 'at-risk', 'at-risk', 'cannot-lose'],
  ['hibernating', 'hibernating', 'at-risk', 'at-risk', 'cannot-lose'],
  ['about-to-sleep', 'about-to-sleep', 'need-attention', 'loyal', 'loyal'],
  ['promising', 'potential-loyalist', 'potential-loyalist', 'loyal', 'loyal'],
  ['new', 'potential-loyalist', 'potential-loyalist', 'champions', 'champions'],
];

/** The segment of an R and F score (1–5 each). @example rfmSegment(5, 5) // 'champions' */
export function rfmSegment(r: number, f: number): RfmSegment {
  const segment = GRID[r - 1]?.[f - 1];
  if (segment === undefined) throw new RangeError(`RFM scores must be 1–5, got R=${r} F=${f}`);
  return segment;
}

/** The range [lowest, highest] of the metric among the customers with each score 1–5. */
export type ScoreRanges = ([number, number] | null)[];

/** For explanations: which metric values got each score. */
export function scoreRanges(values: ArrayLike<number>, scores: Uint8Array): ScoreRanges {
  const ranges: ScoreRanges = [null, null, null, null, null];
  for (let i = 0; i < scores.length; i++) {
    const s = (scores[i] ?? 1) - 1;
    const v = values[i] ?? 0;
    const r = ranges[s];
    if (r === null || r === undefined) ranges[s] = [v, v];
    else {
      if (v < r[0]) r[0] = v;
      if (v > r[1]) r[1] = v;
    }
  }
  return ranges;
}
