import type { PotentialMethod } from '../types';
import { bgnbdExpectedIfAlive, bgnbdPAlive, type BgNbdModel } from './bgnbd';
import { fitBgNbd, type BgNbdFit } from './bgnbd-fit';
import { DAYS_PER_YEAR, discountSlices, horizonSlices, type HorizonSlices } from './discounting';
import { gammaGammaExpectedProfit } from './gamma-gamma';
import { fitGammaGamma, type GammaGammaFit } from './gamma-gamma-fit';
import type { PurchaseSummary } from './summary';

/**
 * Potential value (DESIGN.md §2): what a customer is expected to bring over the next H years if the
 * relationship goes on as it is — expected purchases (BG/NBD) × expected profit per purchase
 * (Gamma-Gamma), discounted by yearly slices (discounting.ts).
 *
 * The models need enough repeat buyers to be estimated: with fewer than `minRepeatCustomers`
 * customers with x > 0 (default 50, DESIGN.md's "~50"), or when either fit does not converge, the
 * model falls back to each customer's own run rate and says so (`method: 'run-rate'`, plus `reason`).
 * When the BG/NBD maximum-likelihood answer is its fixed-p limit (bgnbd-fit.ts: the data show no spread
 * in dropout between customers), that limit is used and named: `method: 'bgnbd-fixed-p-gg'`.
 * Money is in the unit of the purchase values given to summariseTransactions (the app uses integer
 * cents; the caller rounds). The model is plain data, so a worker can post it.
 */

export interface PotentialModelOptions {
  /** Days per time unit of the summaries (default 7: weeks, as summariseTransactions' default). */
  unitDays?: number;
  /** Below this many customers with repeat purchases, use the run-rate fallback (default 50). */
  minRepeatCustomers?: number;
}

export type RunRateReason = 'too-few-repeat-customers' | 'bgnbd-not-converged' | 'gamma-gamma-not-converged';

interface PotentialModelBase {
  unitDays: number;
  /** Valid summaries the model was built from, and how many of them have x > 0. */
  customers: number;
  repeatCustomers: number;
  /** Σ x·zbar / Σ x over repeat buyers: the average value of a repeat purchase; null without any. */
  meanProfitPerPurchase: number | null;
}

export type PotentialModel =
  | (PotentialModelBase & {
      method: 'bgnbd-gg' | 'bgnbd-fixed-p-gg';
      bgnbd: BgNbdFit;
      gammaGamma: GammaGammaFit;
    })
  | (PotentialModelBase & {
      method: 'run-rate';
      reason: RunRateReason;
      /** The fits that were tried, if any (for the explanation). */
      bgnbd: BgNbdFit | null;
      gammaGamma: GammaGammaFit | null;
    });

export interface PotentialValueOptions {
  /** Horizon H in years (settings `horizonYears`, default 5). */
  horizonYears: number;
  /** Yearly discount rate d (settings `discountRate`, 0.1 = 10 %). */
  discountRate: number;
}

export interface PotentialValue {
  /** P(alive) from BG/NBD; null with the run-rate fallback, which has no such notion. */
  pAlive: number | null;
  /** Expected purchases over the horizon, undiscounted. */
  expectedPurchases: number | null;
  expectedProfitPerPurchase: number | null;
  /** Discounted expected profit over the horizon. */
  potentialValue: number | null;
  method: PotentialMethod;
}

function isValid(s: PurchaseSummary): boolean {
  return (
    Number.isFinite(s.x) &&
    Number.isFinite(s.tx) &&
    Number.isFinite(s.T) &&
    Number.isFinite(s.zbar) &&
    s.x >= 0 &&
    s.tx >= 0 &&
    s.tx <= s.T
  );
}

/**
 * Fits the potential-value model on every customer's summary (BG/NBD on x, t_x, T; Gamma-Gamma on
 * x, zbar of the repeat buyers), or chooses the run-rate fallback.
 *
 * @example
 * const model = fitPotentialModel(summariseTransactions(purchases, '2025-12-31'));
 * model.method // 'bgnbd-gg' ('bgnbd-fixed-p-gg' at the a, b → ∞ boundary), or 'run-rate' with model.reason
 */
export function fitPotentialModel(
  summaries: readonly PurchaseSummary[],
  options: PotentialModelOptions = {},
): PotentialModel {
  const { unitDays = 7, minRepeatCustomers = 50 } = options;
  const valid = summaries.filter(isValid);
  const repeat = valid.filter((s) => s.x > 0);
  const repeatPurchases = repeat.reduce((sum, s) => sum + s.x, 0);
  const base: PotentialModelBase = {
    unitDays,
    customers: valid.length,
    repeatCustomers: repeat.length,
    meanProfitPerPurchase:
      repeatPurchases > 0 ? repeat.reduce((sum, s) => sum + s.x * s.zbar, 0) / repeatPurchases : null,
  };
  const runRate = (
    reason: RunRateReason,
    bgnbd: BgNbdFit | null = null,
    gammaGamma: GammaGammaFit | null = null,
  ) => ({ ...base, method: 'run-rate', reason, bgnbd, gammaGamma }) satisfies PotentialModel;

  if (repeat.length < minRepeatCustomers) return runRate('too-few-repeat-customers');
  const bgnbd = fitBgNbd(valid);
  if (!bgnbd.converged) return runRate('bgnbd-not-converged', bgnbd);
  const gammaGamma = fitGammaGamma(repeat);
  if (gammaGamma.customers < minRepeatCustomers) {
    // Repeat buyers whose purchases averaged zero or a loss cannot enter Gamma-Gamma (see gammaGammaData).
    return runRate('too-few-repeat-customers', bgnbd, gammaGamma);
  }
  if (!gammaGamma.converged) return runRate('gamma-gamma-not-converged', bgnbd, gammaGamma);
  return { ...base, method: bgnbd.boundary ? 'bgnbd-fixed-p-gg' : 'bgnbd-gg', bgnbd, gammaGamma };
}

/**
 * One customer's potential value under a fitted model.
 *
 * BG/NBD (or its fixed-p limit) + Gamma-Gamma: expectedPurchases = E[Y(H) | x, t_x, T]; expectedProfitPerPurchase =
 * E[Z | x, zbar]; potentialValue = Σₖ (E[Y(k)] − E[Y(k−1)]) (1 + d)^−k × E[Z | x, zbar].
 *
 * The value can be negative for a customer whose repeat purchases lose money on average (zbar < 0):
 * the models do not hide a loss-making relationship.
 *
 * Run rate: the customer's repeat purchases per year so far, x / T (converted to years), go on for H
 * years — expectedPurchases = x/T · H; the profit per purchase is the customer's own zbar (the average
 * repeat purchase of all customers when x = 0); potentialValue = x/T · Σₖ (1 + d)^−k × that profit.
 *
 * @example
 * // CDNOW model (weeks); customer x = 2, t_x = 30.43, T = 38.86, zbar = 22.35; 5 years at 10 %:
 * potentialValueFor(model, { x: 2, tx: 30.43, T: 38.86, zbar: 22.35 }, { horizonYears: 5, discountRate: 0.1 })
 * // → pAlive 0.7266, expectedPurchases 4.945, expectedProfitPerPurchase 24.66, potentialValue 96.44
 * // (yearly slices of E[Y]: 1.563, 1.113, 0.884, 0.742, 0.643 purchases, discounted by 1.1^−k, × 24.66)
 * @example
 * // Run rate: x = 4 repeat purchases in T = 730.5 / 7 weeks (2 years) → 2 a year; zbar = 150;
 * // H = 2 years at 10 %: 2 × 150 / 1.1 + 2 × 150 / 1.1² = 272.73 + 247.93 = 520.66
 */
export function potentialValueFor(
  model: PotentialModel,
  summary: PurchaseSummary,
  options: PotentialValueOptions,
): PotentialValue {
  return potentialValuer(model, options)(summary);
}

/**
 * potentialValueFor with the model and options fixed, for many customers: the same figures, to the
 * last bit, for less work. What customers share is worked out once: the horizon's slices and discount
 * factors, and the alive customer's expected purchases at each slice end, which depend on x and T but
 * not on t_x (bgnbdExpectedIfAlive), so customers with the same (x, T) share one curve. P(alive) is
 * worked out once per customer rather than once per slice.
 *
 * @example
 * const valueOf = potentialValuer(model, { horizonYears: 5, discountRate: 0.1 });
 * const values = summaries.map(valueOf); // each equal to potentialValueFor(model, summary, options)
 */
export function potentialValuer(
  model: PotentialModel,
  options: PotentialValueOptions,
): (summary: PurchaseSummary) => PotentialValue {
  const { method, unitDays } = model;
  const slices = horizonSlices(options.horizonYears, options.discountRate);
  const unitsPerYear = DAYS_PER_YEAR / unitDays;
  const invalid = (): PotentialValue => ({
    pAlive: null,
    expectedPurchases: null,
    expectedProfitPerPurchase: null,
    potentialValue: null,
    method,
  });

  if (model.method !== 'run-rate') {
    const bg = model.bgnbd.model;
    const gg = model.gammaGamma.params;
    const curveOf = ifAliveCurves(bg, slices, unitsPerYear);
    return (summary) => {
      if (!isValid(summary)) return invalid();
      // E[Y(t) | x, t_x, T] = P(alive) × E[Y(t) | alive, x, T], as bgnbdConditionalExpectedPurchases.
      const pAlive = bgnbdPAlive(bg, summary);
      const curve = curveOf(summary.x, summary.T);
      const { purchases, discounted } = discountSlices((k) => pAlive * (curve[k] as number), slices);
      const profit = gammaGammaExpectedProfit(gg, summary.x, summary.zbar);
      return {
        pAlive,
        expectedPurchases: purchases,
        expectedProfitPerPurchase: profit,
        potentialValue: discounted * profit,
        method,
      };
    };
  }

  const { meanProfitPerPurchase } = model;
  return (summary) => {
    if (!isValid(summary)) return invalid();
    const perYear = summary.T > 0 ? (summary.x / summary.T) * unitsPerYear : 0;
    const { purchases, discounted } = discountSlices((k) => perYear * (slices.ends[k] as number), slices);
    const profit = summary.x > 0 ? summary.zbar : meanProfitPerPurchase;
    return {
      pAlive: null,
      expectedPurchases: purchases,
      expectedProfitPerPurchase: profit,
      // No profit figure only when nobody has a repeat purchase: then nobody has a run rate either.
      potentialValue: profit === null ? 0 : discounted * profit,
      method,
    };
  };
}

/**
 * E[Y(end) | alive, x, T] at every slice end, one curve per (x, T), made the first time a customer
 * with that pair asks for it. Keyed by x, then by T (plain numbers, no string keys to build).
 */
function ifAliveCurves(
  bg: BgNbdModel,
  slices: HorizonSlices,
  unitsPerYear: number,
): (x: number, T: number) => Float64Array {
  const byX = new Map<number, Map<number, Float64Array>>();
  return (x, T) => {
    let byT = byX.get(x);
    if (byT === undefined) byX.set(x, (byT = new Map()));
    let curve = byT.get(T);
    if (curve === undefined) {
      curve = slices.ends.map((years) => bgnbdExpectedIfAlive(bg, years * unitsPerYear, x, T));
      byT.set(T, curve);
    }
    return curve;
  };
}
