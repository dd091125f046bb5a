/**
 * The company-level figures of one recompute, stored beside the per-customer metrics. Customer 360
 * needs them to explain a customer's figures (the lowest value of an A customer, the RFM score ranges,
 * the company margin…) without reading every customer.
 */
import type { AbcTier, IsoDate, LifecycleStage, PotentialMethod, Timestamp } from '../types';
import type { CustomerCountBand } from './lifecycle';
import type { ScoreRanges } from './rfm';

/** 2: tier N (no positive value in the period) beside A, B, C, Z; frequency counted by order. */
export const SUMMARY_FORMAT_VERSION = 2;

export interface AnalyticsSummary {
  formatVersion: typeof SUMMARY_FORMAT_VERSION;
  computedAt: Timestamp;
  today: IsoDate;
  windowStart: IsoDate;
  windowEnd: IsoDate;
  /** The period's length in months (period.ts `periodMonths`, one decimal). */
  windowMonths: number;
  /** The live deals' first and latest order dates ('' without any; absent in older summaries). */
  firstDealDate?: IsoDate;
  latestDealDate?: IsoDate;
  /** Live deals dated in the window (null when not counted). */
  dealsInWindow?: number | null;
  /** Live customers (one metrics row each). */
  customers: number;
  /** Customers with at least one purchase (won deal with a positive amount) up to today. */
  buyers: number;
  buyersInWindow: number;
  repeatBuyersInWindow: number;
  /**
   * Company repeat purchase rate: repeat buyers ÷ buyers in the window, a buyer having ≥ 1 purchase in
   * the window and a repeat buyer ≥ 2, purchases counted by order (two orders on one day are two).
   */
  repeatPurchaseRate: number | null;
  totalRevenue: number;
  totalValue: number;
  /** P: the sum of positive contemporary values, the base of the ABC shares. */
  totalPositiveValue: number;
  companyMargin: number;
  tierCutA: number;
  tierCutB: number;
  tierCounts: Record<AbcTier, number>;
  tierValue: Record<AbcTier, number>;
  minValueA: number | null;
  minValueB: number | null;
  classCounts: { MVC: number; MGC: number; BZ: number };
  rfmRanges: { r: ScoreRanges; f: ScoreRanges; m: ScoreRanges };
  lifecycleCounts: Record<LifecycleStage, number>;
  customerCountBand: CustomerCountBand;
  horizonYears: number;
  /** Methods used for potential value, with how many customers each; empty without the model. */
  potentialMethods: Partial<Record<PotentialMethod, number>>;
}

/** Type guard for a summary read back from storage (a summary of another format is ignored). */
export function isAnalyticsSummary(value: unknown): value is AnalyticsSummary {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v.formatVersion === SUMMARY_FORMAT_VERSION &&
    typeof v.computedAt === 'number' &&
    typeof v.today === 'string' &&
    typeof v.windowStart === 'string' &&
    typeof v.totalPositiveValue === 'number' &&
    typeof v.tierCounts === 'object' &&
    v.tierCounts !== null &&
    typeof v.rfmRanges === 'object' &&
    v.rfmRanges !== null &&
    typeof v.potentialMethods === 'object' &&
    v.potentialMethods !== null
  );
}
