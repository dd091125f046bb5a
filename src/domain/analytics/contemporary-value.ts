/**
 * Contemporary value (既成价值, DESIGN.md §2) of a customer over the analysis window W:
 *
 *   value = revenue − cost of goods − transaction costs − financial costs
 *
 * Policy (what counts, and where money is rounded):
 * - Only won deals count, and only ones not in the trash. Revenue, cost of goods and transaction
 *   costs come from the won deals whose close (order) date lies in W.
 * - A won deal with a positive amount is a purchase (an order); one with a negative amount is a return
 *   / credit note: its amount lowers revenue and its cost lowers cost of goods in the period it falls in
 *   (net revenue), but it is not an order. A won deal of amount 0 is neither.
 * - Cost of goods of a deal that carries none (cost 0) is estimated as amount × a cost ratio, rounded
 *   to the cent (`costOfGoodsOf`). The ratio is the deal's product line's (`ProductLine.costRatio`)
 *   when the line has one, else defaultCostRatio (Settings; 0 by default, i.e. no estimate):
 *   own cost > product line's ratio > global ratio (`costRatioFor`).
 * - Transaction costs = Σ per-deal service/freight cost + handlingCostPerOrder × number of purchases.
 * - Financial costs are the cost, during W, of the receivables the customer still owes today, whatever
 *   the order date (a debt from two years ago still costs money now; otherwise the > 365-day bad-debt
 *   band could never apply):
 *   - interest = annual rate × outstanding × days / 365, where outstanding = amount − paid (≥ 0) and
 *     days = today − max(order date, first day of W): the days the debt was open within W;
 *   - bad-debt reserve = rate of the overdue band × outstanding, with days overdue = today − due date:
 *     1–90, 91–180, 181–365 or > 365 days (not yet due, or no due date: no reserve).
 * - Money is integer cents. Interest and reserve are computed in floating point and rounded once per
 *   deal, to the nearest cent (half up); every total is then a sum of integers, exact to the cent.
 * - Deals dated after today are ignored (they cannot be in W yet).
 */
import type { AppSettings } from '../settings';
import type { Deal } from '../types';
import { dayOf, NO_DAY } from './days';

/** The fields of a won deal the value engine reads (a Deal satisfies it). */
export type DealFact = Pick<
  Deal,
  | 'customerId'
  | 'stage'
  | 'closeDate'
  | 'amount'
  | 'cost'
  | 'serviceCost'
  | 'discount'
  | 'paidAmount'
  | 'dueDate'
> & { deletedAt?: number | null; productLineId?: string };

export type ValueSettings = Pick<
  AppSettings,
  'handlingCostPerOrder' | 'receivablesInterestRate' | 'badDebtRates' | 'defaultCostRatio'
>;

/**
 * The cost of goods the value engine uses for one deal: its own cost when it carries one (≠ 0), else
 * amount × ratio, rounded half away from zero to the cent (so a return's estimate mirrors a sale's).
 *
 * @example costOfGoodsOf(100_000, 0, 0.6) // 60 000 (estimated) · costOfGoodsOf(100_000, 55_000, 0.6) // 55 000
 * costOfGoodsOf(-20_000, 0, 0.6) // −12 000: the goods of a return came back
 */
export function costOfGoodsOf(amount: number, cost: number, ratio: number): number {
  if (cost !== 0 || ratio === 0) return cost;
  const estimate = Math.round(Math.abs(amount) * ratio);
  return amount < 0 ? -estimate : estimate;
}

/**
 * The product lines' own default cost ratios, as fractions (0.55 for 55 %), by product line id: only
 * lines that have one (built by `lineCostRatiosOf`).
 */
export type LineCostRatios = ReadonlyMap<string, number>;

/** What `lineCostRatiosOf` reads of a product line. */
export interface ProductLineCostFact {
  id: string;
  costRatio?: number | null;
  deletedAt?: number | null;
}

/**
 * The cost ratios of the live product lines that have one, as fractions: percent ÷ 100. A line in the
 * trash, or with no ratio (null, or a row written before the field existed), is left out, so its deals
 * use the global ratio.
 *
 * @example lineCostRatiosOf([{ id: 'p1', costRatio: 55 }, { id: 'p2', costRatio: null }]) // Map { 'p1' → 0.55 }
 */
export function lineCostRatiosOf(lines: readonly ProductLineCostFact[]): Map<string, number> {
  const ratios = new Map<string, number>();
  for (const line of lines) {
    const percent = line.costRatio;
    if ((line.deletedAt ?? null) !== null || typeof percent !== 'number' || !Number.isFinite(percent))
      continue;
    ratios.set(line.id, percent / 100);
  }
  return ratios;
}

/**
 * The cost ratio for a deal of product line `productLineId` that carries no cost of its own: the
 * line's ratio when it has one, else the global ratio (Settings).
 *
 * @example costRatioFor('p1', new Map([['p1', 0.55]]), 0.6) // 0.55 · costRatioFor('', …, 0.6) // 0.6
 */
export function costRatioFor(
  productLineId: string | undefined,
  lineRatios: LineCostRatios | undefined,
  globalRatio: number,
): number {
  if (!productLineId || lineRatios === undefined) return globalRatio;
  return lineRatios.get(productLineId) ?? globalRatio;
}

export interface ValueContext {
  todayDay: number;
  windowStartDay: number;
  settings: ValueSettings;
  /** The product lines' own cost ratios (none: every deal uses the global one). */
  lineCostRatios?: LineCostRatios;
}

/** Overdue age band: 0 = 1–90 days, 1 = 91–180, 2 = 181–365, 3 = > 365; -1 = not overdue. */
export type OverdueBand = -1 | 0 | 1 | 2 | 3;

/** The bad-debt band of a debt `daysOverdue` days past its due date. */
export function overdueBand(daysOverdue: number): OverdueBand {
  if (!(daysOverdue >= 1)) return -1;
  return daysOverdue <= 90 ? 0 : daysOverdue <= 180 ? 1 : daysOverdue <= 365 ? 2 : 3;
}

export interface DealFinancialCost {
  outstanding: number;
  interestDays: number;
  daysOverdue: number;
  band: OverdueBand;
  /** Unrounded parts, for explanations. */
  interest: number;
  reserve: number;
  /** round(interest + reserve), in cents. */
  total: number;
}

/**
 * The financial cost of one won deal today, in cents (see the module comment). A return (negative
 * amount) owes nothing: its outstanding amount is 0, so it never carries interest or a reserve.
 *
 * @example
 * // ¥100 000.00 order, ¥40 000.00 paid, ordered 100 days ago (inside W), due 70 days ago; 6 %/year,
 * // 1–90-day band at 5 %: interest = 0.06 × 6 000 000 × 100 / 365 = 98 630.14;
 * // reserve = 0.05 × 6 000 000 = 300 000; total = round(398 630.14) = 398 630 cents (¥3 986.30).
 */
export function dealFinancialCost(
  amount: number,
  paidAmount: number,
  closeDay: number,
  dueDay: number,
  ctx: ValueContext,
): DealFinancialCost {
  const outstanding = Math.max(0, amount - paidAmount);
  const from = Math.max(closeDay, ctx.windowStartDay);
  const interestDays = outstanding > 0 ? Math.max(0, ctx.todayDay - from) : 0;
  const daysOverdue = dueDay === NO_DAY ? 0 : Math.max(0, ctx.todayDay - dueDay);
  const band = outstanding > 0 ? overdueBand(daysOverdue) : -1;
  const interest = (ctx.settings.receivablesInterestRate * outstanding * interestDays) / 365;
  const reserve = band === -1 ? 0 : ctx.settings.badDebtRates[band] * outstanding;
  return {
    outstanding,
    interestDays,
    daysOverdue,
    band,
    interest,
    reserve,
    total: Math.round(interest + reserve),
  };
}

/** The same total as `dealFinancialCost(…).total`, without allocating (the orchestrator's hot loop). */
export function dealFinancialCostCents(
  amount: number,
  paidAmount: number,
  closeDay: number,
  dueDay: number,
  ctx: ValueContext,
): number {
  const outstanding = amount - paidAmount;
  if (outstanding <= 0) return 0;
  const from = closeDay > ctx.windowStartDay ? closeDay : ctx.windowStartDay;
  const interestDays = ctx.todayDay > from ? ctx.todayDay - from : 0;
  const interest = (ctx.settings.receivablesInterestRate * outstanding * interestDays) / 365;
  const band = dueDay === NO_DAY ? -1 : overdueBand(ctx.todayDay - dueDay);
  const reserve = band === -1 ? 0 : ctx.settings.badDebtRates[band] * outstanding;
  return Math.round(interest + reserve);
}

/** The cost estimated at one ratio: `ratio` is a fraction; productLineId '' = the global ratio. */
export interface CostEstimate {
  productLineId: string;
  ratio: number;
  amount: number;
}

/** Contemporary value of one customer with every part, for explanations and tests. */
export interface ContemporaryValueBreakdown {
  /** Purchases (won deals with a positive amount) dated in W. */
  orders: number;
  /** Returns / credit notes (won deals with a negative amount) dated in W. */
  returns: number;
  /** Σ amount of those returns (≤ 0). */
  returnAmount: number;
  /** Net revenue: Σ amount of the won deals in W, returns included. */
  revenue: number;
  costOfGoods: number;
  /** The part of costOfGoods estimated from a cost ratio (deals with no cost of their own). */
  costEstimated: number;
  /**
   * That estimate by the ratio used: one entry per product line whose own ratio was used
   * (`productLineId`), and one with productLineId '' for the global ratio; in order of first use.
   */
  costEstimates: CostEstimate[];
  serviceCost: number;
  handlingCost: number;
  transactionCost: number;
  /** Unrounded interest and bad-debt reserve per overdue band; `financialCost` is the rounded total. */
  interest: number;
  reserveByBand: [number, number, number, number];
  /** Outstanding receivables per overdue band (index 4 = not overdue). */
  outstandingByBand: [number, number, number, number, number];
  financialCost: number;
  contemporaryValue: number;
}

function addEstimate(estimates: CostEstimate[], productLineId: string, ratio: number, amount: number): void {
  const same = estimates.find((e) => e.productLineId === productLineId);
  if (same) same.amount += amount;
  else estimates.push({ productLineId, ratio, amount });
}

/**
 * Contemporary value of one customer from their deals (any stage; only won ones count).
 * The orchestrator computes the same figures from packed columns; a test keeps the two equal.
 *
 * @example
 * // W = the year to 2025-06-30, handling ¥50/order, one won deal on 2025-03-22: amount ¥1 000,
 * // cost ¥600, service ¥40, paid in full → 100 000 − 60 000 − (4 000 + 5 000) − 0 = 31 000 cents.
 */
export function contemporaryValueOf(
  deals: readonly DealFact[],
  ctx: ValueContext,
): ContemporaryValueBreakdown {
  const b: ContemporaryValueBreakdown = {
    orders: 0,
    returns: 0,
    returnAmount: 0,
    revenue: 0,
    costOfGoods: 0,
    costEstimated: 0,
    costEstimates: [],
    serviceCost: 0,
    handlingCost: 0,
    transactionCost: 0,
    interest: 0,
    reserveByBand: [0, 0, 0, 0],
    outstandingByBand: [0, 0, 0, 0, 0],
    financialCost: 0,
    contemporaryValue: 0,
  };
  for (const deal of deals) {
    if (deal.stage !== 'won' || (deal.deletedAt ?? null) !== null) continue;
    const closeDay = dayOf(deal.closeDate);
    if (closeDay === NO_DAY || closeDay > ctx.todayDay) continue;
    if (closeDay >= ctx.windowStartDay) {
      if (deal.amount > 0) b.orders += 1;
      if (deal.amount < 0) {
        b.returns += 1;
        b.returnAmount += deal.amount;
      }
      const line = deal.productLineId ?? '';
      const lineRatio = line === '' ? undefined : ctx.lineCostRatios?.get(line);
      const ratio = lineRatio ?? ctx.settings.defaultCostRatio;
      const cost = costOfGoodsOf(deal.amount, deal.cost, ratio);
      b.revenue += deal.amount;
      b.costOfGoods += cost;
      if (cost !== deal.cost) {
        b.costEstimated += cost;
        addEstimate(b.costEstimates, lineRatio === undefined ? '' : line, ratio, cost);
      }
      b.serviceCost += deal.serviceCost;
    }
    const f = dealFinancialCost(deal.amount, deal.paidAmount, closeDay, dayOf(deal.dueDate), ctx);
    if (f.outstanding > 0) {
      b.outstandingByBand[f.band === -1 ? 4 : f.band] += f.outstanding;
      b.interest += f.interest;
      if (f.band !== -1) b.reserveByBand[f.band] += f.reserve;
      b.financialCost += f.total;
    }
  }
  b.handlingCost = ctx.settings.handlingCostPerOrder * b.orders;
  b.transactionCost = b.serviceCost + b.handlingCost;
  b.contemporaryValue = b.revenue - b.costOfGoods - b.transactionCost - b.financialCost;
  return b;
}
