/**
 * Explanations of one customer's figures for Customer 360: for each figure, the formula, the rule
 * that decided it (the "why") and the numbers that went in — as data (i18n key suffixes and typed
 * numbers), never as English; the UI formats the numbers and picks the words of the language.
 *
 * It works from the stored metrics row, the company summary of the same recompute and the customer's
 * own deals (which Customer 360 has loaded anyway), so no other customer needs to be read.
 */
import type { AppSettings } from '../settings';
import type { CustomerMetrics } from '../types';
import {
  contemporaryValueOf,
  lineCostRatiosOf,
  type ContemporaryValueBreakdown,
  type DealFact,
  type ProductLineCostFact,
} from './contemporary-value';
import { dayOf, NO_DAY, windowOfDates, type AnalysisWindow } from './days';
import {
  customerCountBand,
  decliningSilenceDays,
  LIFECYCLE_ACTIONS,
  lifecycleStage,
  lostSilenceDays,
  marginLevel,
  valueTrend,
} from './lifecycle';
import { LOYALTY_WEIGHTS, loyaltyComponents, type LoyaltyComponent } from './loyalty';
import type { AnalyticsSummary } from './summary';
import { growthRoom } from './value-class';

export type ExplainUnit = 'money' | 'percent' | 'ratio' | 'days' | 'count' | 'score' | 'date' | 'text';

export interface ExplainInput {
  /** i18n key suffix of the input's label (`value.input.<key>`). */
  key: string;
  value: number | string | null;
  unit: ExplainUnit;
  /** What the input is about, named in its label (`lineCostRatio`: the product line's name). */
  subject?: string;
}

export const EXPLAINED_FIGURES = [
  'contemporaryValue',
  'tier',
  'valueClass',
  'shareOfWallet',
  'rfm',
  'loyalty',
  'potential',
  'lifecycle',
  'relationship',
] as const;
export type ExplainedFigure = (typeof EXPLAINED_FIGURES)[number];

export interface FigureExplanation {
  figure: ExplainedFigure;
  /** i18n key suffix of the rule that decided the figure (`value.reason.<reason>`), filled with the inputs. */
  reason: string;
  inputs: ExplainInput[];
}

const money = (key: string, value: number | null): ExplainInput => ({ key, value, unit: 'money' });
const input = (key: string, value: number | string | null, unit: ExplainUnit): ExplainInput => ({
  key,
  value,
  unit,
});

/** Revenue of the won deals in each half of the window (the lifecycle's value trend). */
export function revenueHalves(deals: readonly DealFact[], w: AnalysisWindow): [number, number] {
  const mid = w.startDay + Math.floor((w.endDay - w.startDay + 1) / 2);
  let first = 0;
  let second = 0;
  for (const d of deals) {
    if (d.stage !== 'won' || (d.deletedAt ?? null) !== null) continue;
    const day = dayOf(d.closeDate);
    if (day === NO_DAY || day < w.startDay || day > w.endDay) continue;
    if (day < mid) first += d.amount;
    else second += d.amount;
  }
  return [first, second];
}

/** A product line as the value explanation names it. */
export type ExplainedProductLine = ProductLineCostFact & { name: string; code: string };

/**
 * The value's explanation. Revenue is net of returns (their count and amount are inputs); when part
 * of the cost of goods was estimated from a cost ratio, the reason says so, by how much
 * (`contemporaryValue.estimated`) and at which ratio: one input per ratio used, `lineCostRatio` with
 * the product line's name as its subject, then `defaultCostRatio` (Settings).
 */
function valueExplanation(
  b: ContemporaryValueBreakdown,
  m: CustomerMetrics,
  lines: readonly ExplainedProductLine[],
): FigureExplanation {
  const estimated = b.costEstimated !== 0;
  // The product lines' ratios first, then the one from Settings: the same order whatever the deals'.
  const byLineFirst = [...b.costEstimates].sort(
    (x, y) => Number(x.productLineId === '') - Number(y.productLineId === ''),
  );
  const ratios = byLineFirst.map((e): ExplainInput => {
    if (e.productLineId === '') return input('defaultCostRatio', e.ratio, 'percent');
    const line = lines.find((l) => l.id === e.productLineId);
    return { ...input('lineCostRatio', e.ratio, 'percent'), subject: line?.name || line?.code || '' };
  });
  return {
    figure: 'contemporaryValue',
    reason: estimated ? 'contemporaryValue.estimated' : 'contemporaryValue',
    inputs: [
      input('windowStart', m.windowStart, 'date'),
      input('windowEnd', m.windowEnd, 'date'),
      input('orders', b.orders, 'count'),
      input('returns', b.returns, 'count'),
      money('returnAmount', b.returnAmount),
      money('revenue', b.revenue),
      money('costOfGoods', b.costOfGoods),
      ...(estimated ? [money('costEstimated', b.costEstimated), ...ratios] : []),
      money('serviceCost', b.serviceCost),
      money('handlingCost', b.handlingCost),
      money('interest', Math.round(b.interest)),
      money('reserve1', Math.round(b.reserveByBand[0])),
      money('reserve2', Math.round(b.reserveByBand[1])),
      money('reserve3', Math.round(b.reserveByBand[2])),
      money('reserve4', Math.round(b.reserveByBand[3])),
      money('financialCost', b.financialCost),
      money('contemporaryValue', b.contemporaryValue),
    ],
  };
}

function tierExplanation(m: CustomerMetrics, s: AnalyticsSummary): FigureExplanation {
  const v = m.contemporaryValue;
  const reason =
    m.tier === 'Z'
      ? 'tier.Z'
      : m.tier === 'N'
        ? 'tier.N'
        : m.tier === 'A'
          ? 'tier.A'
          : m.tier === 'B'
            ? 'tier.B'
            : 'tier.C';
  return {
    figure: 'tier',
    reason,
    inputs: [
      money('contemporaryValue', v),
      money('totalPositiveValue', s.totalPositiveValue),
      input('tierCutA', s.tierCutA, 'percent'),
      input('tierCutB', s.tierCutB, 'percent'),
      money('minValueA', s.minValueA),
      money('minValueB', s.minValueB),
    ],
  };
}

function classExplanation(m: CustomerMetrics, s: AnalyticsSummary): FigureExplanation {
  const room = growthRoom(
    {
      tier: m.tier,
      contemporaryValue: m.contemporaryValue,
      potentialValue: m.potentialValue,
      headroom: m.headroom,
    },
    { horizonYears: s.horizonYears, companyMargin: s.companyMargin, minValueA: s.minValueA },
  );
  const needed =
    s.minValueA === null ? null : Math.max(s.minValueA - m.contemporaryValue, m.contemporaryValue);
  const reason =
    m.valueClass === 'MVC'
      ? 'class.MVC'
      : m.valueClass === 'BZ'
        ? 'class.BZ'
        : m.valueClass === 'MGC'
          ? 'class.MGC'
          : room === null
            ? 'class.noGrowthData'
            : 'class.none';
  return {
    figure: 'valueClass',
    reason,
    inputs: [
      money('contemporaryValue', m.contemporaryValue),
      money('potentialValue', m.potentialValue),
      input('horizonYears', s.horizonYears, 'count'),
      money('headroom', m.headroom),
      input('companyMargin', s.companyMargin, 'percent'),
      money('growthRoom', room),
      money('minValueA', s.minValueA),
      money('growthNeeded', needed),
    ],
  };
}

function walletExplanation(
  m: CustomerMetrics,
  s: AnalyticsSummary,
  wallet: number | null,
): FigureExplanation {
  return {
    figure: 'shareOfWallet',
    reason: m.shareOfWallet === null ? 'wallet.none' : 'wallet',
    inputs: [
      money('revenue', m.revenue),
      input('windowMonths', s.windowMonths, 'count'),
      money('yearlyRevenue', Math.round((m.revenue * 12) / s.windowMonths)),
      money('walletEstimate', wallet),
      input('shareOfWallet', m.shareOfWallet, 'percent'),
      money('headroom', m.headroom),
    ],
  };
}

function rangeText(range: [number, number] | null | undefined): string | null {
  if (!range) return null;
  return range[0] === range[1] ? String(range[0]) : `${range[0]}–${range[1]}`;
}

function rfmExplanation(m: CustomerMetrics, s: AnalyticsSummary): FigureExplanation {
  const at = (ranges: AnalyticsSummary['rfmRanges']['r'], score: number | null) =>
    score === null ? null : (ranges[score - 1] ?? null);
  const mRange = at(s.rfmRanges.m, m.rfmM);
  return {
    figure: 'rfm',
    reason: m.rfmCell === '' ? 'rfm.none' : 'rfm',
    inputs: [
      input('recencyDays', m.recencyDays, 'days'),
      input('rfmR', m.rfmR, 'score'),
      input('rfmRRange', rangeText(at(s.rfmRanges.r, m.rfmR)), 'text'),
      input('frequency', m.frequency, 'count'),
      input('rfmF', m.rfmF, 'score'),
      input('rfmFRange', rangeText(at(s.rfmRanges.f, m.rfmF)), 'text'),
      money('monetary', m.monetary),
      input('rfmM', m.rfmM, 'score'),
      money('rfmMLow', mRange ? mRange[0] : null),
      money('rfmMHigh', mRange ? mRange[1] : null),
      input('rfmCell', m.rfmCell, 'text'),
      input('buyers', s.buyers, 'count'),
    ],
  };
}

function loyaltyExplanation(m: CustomerMetrics, s: AnalyticsSummary): FigureExplanation {
  const parts = loyaltyComponents(m);
  const components = (Object.keys(LOYALTY_WEIGHTS) as LoyaltyComponent[]).flatMap((key) => [
    input(`component.${key}`, parts[key], 'percent'),
    input(`weight.${key}`, LOYALTY_WEIGHTS[key], 'percent'),
  ]);
  return {
    figure: 'loyalty',
    reason: m.loyaltyIndex === null ? 'loyalty.none' : 'loyalty',
    inputs: [
      input('loyaltyIndex', m.loyaltyIndex, 'count'),
      input('repeatPurchases', m.repeatPurchases, 'count'),
      input('repeatPurchaseRate', s.repeatPurchaseRate, 'percent'),
      input(
        'interPurchaseMeanDays',
        m.interPurchaseMeanDays === null ? null : Math.round(m.interPurchaseMeanDays),
        'days',
      ),
      input('interPurchaseCv', m.interPurchaseCv, 'ratio'),
      input('tenureDays', m.tenureDays, 'days'),
      input('discountDepth', m.discountDepth, 'percent'),
      input('avgSatisfaction', m.avgSatisfaction, 'ratio'),
      input('complaints', m.complaints, 'count'),
      ...components,
    ],
  };
}

function potentialExplanation(m: CustomerMetrics, settings: AppSettings): FigureExplanation {
  return {
    figure: 'potential',
    reason: m.potentialMethod === null ? 'potential.none' : `potential.${m.potentialMethod}`,
    inputs: [
      input('pAlive', m.pAlive, 'percent'),
      input('expectedPurchases', m.expectedPurchases, 'ratio'),
      money('expectedProfitPerPurchase', m.expectedProfitPerPurchase),
      input('horizonYears', settings.horizonYears, 'count'),
      input('discountRate', settings.discountRate, 'percent'),
      money('potentialValue', m.potentialValue),
    ],
  };
}

function lifecycleExplanation(m: CustomerMetrics, trend: number | null): FigureExplanation {
  const { rule } = lifecycleStage({
    hasPurchase: m.recencyDays !== null,
    tenureDays: m.tenureDays,
    recencyDays: m.recencyDays,
    interPurchaseMeanDays: m.interPurchaseMeanDays,
    pAlive: m.pAlive,
    trend,
  });
  return {
    figure: 'lifecycle',
    reason: `lifecycle.${rule}`,
    inputs: [
      input('tenureDays', m.tenureDays, 'days'),
      input('recencyDays', m.recencyDays, 'days'),
      input(
        'interPurchaseMeanDays',
        m.interPurchaseMeanDays === null ? null : Math.round(m.interPurchaseMeanDays),
        'days',
      ),
      input('decliningSilenceDays', Math.round(decliningSilenceDays(m.interPurchaseMeanDays)), 'days'),
      input('lostSilenceDays', Math.round(lostSilenceDays(m.interPurchaseMeanDays)), 'days'),
      input('trend', trend, 'percent'),
      input('pAlive', m.pAlive, 'percent'),
      input('action', LIFECYCLE_ACTIONS[m.lifecycle], 'text'),
    ],
  };
}

function relationshipExplanation(m: CustomerMetrics, s: AnalyticsSummary): FigureExplanation {
  const margin = m.revenue > 0 ? m.contemporaryValue / m.revenue : null;
  return {
    figure: 'relationship',
    reason: m.suggestedRelationship === '' ? 'relationship.none' : 'relationship',
    inputs: [
      input('buyersInWindow', s.buyersInWindow, 'count'),
      input('countBand', customerCountBand(s.buyersInWindow), 'text'),
      input('margin', margin, 'percent'),
      input('marginLevel', marginLevel(m.contemporaryValue, m.revenue), 'text'),
    ],
  };
}

/**
 * Every figure of one customer, explained.
 *
 * @example
 * explainCustomer(row, summary, customer.walletEstimate, deals, settings)
 *   .find((e) => e.figure === 'tier')
 * // { figure: 'tier', reason: 'tier.C', inputs: [{ key: 'contemporaryValue', value: 120000, unit: 'money' }, …] }
 */
export function explainCustomer(
  m: CustomerMetrics,
  s: AnalyticsSummary,
  walletEstimate: number | null,
  deals: readonly DealFact[],
  settings: AppSettings,
  productLines: readonly ExplainedProductLine[] = [],
): FigureExplanation[] {
  const window = windowOfDates({ start: s.windowStart, end: s.windowEnd });
  const breakdown = contemporaryValueOf(deals, {
    todayDay: window.endDay,
    windowStartDay: window.startDay,
    settings,
    lineCostRatios: lineCostRatiosOf(productLines),
  });
  const [first, second] = revenueHalves(deals, window);
  return [
    valueExplanation(breakdown, m, productLines),
    tierExplanation(m, s),
    classExplanation(m, s),
    walletExplanation(m, s, walletEstimate),
    rfmExplanation(m, s),
    loyaltyExplanation(m, s),
    potentialExplanation(m, settings),
    lifecycleExplanation(m, valueTrend(first, second)),
    relationshipExplanation(m, s),
  ];
}
