/**
 * The value engine's orchestrator: every customer's CustomerMetrics and the company summary, from the
 * base rows, in one pure function. Each figure's rule lives in its own module (contemporary-value,
 * tiers, wallet, value-class, rfm, loyalty, lifecycle, potential); this file only walks the data.
 *
 * Speed (DESIGN.md §6: ≤ 2 s for 100 000 customers and 1 000 000 deals): deals are packed into columns
 * grouped by customer (pack.ts), then one pass per customer over its contiguous range fills typed
 * arrays; sorting happens once per ranking (tiers, R, F, M), never per customer.
 */
import { periodMonths, type DealBounds } from '../period';
import type { DateWindow } from '../portfolio/windows';
import type { AppSettings } from '../settings';
import type {
  AbcTier,
  Customer,
  CustomerMetrics,
  Interaction,
  IsoDate,
  LifecycleStage,
  PotentialMethod,
  Timestamp,
} from '../types';
import type { LineCostRatios, ValueContext } from './contemporary-value';
import { CustomerIndex } from './customer-keys';
import { dealPass } from './deal-pass';
import type { DealInput } from './deal-columns';
import { analysisWindow, dayOf, NO_DAY, windowOfDates } from './days';
import {
  customerCountBand,
  lifecycleStage,
  marginLevel,
  suggestedRelationship,
  valueTrend,
} from './lifecycle';
import { interPurchaseStats, loyaltyIndex, repeatRate } from './loyalty';
import { packDeals, type PaymentColumns } from './pack';
import { clvModule, estimatePotential, type ClvModule } from './potential';
import { quintileScores, rfmSegment, scoreRanges } from './rfm';
import type { AnalyticsSummary } from './summary';
import { SUMMARY_FORMAT_VERSION } from './summary';
import { ABC_TIERS, abcTiers } from './tiers';
import { companyMargin, valueClass } from './value-class';
import { walletFigures } from './wallet';

export type CustomerFact = Pick<Customer, 'id' | 'walletEstimate'> &
  Partial<Pick<Customer, 'strategicImportance'>> & { deletedAt?: number | null };
export type InteractionFact = Pick<Interaction, 'customerId' | 'date' | 'type' | 'satisfaction'> & {
  deletedAt?: number | null;
};

export interface AnalyticsInput {
  customers: readonly CustomerFact[];
  /** Deals, as objects or batches of columns (won ones count; others and trashed ones are skipped). */
  deals: DealInput;
  interactions: readonly InteractionFact[];
  settings: AppSettings;
  /** The owner's calendar date the figures are computed on (stored in the summary). */
  today: IsoDate;
  /** The analysis period W (period.ts `resolvePeriod`); default the 12 months up to `today`. */
  period?: DateWindow;
  /** The live deals' first and latest dates (deal-bounds.ts), stored in the summary for the UI. */
  dealBounds?: DealBounds;
  /** How many live deals fall in the period, stored in the summary (the "no deal in W" notice). */
  dealsInPeriod?: number;
  /** The product lines' own cost ratios (lineCostRatiosOf); none: every deal uses the global one. */
  lineCostRatios?: LineCostRatios;
  /** Stamped on every row; default Date.now(). */
  computedAt?: Timestamp;
  /** The potential-value model; default the BG/NBD + Gamma-Gamma model of src/domain/clv; null = none. */
  potential?: ClvModule | null;
}

export interface AnalyticsResult {
  metrics: CustomerMetrics[];
  summary: AnalyticsSummary;
}

function emptyCounts<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

const nullable = (x: number): number | null => (Number.isNaN(x) ? null : x);

/**
 * Computes every customer's metrics and the company summary (see the modules for each rule).
 *
 * @example
 * const { metrics, summary } = computeAnalytics({ customers, deals, interactions,
 *   settings: DEFAULT_SETTINGS, today: '2025-06-30' });
 * metrics[0].tier; // 'A' | 'B' | 'C' | 'N' | 'Z'
 */
export function computeAnalytics(input: AnalyticsInput): AnalyticsResult {
  const { metrics, summary } = runEngine(input);
  return { metrics, summary };
}

/**
 * computeAnalytics, plus each live customer's payment record over `paymentWindow` (the rating's
 * payment-behaviour criterion), summed in the same pass over the deals: payment.due[i] and
 * payment.collected[i] belong to metrics[i]. `payment` is null when two live customers share an id,
 * since rows could then not be matched to customers by position.
 */
export function computeAnalyticsWithPayments(
  input: AnalyticsInput,
  paymentWindow: DateWindow,
): AnalyticsResult & { payment: PaymentColumns | null } {
  return runEngine(input, paymentWindow);
}

function runEngine(
  input: AnalyticsInput,
  paymentWindow?: DateWindow,
): AnalyticsResult & { payment: PaymentColumns | null } {
  const { settings, today } = input;
  const computedAt = input.computedAt ?? Date.now();
  const window = input.period ? windowOfDates(input.period) : analysisWindow(today, 12);
  const windowMonths = periodMonths(window);
  const todayDay = window.endDay;
  const lineCostRatios = input.lineCostRatios;
  const ctx: ValueContext = { todayDay, windowStartDay: window.startDay, settings, lineCostRatios };
  const midDay = window.startDay + Math.floor((todayDay - window.startDay + 1) / 2);

  const customers = input.customers.filter((c) => (c.deletedAt ?? null) === null);
  const n = customers.length;
  const ids = customers.map((c) => c.id);
  const index = new CustomerIndex(ids);

  const packed = packDeals(input.deals, index, todayDay, paymentWindow, {
    global: settings.defaultCostRatio,
    byLine: lineCostRatios,
  });
  const pass = dealPass(packed, n, ctx, midDay);

  // Interactions in the window: complaints and satisfaction.
  const complaints = new Int32Array(n);
  const satisfactionSum = new Float64Array(n);
  const satisfactionCount = new Int32Array(n);
  for (const it of input.interactions) {
    if ((it.deletedAt ?? null) !== null) continue;
    const i = index.rowOfId(it.customerId);
    if (i < 0) continue;
    const d = dayOf(it.date);
    if (d === NO_DAY || d < window.startDay || d > todayDay) continue;
    if (it.type === 'complaint') complaints[i]! += 1;
    if (it.satisfaction !== null) {
      satisfactionSum[i]! += it.satisfaction;
      satisfactionCount[i]! += 1;
    }
  }

  // Contemporary value and tiers.
  const value = new Float64Array(n);
  let totalRevenue = 0;
  let totalValue = 0;
  for (let i = 0; i < n; i++) {
    const transaction =
      (pass.serviceCost[i] as number) + settings.handlingCostPerOrder * (pass.orders[i] as number);
    value[i] =
      (pass.revenue[i] as number) -
      (pass.costOfGoods[i] as number) -
      transaction -
      (pass.financialCost[i] as number);
    totalRevenue += pass.revenue[i] as number;
    totalValue += value[i] as number;
  }
  const tiers = abcTiers(value, ids, settings.tierCutA, settings.tierCutB);
  const margin = companyMargin(totalValue, totalRevenue);

  const potential = estimatePotential(
    input.potential === undefined ? clvModule : input.potential,
    ids,
    packed,
    today,
    settings,
  );

  // RFM among the customers who ever bought.
  const buyers: number[] = [];
  for (let i = 0; i < n; i++) if (pass.lastDay[i] !== NO_DAY) buyers.push(i);
  // Plain loops: Float64Array.from(array, fn) goes through the iterator protocol, several times slower.
  const recency = new Float64Array(buyers.length);
  const freq = new Float64Array(buyers.length);
  const money = new Float64Array(buyers.length);
  buyers.forEach((i, k) => {
    recency[k] = todayDay - (pass.lastDay[i] as number);
    freq[k] = pass.orders[i] as number;
    money[k] = pass.sales[i] as number;
  });
  const rScores = quintileScores(recency, true);
  const fScores = quintileScores(freq, false);
  const mScores = quintileScores(money, false);
  const buyerSlot = new Int32Array(n).fill(-1);
  buyers.forEach((i, k) => (buyerSlot[i] = k));

  let buyersInWindow = 0;
  let repeatBuyersInWindow = 0;
  for (let i = 0; i < n; i++) {
    if ((pass.orders[i] as number) >= 1) buyersInWindow++;
    if ((pass.orders[i] as number) >= 2) repeatBuyersInWindow++;
  }
  const countBand = customerCountBand(buyersInWindow);

  const tierCounts = emptyCounts<AbcTier>(ABC_TIERS);
  const tierValue = emptyCounts<AbcTier>(ABC_TIERS);
  const classCounts = { MVC: 0, MGC: 0, BZ: 0 };
  const lifecycleCounts = emptyCounts<LifecycleStage>([
    'prospect',
    'new',
    'growing',
    'mature',
    'declining',
    'lost',
  ]);
  const potentialMethods: Partial<Record<PotentialMethod, number>> = {};

  const metrics = new Array<CustomerMetrics>(n);
  for (let i = 0; i < n; i++) {
    const customer = customers[i] as CustomerFact;
    const revenue = pass.revenue[i] as number;
    const orders = pass.orders[i] as number;
    const v = value[i] as number;
    const tier = tiers.tiers[i] as AbcTier;
    const wallet = walletFigures(revenue, customer.walletEstimate, windowMonths);
    const potentialValue = nullable(potential.potentialValue[i] as number);
    const pAlive = nullable(potential.pAlive[i] as number);
    const vClass = valueClass(
      { tier, contemporaryValue: v, potentialValue, headroom: wallet.headroom },
      { horizonYears: settings.horizonYears, companyMargin: margin, minValueA: tiers.minValueA },
    );
    const k = buyerSlot[i] as number;
    const bought = k >= 0;
    const lastDay = pass.lastDay[i] as number;
    const recencyDays = bought ? todayDay - lastDay : null;
    const tenureDays = bought ? todayDay - (pass.firstDay[i] as number) : null;
    const ipt = interPurchaseStats(
      pass.gaps[i] as number,
      pass.gapSum[i] as number,
      pass.gapSquares[i] as number,
    );
    const rfmR = bought ? (rScores[k] as number) : null;
    const rfmF = bought ? (fScores[k] as number) : null;
    const rfmM = bought ? (mScores[k] as number) : null;
    const frequency = orders;
    const satCount = satisfactionCount[i] as number;
    const avgSatisfaction = satCount > 0 ? (satisfactionSum[i] as number) / satCount : null;
    const listPrice = pass.listPriceSum[i] as number;
    const discountDepth = listPrice > 0 ? (pass.discountSum[i] as number) / listPrice : null;
    const { stage } = lifecycleStage({
      hasPurchase: bought,
      tenureDays,
      recencyDays,
      interPurchaseMeanDays: ipt.mean,
      pAlive,
      trend: valueTrend(pass.firstHalf[i] as number, pass.secondHalf[i] as number),
    });
    const transactionCost = (pass.serviceCost[i] as number) + settings.handlingCostPerOrder * orders;
    const method = potential.method[i] ?? null;

    tierCounts[tier] += 1;
    tierValue[tier] += v;
    if (vClass !== '') classCounts[vClass] += 1;
    lifecycleCounts[stage] += 1;
    if (method !== null) potentialMethods[method] = (potentialMethods[method] ?? 0) + 1;

    metrics[i] = {
      customerId: customer.id,
      computedAt,
      windowStart: window.start,
      windowEnd: window.end,
      revenue,
      costOfGoods: pass.costOfGoods[i] as number,
      transactionCost,
      financialCost: pass.financialCost[i] as number,
      contemporaryValue: v,
      tier,
      valueClass: vClass,
      shareOfWallet: wallet.shareOfWallet,
      headroom: wallet.headroom,
      recencyDays,
      frequency,
      monetary: pass.sales[i] as number,
      rfmR,
      rfmF,
      rfmM,
      rfmCell: bought ? `${rfmR}${rfmF}${rfmM}` : '',
      rfmSegment: bought ? rfmSegment(rfmR as number, rfmF as number) : '',
      repeatPurchases: Math.max(0, frequency - 1),
      interPurchaseMeanDays: ipt.mean,
      interPurchaseCv: ipt.cv,
      tenureDays,
      discountDepth,
      avgSatisfaction,
      complaints: complaints[i] as number,
      loyaltyIndex: loyaltyIndex({
        rfmR,
        rfmF,
        avgSatisfaction,
        tenureDays,
        interPurchaseCv: ipt.cv,
        shareOfWallet: wallet.shareOfWallet,
        discountDepth,
        complaints: complaints[i] as number,
      }),
      pAlive,
      expectedPurchases: nullable(potential.expectedPurchases[i] as number),
      expectedProfitPerPurchase: nullable(potential.expectedProfitPerPurchase[i] as number),
      potentialValue,
      potentialMethod: method,
      lifecycle: stage,
      suggestedRelationship: suggestedRelationship(countBand, marginLevel(v, revenue)),
      ratingScore: null,
      grade: null,
    };
  }

  const summary: AnalyticsSummary = {
    formatVersion: SUMMARY_FORMAT_VERSION,
    computedAt,
    today,
    windowStart: window.start,
    windowEnd: window.end,
    windowMonths,
    firstDealDate: input.dealBounds?.first ?? '',
    latestDealDate: input.dealBounds?.latest ?? '',
    dealsInWindow: input.dealsInPeriod ?? null,
    customers: n,
    buyers: buyers.length,
    buyersInWindow,
    repeatBuyersInWindow,
    repeatPurchaseRate: repeatRate(repeatBuyersInWindow, buyersInWindow),
    totalRevenue,
    totalValue,
    totalPositiveValue: tiers.totalPositive,
    companyMargin: margin,
    tierCutA: settings.tierCutA,
    tierCutB: settings.tierCutB,
    tierCounts,
    tierValue,
    minValueA: tiers.minValueA,
    minValueB: tiers.minValueB,
    classCounts,
    rfmRanges: {
      r: scoreRanges(recency, rScores),
      f: scoreRanges(freq, fScores),
      m: scoreRanges(money, mScores),
    },
    lifecycleCounts,
    customerCountBand: countBand,
    horizonYears: settings.horizonYears,
    potentialMethods,
  };
  const payment = packed.payment !== undefined && index.size === n ? packed.payment : null;
  return { metrics, summary, payment };
}

/** Every live customer's metrics (the summary left out). */
export function computeCustomerMetrics(input: AnalyticsInput): CustomerMetrics[] {
  return computeAnalytics(input).metrics;
}
