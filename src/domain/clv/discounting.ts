/**
 * Discounting expected purchases over a horizon of H years.
 *
 * Method: yearly slices, end-of-year discounting. The purchases expected in year k are the difference
 * of the cumulative expectation, E(k) − E(k−1), and are discounted by (1 + d)^−k, as an accountant
 * discounts a yearly cash flow in a net present value; a final partial year (H not whole) ends at H
 * and is discounted by (1 + d)^−H. Chosen over the continuous-time DERT of Fader, Hardie & Lee (2005b)
 * because the owner can check it by hand in the tooltip, it works for any finite horizon with the
 * closed-form E[Y(t)] we already have, and it needs no second special function (DERT needs Tricomi's
 * confluent hypergeometric function). Purchases spread over a year are worth about (1 + d)^½ more
 * than end-of-year timing says (≈ 4.9 % at d = 10 %): a deliberate, conservative simplification.
 */

/** Days in a year of the potential-value horizon: the average calendar year, leap days included. */
export const DAYS_PER_YEAR = 365.25;

export interface DiscountedPurchases {
  /** Expected purchases over the whole horizon, undiscounted: E(H). */
  purchases: number;
  /** The same purchases, each yearly slice discounted to today: Σₖ (E(k) − E(k−1)) (1 + d)^−k. */
  discounted: number;
}

/**
 * The yearly slices of a horizon of H years: slice k ends at min(k, H) years and is discounted by
 * (1 + d)^−end. Worked out once per recompute, so a hundred thousand customers share the powers.
 *
 * @example horizonSlices(1.5, 0.1) // ends [1, 1.5], factors [1 / 1.1, 1.1^−1.5 = 0.86678]
 */
export function horizonSlices(horizonYears: number, discountRate: number): HorizonSlices {
  const ends: number[] = [];
  for (let k = 1; k - 1 < horizonYears; k++) ends.push(Math.min(k, horizonYears));
  return {
    ends: Float64Array.from(ends),
    factors: Float64Array.from(ends, (end) => Math.pow(1 + discountRate, -end)),
  };
}

export interface HorizonSlices {
  /** Where each yearly slice ends, in years from today (the last one at H). */
  ends: Float64Array;
  /** (1 + d)^−end of each slice. */
  factors: Float64Array;
}

/**
 * Discounts a cumulative expectation given at the end of each slice: Σₖ (E(k) − E(k−1)) · factorₖ,
 * with E(0) = 0; `cumulativeAt(k)` is E at `slices.ends[k]`.
 *
 * @example
 * // E(1) = 0.8, E(2) = 1.4 over 2 years at 10 %: 0.8 / 1.1 + 0.6 / 1.1² = 1.22314
 * discountSlices((k) => [0.8, 1.4][k]!, horizonSlices(2, 0.1)) // { purchases: 1.4, discounted: 1.22314 }
 */
export function discountSlices(
  cumulativeAt: (k: number) => number,
  slices: HorizonSlices,
): DiscountedPurchases {
  let previous = 0;
  let discounted = 0;
  for (let k = 0; k < slices.ends.length; k++) {
    const current = cumulativeAt(k);
    discounted += (current - previous) * (slices.factors[k] as number);
    previous = current;
  }
  return { purchases: previous, discounted };
}

/**
 * Splits a cumulative expectation into yearly slices and discounts each one.
 *
 * @param cumulative expected purchases within the first `years` years from today (0 at 0).
 * @param horizonYears H (≤ 0 gives nothing).
 * @param discountRate d per year (0.1 = 10 %).
 * @example
 * // E(1) = 0.8, E(2) = 1.4 purchases, H = 2 years, d = 10 %:
 * // slices 0.8 and 0.6 → 0.8 / 1.1 + 0.6 / 1.1² = 0.72727 + 0.49587 = 1.22314 discounted purchases
 * discountedPurchases((y) => [0, 0.8, 1.4][y]!, 2, 0.1) // { purchases: 1.4, discounted: 1.22314 }
 */
export function discountedPurchases(
  cumulative: (years: number) => number,
  horizonYears: number,
  discountRate: number,
): DiscountedPurchases {
  const slices = horizonSlices(horizonYears, discountRate);
  return discountSlices((k) => cumulative(slices.ends[k] as number), slices);
}
