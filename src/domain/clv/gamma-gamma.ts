/**
 * The Gamma-Gamma spend model (Fader & Hardie, "The Gamma-Gamma model of monetary value", note 025,
 * 2013; Colombo & Jiang 1999): each purchase value is Gamma(p, ν) with mean p/ν, and the customer's
 * ν is Gamma(q, v) across customers. The mean zbar of a customer's x repeat purchases is then
 * Gamma(px, xν), which is what the likelihood is written in. The model assumes the value of a purchase
 * is independent of how often the customer buys, and needs positive values.
 */
export interface GammaGammaParams {
  p: number;
  q: number;
  v: number;
}

/** A customer's repeat purchases: how many (x) and their mean value (zbar). */
export interface RepeatSpend {
  x: number;
  zbar: number;
}

/**
 * Expected value of the customer's next purchase, E[Z | x, zbar] (note 025): a weighted mean
 * of the population mean pv/(q−1) and the customer's own mean zbar, the weight on zbar growing with x:
 *
 * E = (q−1)/(px+q−1) · pv/(q−1) + px/(px+q−1) · zbar = p(v + x·zbar) / (px + q − 1)
 *
 * @example
 * // CDNOW parameters, a customer with x = 2 repeat purchases averaging $22.35:
 * gammaGammaExpectedProfit({ p: 6.25, q: 3.74, v: 15.44 }, 2, 22.35) // = 6.25·(15.44 + 44.7)/(12.5 + 2.74) ≈ 24.66
 * @returns NaN when the expectation does not exist (px + q ≤ 1: q ≤ 1 means an infinite population mean).
 */
export function gammaGammaExpectedProfit(params: GammaGammaParams, x: number, zbar: number): number {
  const { p, q, v } = params;
  const denominator = p * x + q - 1;
  if (!(denominator > 0)) return Number.NaN;
  return (p * (v + (x > 0 ? x * zbar : 0))) / denominator;
}
