/**
 * Loyalty indicators (DESIGN.md §2) and the combined loyalty index.
 *
 * - A purchase is a won deal with a positive amount, counted by order: two orders on one day are two
 *   purchases. A return / credit note (negative amount) is never a purchase. (The BG/NBD model of
 *   potential value keeps its own convention, distinct purchase days: see potential.ts.)
 * - Repeat purchases of a customer = purchases in the window − 1 (never below 0); the company's
 *   repeat purchase rate = buyers in the window with ≥ 2 purchases ÷ buyers in the window (≥ 1).
 * - Inter-purchase time over the whole history of distinct purchase days: mean gap (≥ 2 days) and its
 *   coefficient of variation CV = population standard deviation ÷ mean (≥ 3 days, i.e. 2 gaps).
 * - Discount depth (price sensitivity) = Σ discount ÷ Σ list price over the purchases in the window,
 *   list price = amount + discount: the amount-weighted average depth (a big discounted order weighs
 *   more than a small one), exact in integers, so it does not depend on the order of the rows.
 * - Average satisfaction and complaints: interactions dated in the window (satisfaction not asked is
 *   left out of the mean).
 *
 * Loyalty index, 0–100 = round(100 × Σ wᵢ·cᵢ ÷ Σ wᵢ) over the components that are known:
 *
 *   component        c (0…1)                        weight
 *   recency          (R score − 1) ÷ 4                0.20
 *   frequency        (F score − 1) ÷ 4                0.20
 *   satisfaction     (average − 1) ÷ 4                0.15
 *   tenure           min(tenure days ÷ 1 095, 1)      0.10
 *   regularity       1 ÷ (1 + CV)                     0.10
 *   share of wallet  min(share, 1)                    0.10
 *   price            1 − min(discount depth ÷ 0.3, 1) 0.10
 *   complaints       1 ÷ (1 + complaints)             0.05
 *
 * A customer who never bought has no index (null).
 */

export const LOYALTY_WEIGHTS = {
  recency: 0.2,
  frequency: 0.2,
  satisfaction: 0.15,
  tenure: 0.1,
  regularity: 0.1,
  shareOfWallet: 0.1,
  price: 0.1,
  complaints: 0.05,
} as const;
export type LoyaltyComponent = keyof typeof LOYALTY_WEIGHTS;
/** The components in the order of LOYALTY_WEIGHTS, listed once (the index runs once per customer). */
const LOYALTY_COMPONENTS = Object.keys(LOYALTY_WEIGHTS) as readonly LoyaltyComponent[];

/** Tenure that counts as fully loyal in the index: three years. */
export const FULL_TENURE_DAYS = 1_095;
/** Discount depth at which the price component reaches 0. */
export const MAX_DISCOUNT_DEPTH = 0.3;

export interface LoyaltyInput {
  rfmR: number | null;
  rfmF: number | null;
  avgSatisfaction: number | null;
  tenureDays: number | null;
  interPurchaseCv: number | null;
  shareOfWallet: number | null;
  discountDepth: number | null;
  complaints: number;
}

/** Each component 0…1, or null when unknown. */
export function loyaltyComponents(x: LoyaltyInput): Record<LoyaltyComponent, number | null> {
  return {
    recency: x.rfmR === null ? null : (x.rfmR - 1) / 4,
    frequency: x.rfmF === null ? null : (x.rfmF - 1) / 4,
    satisfaction: x.avgSatisfaction === null ? null : (x.avgSatisfaction - 1) / 4,
    tenure: x.tenureDays === null ? null : Math.min(x.tenureDays / FULL_TENURE_DAYS, 1),
    regularity: x.interPurchaseCv === null ? null : 1 / (1 + x.interPurchaseCv),
    shareOfWallet: x.shareOfWallet === null ? null : Math.min(x.shareOfWallet, 1),
    price: x.discountDepth === null ? null : 1 - Math.min(x.discountDepth / MAX_DISCOUNT_DEPTH, 1),
    complaints: 1 / (1 + x.complaints),
  };
}

/**
 * The combined loyalty index (see the module comment); null for a customer who never bought.
 *
 * @example
 * // R 5, F 4, satisfaction 4.5, tenure 2 years, CV 0.5, no wallet estimate, depth 0.03, 1 complaint:
 * // components 1, 0.75, 0.875, 0.667, 0.667, —, 0.9, 0.5; weights without wallet sum to 0.9
 * // → round(100 × 0.7296 ÷ 0.9) = 81
 */
export function loyaltyIndex(x: LoyaltyInput): number | null {
  if (x.rfmR === null) return null;
  const parts = loyaltyComponents(x);
  let sum = 0;
  let weights = 0;
  for (const key of LOYALTY_COMPONENTS) {
    const c = parts[key];
    if (c === null) continue;
    sum += LOYALTY_WEIGHTS[key] * c;
    weights += LOYALTY_WEIGHTS[key];
  }
  return weights > 0 ? Math.round((100 * sum) / weights) : null;
}

/**
 * Mean and CV of inter-purchase gaps from their count, sum and sum of squares (days).
 *
 * @example interPurchaseStats(2, 60, 2_000) // gaps 20 and 40: mean 30, sd 10, CV ≈ 0.333
 */
export function interPurchaseStats(
  gaps: number,
  sum: number,
  sumSquares: number,
): { mean: number | null; cv: number | null } {
  if (gaps < 1) return { mean: null, cv: null };
  const mean = sum / gaps;
  if (gaps < 2 || mean <= 0) return { mean, cv: null };
  const variance = Math.max(0, sumSquares / gaps - mean * mean);
  return { mean, cv: Math.sqrt(variance) / mean };
}

/** Company repeat purchase rate; null when nobody bought in the window. @example repeatRate(30, 100) // 0.3 */
export function repeatRate(repeatBuyers: number, buyers: number): number | null {
  return buyers > 0 ? repeatBuyers / buyers : null;
}
